import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, writeStartupDatabase, type NodeDb } from '../../src/build/node-db.ts';
import type { DuckDbHandle } from '../../src/lib/db/engine/duckdb-instance.ts';
import { TABLE_NAMES, createTableFromCsvSql, csvFileName, datasetSelectSql, parseCsvHeader } from '../../src/lib/db/dataset/schema.ts';

/** The small hand-made dataset whose figures the tests below were computed from by hand. */
export const FIXTURE_DIR = resolve(import.meta.dirname, 'fixtures/dash-data');

export const openFixtureDb = (): Promise<NodeDb> => openNodeDb(FIXTURE_DIR);

/**
 * DuckDB-WASM's blocking Node build: the same engine (and version) as the browser's, for the
 * tests that must prove something about it rather than about native DuckDB.
 */
export async function openWasmDb(): Promise<import('@duckdb/duckdb-wasm/blocking').DuckDBBindings> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const duckdb = require(path) as typeof import('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(path);
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  return db;
}

type WasmBindings = Awaited<ReturnType<typeof openWasmDb>>;
type WasmConnection = ReturnType<WasmBindings['connect']>;

/** AsyncDuckDB's surface over the blocking bindings, as src/lib/db hands it round: the same engine, answered at once. */
export const wasmHandle = (db: WasmBindings, connection: WasmConnection): DuckDbHandle => ({
  db: { registerFileBuffer: async (name: string, bytes: Uint8Array) => db.registerFileBuffer(name, bytes), dropFile: async (name: string) => db.dropFile(name) },
  connection: { query: async (sql: string) => connection.query(sql) },
}) as unknown as DuckDbHandle;

/** The CSVs of `dir` as tables `<schema>.<table>` in DuckDB-WASM, typed as the app types them (raw copies in `<schema>_raw`). */
export async function wasmCsvTables(db: WasmBindings, connection: WasmConnection, dir: string, schema: string): Promise<void> {
  connection.query(`CREATE SCHEMA ${schema}_raw`);
  connection.query(`CREATE SCHEMA ${schema}`);
  for (const table of TABLE_NAMES) {
    const text = await readFile(join(dir, csvFileName(table)));
    const file = `${schema}/${csvFileName(table)}`;
    db.registerFileBuffer(file, new Uint8Array(text));
    const header = parseCsvHeader(text.toString('utf8').split('\n')[0]);
    connection.query(createTableFromCsvSql(table, `${schema}_raw.${table}`, file, header));
    connection.query(`CREATE TABLE ${schema}.${table} AS ${datasetSelectSql(table, `${schema}_raw`, header)}`);
  }
}

/** Rows of relation `a` not in `b` and of `b` not in `a`, duplicates counted: both 0 when they hold the same rows. */
export function rowDifference(connection: WasmConnection, a: string, b: string): { onlyInFirst: number; onlyInSecond: number } {
  const count = (sql: string) => Number(connection.query(`SELECT count(*) AS n FROM (${sql})`).toArray()[0].n);
  return {
    onlyInFirst: count(`SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}`),
    onlyInSecond: count(`SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}`),
  };
}

/**
 * The build's start-up database of the bundled data written into `dir` as `<name>.duckdb`, with
 * `sql` (if any) run on it afterwards (an older build's file, say), as bytes a page would fetch.
 */
export async function startupDatabaseBytes(dir: string, name: string, sql?: string): Promise<Uint8Array<ArrayBuffer>> {
  const file = join(dir, `${name}.duckdb`);
  await writeStartupDatabase(BUNDLED_DATA_DIR, file);
  if (sql) {
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(sql);
    connection.closeSync();
    instance.closeSync();
  }
  return new Uint8Array(await readFile(file));
}
