/**
 * Native DuckDB (@duckdb/node-api) loaded with a dataset exactly as the browser loads it: the
 * same DDL from src/lib/db/dataset/schema.ts, the same query modules, and the same DuckDB version as
 * DuckDB-WASM's (the binding is pinned to it; test/db/one-engine.test.ts fails on a drift).
 * Used by the build-time snapshot and the unit tests; never bundled into the app.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_NAMES, createTableFromCsvSql, datasetSelectSql, csvFileName, csvHeaderLine, parseCsvHeader, DatasetError, type TableName } from '../lib/db/dataset/schema.ts';
import { NO_IMPORTS, originViewsSql, type BaseDataset } from '../lib/db/dataset/origin-views.ts';
import { toPlainRow } from '../lib/db/querying/plain-rows.ts';
import { queryStatements, type Query } from '../queries/query.ts';

export interface NodeDb {
  query<T>(query: Query<T>): Promise<T[]>;
  /** Prepares `sql` (parse and bind, no run) and throws DuckDB's error: the console's parse step in tests. */
  prepare(sql: string): Promise<void>;
  close(): void;
}

function readFirstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    return csvHeaderLine(buffer.subarray(0, bytes).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** `CREATE TABLE <schema>.<table> AS SELECT * FROM read_csv(…)` for each CSV of `dir`, typed as the browser types them. */
async function loadCsvTables(connection: DuckDBConnection, dir: string, schema: string): Promise<Record<TableName, string[]>> {
  const columns = {} as Record<TableName, string[]>;
  for (const table of TABLE_NAMES) {
    const path = join(dir, csvFileName(table));
    if (!existsSync(path)) throw new DatasetError(path, 'dataset.fileNotFound');
    columns[table] = parseCsvHeader(readFirstLine(path));
    await connection.run(createTableFromCsvSql(table, `${schema}.${table}`, path, columns[table]));
  }
  return columns;
}

async function loadCsvFolder(connection: DuckDBConnection, dir: string): Promise<void> {
  await connection.run('CREATE SCHEMA ds_0');
  const base: BaseDataset = { source: 'ds_0', columns: await loadCsvTables(connection, dir, 'ds_0'), materialize: true };
  // The same relations as the browser's, `origin` column included, so queries test alike.
  for (const statement of originViewsSql(base, NO_IMPORTS)) await connection.run(statement);
}

/**
 * Writes the CSVs of `dir` into a DuckDB database file, tables and types exactly as the browser
 * loads the CSVs, and every contract column present (absent optional ones as typed NULLs): the
 * app starts from this file (src/lib/db/dataset/load-dataset.ts) without asking it for its columns, and
 * DuckDB-WASM reads it in about half the time it takes to parse the CSVs. Storage v1.0.0
 * (DuckDB-WASM 1.32 holds DuckDB 1.4) and 16 kB blocks (the default 256 kB make a 1.3 MB file
 * of 30 kB of data).
 */
export async function writeStartupDatabase(dir: string, target: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${target.replace(/'/g, "''")}' AS startup (STORAGE_VERSION 'v1.0.0', BLOCK_SIZE 16384)`);
    await connection.run('CREATE SCHEMA csv');
    const columns = await loadCsvTables(connection, dir, 'csv');
    for (const table of TABLE_NAMES) {
      // The app sets `origin` itself; one from the CSV would stand beside it (the app reads this
      // file without asking for its columns), so it stays out.
      const select = datasetSelectSql(table, 'csv', columns[table]);
      await connection.run(`CREATE TABLE startup.${table} AS ${columns[table].includes('origin') ? `SELECT * EXCLUDE (origin) FROM (${select})` : select}`);
    }
    await connection.run('DETACH startup');
  } finally {
    connection.closeSync();
    instance.closeSync();
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
        let reader;
        for (const statement of queryStatements(query)) reader = await connection.runAndReadAll(statement.sql, statement.params as DuckDBValue[]);
        return reader!.getRowObjectsJS().map((row) => toPlainRow(row) as T);
      } catch (error) {
        throw new Error(`query ${query.name} failed: ${(error as Error).message}`);
      }
    },
    async prepare(sql: string): Promise<void> {
      const statement = await connection.prepare(sql);
      statement.destroySync();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
