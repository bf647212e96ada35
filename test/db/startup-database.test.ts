/**
 * The bundled dataset's start-up database (data/dataset.duckdb, written by the build): DuckDB-WASM
 * — the browser's engine and version — attaches it and finds exactly the tables, types and rows
 * the app's typed view of the CSVs gives, every contract column included; and the app falls
 * back to the CSVs when the file is absent.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { writeStartupDatabase } from '../../src/build/node-db.ts';
import { resolveDatasetSource } from '../../src/lib/db/dataset/dataset-source.ts';
import { fetchDatasetFiles } from '../../src/lib/db/dataset/fetch-dataset.ts';
import { TABLE_NAMES, DatasetError, contractColumns } from '../../src/lib/db/dataset/schema.ts';
import { openWasmDb, rowDifference, wasmCsvTables } from './helpers.ts';

describe('writeStartupDatabase', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'startup-db-'));
    file = join(dir, 'dataset.duckdb');
    await writeStartupDatabase(BUNDLED_DATA_DIR, file);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('holds the CSVs as the app types them: same columns (every contract one), types and rows', async () => {
    const db = await openWasmDb();
    const conn = db.connect();
    db.registerFileBuffer('startup.duckdb', new Uint8Array(await readFile(file)));
    conn.query("ATTACH 'startup.duckdb' AS startup (READ_ONLY)");
    await wasmCsvTables(db, conn, BUNDLED_DATA_DIR, 'csv');
    for (const table of TABLE_NAMES) {
      const describe = (relation: string) => conn.query(`DESCRIBE ${relation}`).toArray().map((row) => `${row.column_name} ${row.column_type}`);
      expect(describe(`startup.${table}`), table).toEqual(describe(`csv.${table}`));
      const names = describe(`startup.${table}`).map((column) => column.split(' ')[0]);
      expect(contractColumns(table).filter((name) => !names.includes(name)), table).toEqual([]);
      const count = (sql: string) => Number(conn.query(sql).toArray()[0].n);
      const rows = count(`SELECT count(*) AS n FROM csv.${table}`);
      expect(rows, table).toBeGreaterThan(0);
      expect(count(`SELECT count(*) AS n FROM startup.${table}`), table).toBe(rows);
      expect(rowDifference(conn, `startup.${table}`, `csv.${table}`), table).toEqual({ onlyInFirst: 0, onlyInSecond: 0 });
    }
    const total = conn.query('SELECT round(sum(budget_adjusted), 2) AS total FROM startup.reports').toArray()[0].total;
    expect(total).toBe(4410.88);
    conn.close();
  }, 60_000);

  it('stays small: 16 kB blocks, not a 256 kB block per column segment', async () => {
    expect((await stat(file)).size).toBeLessThan(512 * 1024);
  });
});

describe('fetchDatasetFiles', () => {
  afterEach(() => vi.unstubAllGlobals());

  const source = resolveDatasetSource(null, 'http://site.test/sub/');
  /** The start of a DuckDB file: its magic `DUCK` at byte 8. */
  const duckdbBytes = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0x44, 0x55, 0x43, 0x4b, 0x40, 0, 0, 0]);
  const serve = (missing: RegExp, spaFallback = false) => vi.fn(async (input: URL | string) => {
    const url = String(input);
    if (missing.test(url)) return spaFallback ? new Response('<!doctype html><title>绩效看板</title>') : new Response('not found', { status: 404 });
    return new Response(url.endsWith('.duckdb') ? duckdbBytes : `body of ${url}`);
  });

  it('takes the bundled dataset from its start-up database, and fetches no CSV', async () => {
    const fetch = serve(/^$/);
    vi.stubGlobal('fetch', fetch);
    const fetched = await fetchDatasetFiles(source)!;
    expect(fetched.kind).toBe('database');
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual(['http://site.test/sub/data/dataset.duckdb']);
  });

  it('reads the CSVs when the start-up database is missing', async () => {
    vi.stubGlobal('fetch', serve(/dataset\.duckdb$/));
    const fetched = await fetchDatasetFiles(source)!;
    expect(fetched.kind).toBe('csv');
    if (fetched.kind === 'csv') expect(fetched.files.map((f) => f.file)).toEqual(TABLE_NAMES.map((t) => `data/${t}.csv`));
  });

  it('names the first missing CSV in contract order, whichever answer comes first, and lists the others', async () => {
    // The first table's 404 arrives last: the error must not depend on the order of the answers.
    const delays = new Map(TABLE_NAMES.map((table, i) => [table, (TABLE_NAMES.length - i) * 5]));
    vi.stubGlobal('fetch', vi.fn(async (input: URL | string) => {
      const table = TABLE_NAMES.find((t) => String(input).endsWith(`/${t}.csv`))!;
      await new Promise((resolve) => setTimeout(resolve, delays.get(table)));
      return table === 'reports' || table === 'findings' ? new Response('', { status: 404 }) : new Response('a,b');
    }));
    const error = await fetchDatasetFiles(resolveDatasetSource('./gone/', 'http://site.test/sub/'))!.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).file).toBe('./gone/reports.csv');
    expect((error as DatasetError).message).toBe('./gone/reports.csv: could not be fetched (HTTP 404), nor could findings.csv');
    expect((error as DatasetError).messageIn('zh')).toBe('./gone/reports.csv：无法获取（HTTP 404）；findings.csv 也无法获取');
  });

  it('keeps the message of a single missing CSV as it is', async () => {
    vi.stubGlobal('fetch', serve(/findings\.csv$/));
    const error = await fetchDatasetFiles(resolveDatasetSource('other/', 'http://site.test/sub/'))!.catch((e: unknown) => e);
    expect((error as DatasetError).message).toBe('other/findings.csv: could not be fetched (HTTP 404)');
  });

  it('reads the CSVs when the host answers the missing start-up database with a page (a single-page-app fallback)', async () => {
    vi.stubGlobal('fetch', serve(/dataset\.duckdb$/, true));
    const fetched = await fetchDatasetFiles(source)!;
    expect(fetched.kind).toBe('csv');
  });

  it('never looks for a start-up database in a dataset named by ?data=', async () => {
    const fetch = serve(/^$/);
    vi.stubGlobal('fetch', fetch);
    const fetched = await fetchDatasetFiles(resolveDatasetSource('other/', 'http://site.test/sub/'))!;
    expect(fetched.kind).toBe('csv');
    expect(fetch.mock.calls.map(([url]) => String(url)).some((url) => url.endsWith('.duckdb'))).toBe(false);
  });
});
