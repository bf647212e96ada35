import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, writeStartupDatabase, type NodeDb } from '../../src/build/node-db.ts';

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
