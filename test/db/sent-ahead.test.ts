/**
 * The opened view's first queries go to DuckDB with the start-up load (src/lib/db/startup/open-dataset.ts, querying/sent-ahead.ts):
 * right behind the load's one call, before anything answers, and the view's `query` then takes
 * each answer once. DuckDB is DuckDB-WASM's Node build behind AsyncDuckDB's surface (each call
 * runs when it is sent, as the worker takes its messages in order); the network is faked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { overviewQueries } from '../../src/queries/overview-queries.ts';
import type { DuckDbHandle } from '../../src/lib/db/engine/duckdb-instance.ts';
import { ENGINE_LOCK_SQL } from '../../src/lib/db/engine/engine-lock.ts';
import { openDataset } from '../../src/lib/db/startup/open-dataset.ts';
import { toPlainRow } from '../../src/lib/db/querying/plain-rows.ts';
import { DuckDbSession } from '../../src/lib/db/session.ts';
import { NO_FILTERS } from '../../src/queries/filters.ts';
import type { Query } from '../../src/queries/query.ts';
import { openWasmDb, startupDatabaseBytes } from './helpers.ts';

const base = 'http://site.test/sub/';

/** What the page sent DuckDB, in order: `register <file>` or the SQL of a query. */
const sent: string[] = [];
let handle: DuckDbHandle;
let direct: (sql: string) => Record<string, unknown>[];
/** A fresh page, its DuckDB the handle below (the engine sends the lock's SQL itself, once). */
let session: DuckDbSession;
const query = (q: Query) => session.query(q);

let dir: string;
let good: Uint8Array<ArrayBuffer>;
let older: Uint8Array<ArrayBuffer>;
let served: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sent-ahead-'));
  good = await startupDatabaseBytes(dir, 'good');
  older = await startupDatabaseBytes(dir, 'older', 'ALTER TABLE reports DROP COLUMN title');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

beforeEach(async () => {
  sent.length = 0;
  const db = await openWasmDb();
  const conn = db.connect();
  direct = (sql) => conn.query(sql).toArray().map((row) => row.toJSON());
  handle = {
    db: {
      registerFileBuffer: async (name: string, bytes: Uint8Array) => (sent.push(`register ${name}`), db.registerFileBuffer(name, bytes)),
      dropFile: async (name: string) => db.dropFile(name),
    },
    connection: { query: async (sql: string) => (sent.push(sql), conn.query(sql)) },
  } as unknown as DuckDbHandle;
  session = new DuckDbSession({ instantiate: async () => handle });
  vi.stubGlobal('fetch', vi.fn(async (input: URL | string) =>
    String(input).endsWith('dataset.duckdb') ? new Response(served) : new Response('not here', { status: 404 })));
}, 60_000);

describe('queries sent with the start-up load', () => {
  it('go right behind the load\'s one call, and each view query takes its answer once', async () => {
    served = good;
    const first = overviewQueries(NO_FILTERS);
    await openDataset(session, '', base, first);
    const load = sent.findIndex((sql) => sql.startsWith('ATTACH'));
    expect(sent.slice(load + 1, load + 1 + first.length)).toEqual(first.map((q) => q.sql));
    // The engine's lock comes behind them: it holds none of them back (engine-lock.ts).
    expect(sent[load + 1 + first.length]).toBe(ENGINE_LOCK_SQL);

    const before = sent.length;
    const [figures] = await query(first[0]);
    expect(sent).toHaveLength(before); // answered already: nothing sent again
    expect(figures).toEqual(toPlainRow(direct(first[0].sql)[0]));
    expect((figures as { budget_adjusted: number }).budget_adjusted).toBeCloseTo(4410.88, 2);
    await query(first[0]);
    expect(sent.slice(before)).toEqual([first[0].sql]); // a second run is a query of its own
  }, 60_000);

  it('never answer with rows from before a load whose one call failed: the view query runs again', async () => {
    served = older; // an older build's file: the one call fails, the table-by-table check loads it
    const first = overviewQueries(NO_FILTERS);
    await openDataset(session, '', base, first);
    expect(sent.filter((sql) => sql === first[0].sql)).toHaveLength(1); // sent ahead, and it failed
    expect(sent.some((sql) => sql.includes('LIMIT 0'))).toBe(true);

    const [figures] = await query(first[0]);
    expect(sent.filter((sql) => sql === first[0].sql)).toHaveLength(2);
    expect((figures as { reports: number }).reports).toBe(5);
  }, 60_000);

  it('send nothing ahead with parameters (a prepared statement needs an answer first)', async () => {
    served = good;
    const withCity = overviewQueries({ ...NO_FILTERS, city: ['株洲市'] });
    await openDataset(session, '', base, withCity);
    const parameterless = withCity.filter((q) => q.params.length === 0).map((q) => q.sql);
    expect(sent.filter((sql) => withCity.some((q) => q.sql === sql))).toEqual(parameterless);
  }, 60_000);
});
