/**
 * Loading a dataset from a database file (src/lib/db/dataset/load-dataset.ts) in DuckDB-WASM, the
 * browser's engine: the build's start-up database loads in one call to the worker; one from an
 * older build is checked table by table and loads too; a file without a table or a column is
 * refused with a message naming it, and the data loaded before stays as it was, none of its
 * tables half replaced.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { writeStartupDatabase } from '../../src/build/node-db.ts';
import type { DuckDbHandle } from '../../src/lib/db/engine/duckdb-instance.ts';
import { resolveDatasetSource } from '../../src/lib/db/dataset/dataset-source.ts';
import type { DatasetFiles } from '../../src/lib/db/dataset/fetch-dataset.ts';
import { DatasetLoader } from '../../src/lib/db/dataset/load-dataset.ts';
import { TABLE_NAMES, csvFileName, missingColumns } from '../../src/lib/db/dataset/schema.ts';
import { openWasmDb, startupDatabaseBytes, wasmHandle } from './helpers.ts';

const source = resolveDatasetSource(null, 'http://site.test/sub/');

let dir: string;
/** The build's start-up database, and copies of it with `sql` run on them. */
const database = (name: string, sql?: string) => startupDatabaseBytes(dir, name, sql);

const fetched = (bytes: Uint8Array): DatasetFiles => Promise.resolve({ kind: 'database', database: { file: 'data/dataset.duckdb', bytes } });

describe('loadDataset from a database file', () => {
  let handle: DuckDbHandle;
  /** One page's dataset: each load replaces the one before. */
  const loader = new DatasetLoader();
  let query: (sql: string) => Record<string, unknown>[];
  /** What loadDataset sent the worker, one entry per call. */
  const calls: string[] = [];
  /** The calls that loaded the new file (not the detaching of the one shown before). */
  const loadCalls = () => calls.filter((sql) => !/^DETACH ds_\d+$/.test(sql));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'load-dataset-'));
    const db = await openWasmDb();
    const conn = db.connect();
    query = (sql) => conn.query(sql).toArray().map((row) => row.toJSON());
    // AsyncDuckDB's surface over the blocking bindings: the same engine, answered at once.
    handle = {
      db: { registerFileBuffer: async (name: string, bytes: Uint8Array) => db.registerFileBuffer(name, bytes), dropFile: async (name: string) => db.dropFile(name) },
      connection: { query: async (sql: string) => (calls.push(sql), conn.query(sql)) },
    } as unknown as DuckDbHandle;
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const total = () => query('SELECT round(sum(budget_adjusted), 2) AS total FROM main.reports')[0].total;
  const catalogs = () => query('SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY 1').map((row) => row.database_name);

  it('loads the build\'s start-up database into the main tables, in one call to the worker', async () => {
    calls.length = 0;
    await loader.load(handle, source, { files: fetched(await database('good')) });
    expect(total()).toBe(4410.88);
    expect(query("SELECT count(*)::INTEGER AS n FROM main.findings WHERE origin = 'bundled'")[0].n).toBeGreaterThan(0);
    expect(loadCalls()).toHaveLength(1);
  }, 60_000);

  it('still loads a start-up database without the optional columns (an older build), checking it first', async () => {
    calls.length = 0;
    await loader.load(handle, source, { files: fetched(await database('older', 'ALTER TABLE reports DROP COLUMN title')) });
    expect(total()).toBe(4410.88);
    expect(query('SELECT count(*)::INTEGER AS n FROM main.reports WHERE title IS NULL')[0].n).toBe(5);
    expect(calls.some((sql) => sql.includes('LIMIT 0'))).toBe(true); // the table-by-table check
    expect(catalogs().filter((name) => String(name).startsWith('ds_'))).toHaveLength(1); // the failed attempt left nothing
  }, 60_000);

  it('marks every row of the build\'s database as bundled, whatever origin column its CSVs had', async () => {
    const csvDir = join(dir, 'with-origin');
    await cp(BUNDLED_DATA_DIR, csvDir, { recursive: true, dereference: true, filter: (path) => !path.endsWith('.duckdb') });
    const reports = Papa.parse<Record<string, string>>(await readFile(join(csvDir, 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    await writeFile(join(csvDir, 'reports.csv'), Papa.unparse(reports.map((row) => ({ ...row, origin: 'imported' })), { newline: '\n' }) + '\n');
    const file = join(dir, 'with-origin.duckdb');
    await writeStartupDatabase(csvDir, file);
    calls.length = 0;
    await loader.load(handle, source, { files: fetched(new Uint8Array(await readFile(file))) });
    expect(query('SELECT DISTINCT origin FROM main.reports').map((row) => row.origin)).toEqual(['bundled']);
    expect(query('DESCRIBE main.reports').map((row) => row.column_name).filter((name) => String(name).startsWith('origin'))).toEqual(['origin']);
    expect(loadCalls()).toHaveLength(1);
  }, 60_000);

  it('refuses a file without a table, naming file and table, and keeps the data shown', async () => {
    const before = catalogs();
    await expect(loader.load(handle, source, { files: fetched(await database('no-findings', 'UPDATE reports SET budget_adjusted = 0; DROP TABLE findings')) }))
      .rejects.toThrow('data/dataset.duckdb: has no table findings');
    expect(total()).toBe(4410.88);
    expect(catalogs()).toEqual(before); // the refused file is detached again
  }, 60_000);

  it('refuses a file whose table lacks a contract column, naming both', async () => {
    const column = missingColumns('reports', [])[1];
    await expect(loader.load(handle, source, { files: fetched(await database('no-column', `UPDATE reports SET budget_adjusted = 0; ALTER TABLE reports DROP COLUMN ${column}`)) }))
      .rejects.toThrow(`data/dataset.duckdb: table reports lacks column(s) ${column}`);
    expect(total()).toBe(4410.88);
  }, 60_000);

  it('refuses a file whose column holds values its contract type cannot take, naming table, column, value and report', async () => {
    const sql = "UPDATE reports SET budget_adjusted = 0; ALTER TABLE reports ALTER year TYPE VARCHAR; UPDATE reports SET year = 'FY2022' WHERE report_id = '001_5411fd6863900e77'";
    await expect(loader.load(handle, source, { files: fetched(await database('text-year', sql)) }))
      .rejects.toThrow("data/dataset.duckdb: table reports, column year: 1 value(s) are not INTEGER, e.g. 'FY2022' (report 001_5411fd6863900e77)");
    expect(total()).toBe(4410.88);
  }, 60_000);

  it('loads a file whose column has another type when every value fits the contract\'s', async () => {
    await loader.load(handle, source, { files: fetched(await database('text-year-ok', 'ALTER TABLE reports ALTER year TYPE VARCHAR')) });
    expect(query('SELECT DISTINCT typeof(year) AS t FROM main.reports').map((row) => row.t)).toEqual(['INTEGER']);
    expect(total()).toBe(4410.88);
  }, 60_000);

  it('refuses a file that is no database', async () => {
    await expect(loader.load(handle, source, { files: fetched(new TextEncoder().encode('report_id,year\n1,2023\n')) }))
      .rejects.toThrow(/^data\/dataset\.duckdb: /);
    expect(total()).toBe(4410.88);
  }, 60_000);
});

describe('loadDataset from a folder of CSV files', () => {
  let handle: DuckDbHandle;
  const loader = new DatasetLoader();
  let query: (sql: string) => Record<string, unknown>[];
  beforeAll(async () => {
    const db = await openWasmDb();
    const conn = db.connect();
    query = (sql) => conn.query(sql).toArray().map((row) => row.toJSON());
    handle = wasmHandle(db, conn);
  }, 60_000);

  const csvFolder = async (newLine: string): DatasetFiles => ({
    kind: 'csv',
    files: await Promise.all(TABLE_NAMES.map(async (table) => ({
      file: `data/${csvFileName(table)}`,
      bytes: new TextEncoder().encode((await readFile(join(BUNDLED_DATA_DIR, csvFileName(table)), 'utf8')).replace(/\r?\n/g, newLine)),
    }))),
  });
  /** Every table's rows, ordered; line breaks inside values written alike (the folders differ in them too). */
  const contents = () => JSON.stringify(TABLE_NAMES.map((table) => query(`SELECT * FROM main.${table} ORDER BY ALL`))).replace(/\\r\\n|\\r/g, '\\n');

  /** The bundled CSVs with findings.csv rewritten by `edit` (records as arrays of cells, header first). */
  const withFindings = async (edit: (records: string[][]) => string[][]): DatasetFiles => {
    const { files } = (await csvFolder('\n')) as { files: { file: string; bytes: Uint8Array }[] };
    const index = TABLE_NAMES.indexOf('findings');
    const records = Papa.parse<string[]>(new TextDecoder().decode(files[index].bytes), { skipEmptyLines: true }).data;
    files[index] = { ...files[index], bytes: new TextEncoder().encode(Papa.unparse(edit(records), { newline: '\n' }) + '\n') };
    return { kind: 'csv', files };
  };

  it('reads a CSV whose lines end in a comma (an unnamed last column), and refuses a column named twice', async () => {
    await loader.load(handle, source, { files: withFindings((records) => records.map((cells) => [...cells, ''])) });
    const findings = Papa.parse(await readFile(join(BUNDLED_DATA_DIR, 'findings.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.length;
    expect(query('SELECT count(*)::INTEGER AS n FROM main.findings')[0].n).toBe(findings);
    await expect(loader.load(handle, source, { files: withFindings((records) => records.map((cells) => [...cells, cells[records[0].indexOf('code')]])) }))
      .rejects.toThrow('data/findings.csv: column name(s) given twice in the header: code');
    expect(query('SELECT count(*)::INTEGER AS n FROM main.findings')[0].n).toBe(findings);
  }, 60_000);

  it('reads files saved with CR LF or CR line endings as it reads LF ones', async () => {
    await loader.load(handle, source, { files: csvFolder('\n') });
    const expected = contents();
    expect(query('SELECT round(sum(budget_adjusted), 2) AS total FROM main.reports')[0].total).toBe(4410.88);
    for (const newLine of ['\r\n', '\r']) {
      await loader.load(handle, source, { files: csvFolder(newLine) });
      expect(contents(), JSON.stringify(newLine)).toBe(expected);
    }
  }, 60_000);
});

