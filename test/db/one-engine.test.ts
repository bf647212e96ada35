/**
 * One engine version. The unit tests, the ingest's `.duckdb` and the build's snapshot.json and
 * dataset.duckdb run on native DuckDB (@duckdb/node-api), the page on DuckDB-WASM: the binding is
 * pinned to the DuckDB inside DuckDB-WASM, so a query that passes here answers alike in the page.
 * And the page's engine, loading the build's dataset.duckdb as the page does, answers the
 * snapshot's queries exactly as the snapshot.json computed natively from the CSVs.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb } from '../../src/build/node-db.ts';
import { buildSnapshot, snapshotQueries } from '../../src/build/snapshot.ts';
import { resolveDatasetSource } from '../../src/lib/db/dataset/dataset-source.ts';
import { DatasetLoader } from '../../src/lib/db/dataset/load-dataset.ts';
import { toPlainRow } from '../../src/lib/db/querying/plain-rows.ts';
import { queryKey, type Query } from '../../src/queries/query.ts';
import { FIXTURE_DIR, openWasmDb, startupDatabaseBytes, wasmHandle } from './helpers.ts';

const VERSION_SQL = 'SELECT version() AS version, (SELECT source_id FROM pragma_version()) AS source_id';

/** The installed version of an npm package (its package.json, which its `exports` may not list). */
function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(join('node_modules', name))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

describe('one DuckDB version', () => {
  it('native DuckDB (tests, ingest, build) is the DuckDB inside DuckDB-WASM (the page)', async () => {
    const wasm = await openWasmDb();
    const conn = wasm.connect();
    const [browser] = conn.query(VERSION_SQL).toArray().map((row) => row.toJSON());
    conn.close();
    const native = await openNodeDb(FIXTURE_DIR);
    const [node] = await native.query<{ version: string; source_id: string }>({ name: 'version', sql: VERSION_SQL, params: [] });
    native.close();

    expect(browser.version).toMatch(/^v\d+\.\d+\.\d+/);
    expect(node, [
      `native DuckDB ${node.version} (${node.source_id}, @duckdb/node-api ${packageVersion('@duckdb/node-api')}) is not`,
      `DuckDB-WASM's ${browser.version} (${browser.source_id}, @duckdb/duckdb-wasm ${packageVersion('@duckdb/duckdb-wasm')}):`,
      `pin @duckdb/node-api exactly to a ${String(browser.version).replace(/^v/, '')}-r.N release`,
      `(npm view @duckdb/node-api versions --json; npm install --save-exact @duckdb/node-api@…)`,
    ].join(' ')).toEqual(browser);
  }, 60_000);
});

describe("the build's dataset.duckdb in DuckDB-WASM", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'one-engine-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers every query of snapshot.json with the snapshot\'s rows', async () => {
    const db = await openWasmDb();
    const conn = db.connect();
    await new DatasetLoader().load(wasmHandle(db, conn), resolveDatasetSource(null, 'http://site.test/'), {
      files: Promise.resolve({ kind: 'database', database: { file: 'data/dataset.duckdb', bytes: await startupDatabaseBytes(dir, 'dataset') } }),
    });
    const run = (query: Query): unknown[] => {
      for (const need of query.needs ?? []) conn.prepare(need.sql).query(...need.params);
      const table = query.params.length > 0 ? conn.prepare(query.sql).query(...query.params) : conn.query(query.sql);
      return table.toArray().map((row) => toPlainRow(row.toJSON()));
    };
    const { snapshot } = await buildSnapshot(BUNDLED_DATA_DIR);
    const queries = snapshotQueries();
    expect(Object.keys(snapshot.results).sort()).toEqual(queries.map(queryKey).sort());
    let rows = 0;
    for (const query of queries) {
      // As the page holds them: the snapshot arrives as JSON, live rows go through structured clone.
      const live = JSON.parse(JSON.stringify(run(query)));
      expect(live, query.name).toEqual(JSON.parse(JSON.stringify(snapshot.results[queryKey(query)])));
      rows += live.length;
    }
    expect(rows).toBeGreaterThan(queries.length);
    conn.close();
  }, 60_000);
});
