/**
 * A DuckDB database file that looks like an ingest's but carries code (issue 16): its `reports`
 * is a VIEW over a table MACRO that reads `url` with read_csv, next to a SEQUENCE and the three
 * other tables. Reading `reports` makes DuckDB fetch `url`. Native DuckDB binds a view when it is
 * made, so the macro reads a local CSV of the contract's header then, and is replaced by one that
 * reads `url` afterwards (a view keeps the macro's name, not its body). Storage v1.0.0, so that
 * DuckDB-WASM (1.4) opens it.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTableSql, SCHEMA } from '../../src/parser/schema.ts';
import { quoteString } from '../../src/lib/db/dataset/schema.ts';

export async function trojanDatabase(url: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'trojan-'));
  const file = join(dir, 'trojan.duckdb');
  const localCsv = join(dir, 'reports.csv');
  writeFileSync(localCsv, `${SCHEMA.reports.map((c) => c.name).join(',')}\n`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of [
      `ATTACH ${quoteString(file)} AS trojan (STORAGE_VERSION 'v1.0.0')`,
      ...(['budget_lines', 'indicators', 'findings'] as const).map((table) => createTableSql(table, `trojan.${table}`)),
      // Names inside the file are unqualified: the view finds the macro under any alias.
      'USE trojan',
      `CREATE MACRO remote_rows(source := ${quoteString(localCsv)}) AS TABLE SELECT * FROM read_csv(source)`,
      'CREATE VIEW reports AS SELECT * FROM remote_rows()',
      `CREATE OR REPLACE MACRO remote_rows(source := ${quoteString(url)}) AS TABLE SELECT * FROM read_csv(source)`,
      'CREATE SEQUENCE ids',
      'USE memory',
      'DETACH trojan',
    ]) await connection.run(statement);
    return new Uint8Array(readFileSync(file));
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
