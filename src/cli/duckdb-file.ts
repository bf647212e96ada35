/**
 * Writes the four contract tables into one DuckDB database file that DuckDB-WASM
 * (DuckDB 1.4.3) can ATTACH as it is. The native binding is pinned to the same DuckDB
 * (test/db/one-engine.test.ts); the explicit storage version keeps the file readable by
 * older DuckDBs too, and by the browser's should the binding ever run ahead of it.
 */
import path from 'node:path';
import { TABLE_NAMES } from '../parser/types.ts';
import { createTableSql, csvColumnTypes } from '../parser/schema.ts';
import { AGGREGATE_SCHEMA, AGGREGATE_TABLES, aggregateSelects } from '../lib/db/dataset/aggregates.ts';

export const DUCKDB_FILE_NAME = 'fund-performance.duckdb';
/** Readable by every DuckDB from 1.0 on, including the 1.4.3 inside duckdb-wasm 1.32. */
export const STORAGE_VERSION = 'v1.0.0';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Loads `<csvFolder>/<table>.csv` of each table into a new database file at `target`, with the
 * per-report aggregates the dashboard reads instead of scanning the indicators (schema `agg`,
 * src/lib/db/dataset/aggregates.ts): a large file opened by HTTP ranges then needs none of its
 * indicator rows to draw the overview.
 */
export async function writeDuckdbFile(csvFolder: string, target: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH ${quote(target)} AS out (STORAGE_VERSION '${STORAGE_VERSION}')`);
    for (const table of TABLE_NAMES) {
      const columns = Object.entries(csvColumnTypes(table)).map(([name, type]) => `${quote(name)}: ${quote(type)}`).join(', ');
      await connection.run(createTableSql(table, `out.${table}`));
      await connection.run(
        `INSERT INTO out.${table} SELECT * FROM read_csv(${quote(path.join(csvFolder, `${table}.csv`))}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`,
      );
    }
    await addAggregates(connection, 'out');
    await connection.run('DETACH out');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Writes the `agg` tables of the database attached as `catalog` from its four tables (replacing any). */
export async function addAggregates(connection: { run(sql: string): Promise<unknown> }, catalog: string): Promise<void> {
  const selects = aggregateSelects((table) => `${catalog}.main.${table}`);
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${catalog}.${AGGREGATE_SCHEMA}`);
  for (const table of AGGREGATE_TABLES) {
    // Sorted by report: a report's rows sit together, so reading the file by ranges stays compact.
    await connection.run(`CREATE OR REPLACE TABLE ${catalog}.${AGGREGATE_SCHEMA}.${table} AS SELECT * FROM (${selects[table]}) ORDER BY ALL`);
  }
}
