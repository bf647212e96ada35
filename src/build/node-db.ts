/**
 * Native DuckDB (@duckdb/node-api) loaded with a dataset exactly as the browser loads it: the
 * same DDL from src/lib/db/schema.ts, the same query modules. Used by the build-time snapshot
 * and the unit tests; never bundled into the app.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_NAMES, createTableFromCsvSql, csvFileName, parseCsvHeader, DatasetError, type TableName } from '../lib/db/schema.ts';
import { NO_IMPORTS, originViewSql, type BaseDataset } from '../lib/db/origin-views.ts';
import { toPlainRow } from '../lib/db/plain-rows.ts';
import type { Query } from '../queries/query.ts';

export interface NodeDb {
  query<T>(query: Query<T>): Promise<T[]>;
  close(): void;
}

function readFirstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytes).toString('utf8').split('\n')[0];
  } finally {
    closeSync(fd);
  }
}

async function loadCsvFolder(connection: DuckDBConnection, dir: string): Promise<void> {
  await connection.run('CREATE SCHEMA ds_0');
  const base: BaseDataset = { source: 'ds_0', columns: {} as Record<TableName, string[]>, materialize: true };
  for (const table of TABLE_NAMES) {
    const path = join(dir, csvFileName(table));
    if (!existsSync(path)) throw new DatasetError(path, 'file not found');
    const header = parseCsvHeader(readFirstLine(path));
    base.columns[table] = header;
    await connection.run(createTableFromCsvSql(table, `ds_0.${table}`, path, header));
    // The same relations as the browser's, `origin` column included, so queries test alike.
    await connection.run(originViewSql(table, base, NO_IMPORTS));
  }
}

/** Opens an in-memory database holding the four contract CSVs of `dir`. */
export async function openNodeDb(dir: string): Promise<NodeDb> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await loadCsvFolder(connection, dir);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  return {
    async query<T>(query: Query<T>): Promise<T[]> {
      try {
        const reader = await connection.runAndReadAll(query.sql, query.params as DuckDBValue[]);
        return reader.getRowObjectsJS().map((row) => toPlainRow(row) as T);
      } catch (error) {
        throw new Error(`query ${query.name} failed: ${(error as Error).message}`);
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
