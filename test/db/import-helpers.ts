/**
 * Native DuckDB set up as the page sets up DuckDB-WASM for an import: the bundled CSVs in schema
 * ds_0, the `main.<table>` views with their origin column, and an ImportSql whose files are
 * temporary files, so the import steps run here exactly as in the browser.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportSql } from '../../src/lib/db/imports/import-sql.ts';
import { originViewsSql, NO_IMPORTS, type BaseDataset } from '../../src/lib/db/dataset/origin-views.ts';
import { toPlainRow } from '../../src/lib/db/querying/plain-rows.ts';
import { createTableFromCsvSql, csvFileName, parseCsvHeader, TABLE_NAMES, type TableName } from '../../src/lib/db/dataset/schema.ts';
import type { Query } from '../../src/queries/query.ts';

export interface ImportTestDb {
  sql: ImportSql;
  base: BaseDataset;
  query<T>(query: Query<T>): Promise<T[]>;
  rows<T = Record<string, unknown>>(text: string): Promise<T[]>;
  close(): void;
}

export async function openImportTestDb(dataDir: string): Promise<ImportTestDb> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const scratch = mkdtempSync(join(tmpdir(), 'import-test-'));
  const rows = async <T>(text: string, params: DuckDBValue[] = []) =>
    (await connection.runAndReadAll(text, params)).getRowObjectsJS().map((row) => toPlainRow(row) as T);
  const sql: ImportSql = {
    run: async (text) => {
      await connection.run(text);
    },
    all: (text) => rows(text),
    async putFile(name, bytes) {
      const path = join(scratch, name);
      writeFileSync(path, bytes);
      return path;
    },
    async dropFile(path) {
      unlinkSync(path);
    },
  };
  const base: BaseDataset = { source: 'ds_0', columns: {} as Record<TableName, string[]> };
  await connection.run('CREATE SCHEMA ds_0');
  for (const table of TABLE_NAMES) {
    const path = join(dataDir, csvFileName(table));
    const header = parseCsvHeader(readFileSync(path, 'utf8').split('\n')[0]);
    base.columns[table] = header;
    await connection.run(createTableFromCsvSql(table, `ds_0.${table}`, path, header));
  }
  for (const statement of originViewsSql(base, NO_IMPORTS)) await connection.run(statement);
  return {
    sql,
    base,
    query: async (q) => {
      for (const need of q.needs ?? []) await rows(need.sql, need.params as DuckDBValue[]);
      return rows(q.sql, q.params as DuckDBValue[]);
    },
    rows: (text) => rows(text),
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
