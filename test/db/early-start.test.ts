/** The page's first work (src/lib/db/startup/early-start.ts), with DuckDB and the network faked. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveDatasetSource } from '../../src/lib/db/dataset/dataset-source.ts';
import type { DuckDbHandle } from '../../src/lib/db/engine/duckdb-instance.ts';
import { startEarly, takeEarlyFiles } from '../../src/lib/db/startup/early-start.ts';
import { DuckDbSession } from '../../src/lib/db/session.ts';

const started = vi.fn(async () => ({}) as DuckDbHandle);
/** A fresh page: the snapshot and the early downloads are the session's. */
const page = () => new DuckDbSession({ instantiate: started });

const base = 'http://site.test/sub/';
let fetched: string[] = [];
let pictures: string[] = [];
/** snapshot.json as the fake server sends it. */
let snapshotJson = '{"version":1,"generatedAt":"x","results":{}}';

beforeEach(() => {
  started.mockClear();
  fetched = [];
  pictures = [];
  snapshotJson = '{"version":1,"generatedAt":"x","results":{}}';
  // An <img> outside the DOM: its download starts when its src is set.
  vi.stubGlobal('Image', class {
    set src(url: string) {
      pictures.push(url);
    }
  });
  vi.stubGlobal('fetch', vi.fn(async (input: URL | string) => {
    fetched.push(String(input));
    if (String(input).endsWith('.json')) return new Response(snapshotJson);
    // A database file starts with DuckDB's magic at byte 8 (load-dataset.ts checks it).
    return new Response(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0x44, 0x55, 0x43, 0x4b]));
  }));
});
afterEach(() => vi.unstubAllGlobals());

describe('startEarly', () => {
  it('starts DuckDB, the bundled dataset\'s database and snapshot.json, and hands the download over once', async () => {
    const session = page();
    startEarly(session, '', base);
    expect(started).toHaveBeenCalledTimes(1);
    expect(fetched.sort()).toEqual([`${base}data/dataset.duckdb`, `${base}data/snapshot.json`]);
    const source = resolveDatasetSource(null, base);
    const files = takeEarlyFiles(session, source);
    expect((await files!).kind).toBe('database');
    expect(takeEarlyFiles(session, source)).toBeUndefined(); // once: a later load fetches afresh
    expect(takeEarlyFiles(page(), source)).toBeUndefined(); // another page has its own
  });

  it('gives nothing for another dataset than the one it started, and no snapshot for ?data=', async () => {
    const session = page();
    startEarly(session, '?data=other/', base);
    expect(fetched.some((url) => url.endsWith('snapshot.json') || url.endsWith('.duckdb'))).toBe(false);
    expect(takeEarlyFiles(session, resolveDatasetSource(null, base))).toBeUndefined();
    expect(takeEarlyFiles(session, resolveDatasetSource('other/', base))).toBeDefined();
  });

  it('leaves a ?data= it cannot use to openDataset, starting nothing', async () => {
    startEarly(page(), '?data=https://elsewhere.test/data/', base);
    expect(started).not.toHaveBeenCalled();
    expect(fetched).toEqual([]);
  });

  describe('the overview\'s pictures', () => {
    const chart = (key: string) => ({ key, widths: [332, 446, 574, 654], height: 260 });
    beforeEach(() => {
      snapshotJson = JSON.stringify({ version: 1, generatedAt: '2026-12-07T08:00:00.000Z', results: {}, charts: { 'budget-by-city': chart('a'), 'score-histogram': chart('b') } });
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    it('downloads each chart\'s picture nearest the width it is given, once snapshot.json is in', async () => {
      startEarly(page(), '?lang=en', base, { lang: 'en', chartWidth: 580 });
      expect(pictures).toEqual([]); // snapshot.json first
      await vi.waitFor(() => expect(pictures).toHaveLength(2));
      expect(pictures.map((url) => new URL(url).pathname)).toEqual(['/sub/data/charts/budget-by-city.en.574.svg', '/sub/data/charts/score-histogram.en.574.svg']);
      // Versioned by the build, as the cards ask for them.
      expect(new URL(pictures[0]).searchParams.get('v')).toBe('2026-12-07T08:00:00.000Z');
    });

    it('downloads none for another dataset, with imports kept from an earlier visit, or when not asked', async () => {
      const starts: [string, boolean][] = [['?data=other/', true], ['', false]];
      for (const [search, asked] of starts) {
        startEarly(page(), search, base, asked ? { lang: 'zh', chartWidth: 654 } : undefined);
      }
      // Stored imports: the overview shows no build-time figure, so no picture either.
      vi.stubGlobal('localStorage', { getItem: (key: string) => (key === 'fund-dashboard.imports' ? '2' : null) });
      startEarly(page(), '', base, { lang: 'zh', chartWidth: 654 });
      await settle();
      await settle();
      expect(fetched.filter((url) => url.endsWith('snapshot.json')).length).toBe(2);
      expect(pictures).toEqual([]);
    });
  });
});
