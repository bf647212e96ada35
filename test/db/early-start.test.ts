/** The page's first work (src/lib/db/early-start.ts), with DuckDB and the network faked. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveDatasetSource } from '../../src/lib/db/dataset-source.ts';

const started = vi.fn(async () => ({}));
vi.mock('../../src/lib/db/duckdb-instance.ts', () => ({ startDuckDb: started }));

const base = 'http://site.test/sub/';
let fetched: string[] = [];

beforeEach(() => {
  vi.resetModules(); // each test a fresh page: the snapshot and the early downloads are per page
  started.mockClear();
  fetched = [];
  vi.stubGlobal('fetch', vi.fn(async (input: URL | string) => {
    fetched.push(String(input));
    if (String(input).endsWith('.json')) return new Response('{"version":1,"generatedAt":"x","results":{}}');
    // A database file starts with DuckDB's magic at byte 8 (load-dataset.ts checks it).
    return new Response(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0x44, 0x55, 0x43, 0x4b]));
  }));
});
afterEach(() => vi.unstubAllGlobals());

describe('startEarly', () => {
  it('starts DuckDB, the bundled dataset\'s database and snapshot.json, and hands the download over once', async () => {
    const { startEarly, takeEarlyFiles } = await import('../../src/lib/db/early-start.ts');
    startEarly('', base);
    expect(started).toHaveBeenCalledTimes(1);
    expect(fetched.sort()).toEqual([`${base}data/dataset.duckdb`, `${base}data/snapshot.json`]);
    const source = resolveDatasetSource(null, base);
    const files = takeEarlyFiles(source);
    expect((await files!).kind).toBe('database');
    expect(takeEarlyFiles(source)).toBeUndefined(); // once: a later load fetches afresh
  });

  it('gives nothing for another dataset than the one it started, and no snapshot for ?data=', async () => {
    const { startEarly, takeEarlyFiles } = await import('../../src/lib/db/early-start.ts');
    startEarly('?data=other/', base);
    expect(fetched.some((url) => url.endsWith('snapshot.json') || url.endsWith('.duckdb'))).toBe(false);
    expect(takeEarlyFiles(resolveDatasetSource(null, base))).toBeUndefined();
    expect(takeEarlyFiles(resolveDatasetSource('other/', base))).toBeDefined();
  });

  it('leaves a ?data= it cannot use to openDataset, starting nothing', async () => {
    const { startEarly } = await import('../../src/lib/db/early-start.ts');
    startEarly('?data=https://elsewhere.test/data/', base);
    expect(started).not.toHaveBeenCalled();
    expect(fetched).toEqual([]);
  });
});
