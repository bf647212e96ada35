/**
 * The engine's own fence (issue 16), on DuckDB-WASM's Node build, the page's engine: the bundled
 * data loaded as the page loads it, then engine-lock.ts's settings. Every function that reads a
 * path or URL is refused and worded by the console (the browser test checks that no request
 * leaves); no statement turns a setting back; the app's queries, the console and the import
 * (CSV and database files, registered after the lock) still work; a database file carrying a
 * view, a macro or a sequence is refused before a row of it is read.
 */
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDuckdbFile } from '../../src/cli/duckdb-file.ts';
import { asConsoleError, refusalOf } from '../../src/lib/db/console/console-refusal.ts';
import type { DuckDbHandle } from '../../src/lib/db/engine/duckdb-instance.ts';
import { ENGINE_LOCK_SQL, IMPORT_FILES_DIR } from '../../src/lib/db/engine/engine-lock.ts';
import { commitImport, type ImportLayer } from '../../src/lib/db/imports/import-commit.ts';
import { wasmImportSql } from '../../src/lib/db/imports/import-sql.ts';
import { NO_IMPORTS, originViewsSql, type BaseDataset } from '../../src/lib/db/dataset/origin-views.ts';
import { toPlainRow } from '../../src/lib/db/querying/plain-rows.ts';
import { createTableFromCsvSql, csvFileName, parseCsvHeader, TABLE_NAMES, type TableName } from '../../src/lib/db/dataset/schema.ts';
import { ImportFailedError } from '../../src/lib/import/import-problem.ts';
import { formatProblem } from '../../src/lib/import/problem-messages.ts';
import { prepareImport } from '../../src/lib/import/prepare-import.ts';
import { ConsoleRejection, runGuardedSql, type ConsoleSession } from '../../src/queries/console-run.ts';
import { overviewFigures } from '../../src/queries/overview-figures.ts';
import { openWasmDb } from './helpers.ts';
import { trojanDatabase } from './trojan-database.ts';
import { newGb18030ReportFile } from '../lib/new-report-fixture.ts';

const DATA = BUNDLED_DATA_DIR;
const GB18030 = newGb18030ReportFile();

type Bindings = Awaited<ReturnType<typeof openWasmDb>>;
type Connection = ReturnType<Bindings['connect']>;

let db: Bindings;
let conn: Connection;
let base: BaseDataset;
let layers: ImportLayer[] = [];

const rows = <T = Record<string, unknown>>(connection: Connection, sql: string): T[] =>
  connection.query(sql).toArray().map((row: { toJSON(): Record<string, unknown> }) => toPlainRow(row.toJSON()) as T);

/** The console's way to run a statement, on the blocking build. */
const session = (connection: Connection): ConsoleSession => ({
  async execute(sql) {
    connection.query(sql);
  },
  async fetch(sql) {
    const table = connection.query(sql);
    return { columns: table.schema.fields.map((f) => f.name), rows: rows(connection, sql) };
  },
});

/** What the console shows for `sql`: its result, or the error it words. */
async function consoleOutcome(sql: string): Promise<unknown> {
  return runGuardedSql(session(conn), sql).then((result) => result, asConsoleError);
}

/** The page's handle as the import sees it (import-sql.ts), over the blocking build. */
const importHandle = (): DuckDbHandle => {
  const importConnection = db.connect();
  return {
    db: {
      connect: async () => ({ query: async (sql: string) => importConnection.query(sql) }),
      registerFileBuffer: async (name: string, bytes: Uint8Array) => db.registerFileBuffer(name, bytes),
      dropFile: async (name: string) => db.dropFile(name),
    },
  } as unknown as DuckDbHandle;
};

beforeAll(async () => {
  db = await openWasmDb();
  conn = db.connect();
  // The dataset as load-dataset.ts loads its CSVs: registered buffers, read before the lock.
  base = { source: 'ds_1', columns: {} as Record<TableName, string[]>, materialize: true };
  conn.query('CREATE SCHEMA ds_1');
  for (const table of TABLE_NAMES) {
    const text = readFileSync(join(DATA, csvFileName(table)), 'utf8');
    db.registerFileText(`ds_1_${csvFileName(table)}`, text);
    const header = parseCsvHeader(text.split('\n')[0]);
    base.columns[table] = header;
    conn.query(createTableFromCsvSql(table, `ds_1.${table}`, `ds_1_${csvFileName(table)}`, header));
  }
  for (const statement of originViewsSql(base, NO_IMPORTS)) conn.query(statement);
  conn.query(ENGINE_LOCK_SQL);
}, 60_000);

describe('after the lock', () => {
  const READERS: [string, string][] = [
    ["SELECT * FROM read_csv('http://evil.example/x.csv')", 'http://evil.example/x.csv'],
    ["SELECT * FROM read_csv_auto('https://evil.example/x.csv')", 'https://evil.example/x.csv'],
    ["SELECT * FROM 'http://evil.example/x.csv'", 'http://evil.example/x.csv'],
    ["SELECT * FROM read_json('http://evil.example/x.json')", 'read_json'],
    ["SELECT * FROM read_parquet('http://evil.example/x.parquet')", 'read_parquet'],
    ["SELECT * FROM read_xlsx('book.xlsx')", 'read_xlsx'],
    ["SELECT * FROM read_text('/etc/passwd')", '/etc/passwd'],
    ["SELECT * FROM read_blob('http://evil.example/b')", 'http://evil.example/b'],
    ["SELECT * FROM glob('http://evil.example/*')", 'http://evil.example/*'],
    ["SELECT now() AT TIME ZONE 'Asia/Shanghai' AS t", 'icu'],
    ["SELECT * FROM read_csv('ds_1_reports.csv')", 'ds_1_reports.csv'], // the dataset's own buffer, still registered
    ["ATTACH 'http://evil.example/x.duckdb' AS x", 'ATTACH'],
    ["COPY (SELECT 1) TO 'out.csv'", 'COPY'],
    ['INSTALL json', 'INSTALL'],
    ['LOAD json', 'LOAD'],
    ['FORCE INSTALL httpfs', 'FORCE INSTALL'],
  ];
  for (const [sql, name] of READERS) {
    it(`the console words the refusal of ${sql}`, async () => {
      const outcome = await consoleOutcome(sql);
      expect(outcome).toBeInstanceOf(ConsoleRejection);
      expect((outcome as ConsoleRejection).reason).toEqual({ code: 'offline', keyword: name });
    });
  }

  it('refuses them on any connection, past the console’s guard too', () => {
    const other = db.connect();
    for (const sql of ["ATTACH 'http://evil.example/x.duckdb' AS x", "COPY (SELECT 1) TO 'out.csv'", 'LOAD json']) {
      expect(() => other.query(sql), sql).toThrow(/Permission Error|disabled/);
    }
  });

  it('takes no SET, RESET or unlock, and every connection sees the locked settings', () => {
    const other = db.connect();
    for (const sql of ['SET enable_external_access = true', 'RESET enable_external_access', 'SET GLOBAL autoload_known_extensions = true',
      'SET lock_configuration = false', "SET allowed_directories = ['/']", "SET memory_limit = '4GB'"]) {
      expect(() => other.query(sql), sql).toThrow(/the configuration has been locked/);
    }
    expect(rows(other, `SELECT current_setting('enable_external_access') AS external, current_setting('autoinstall_known_extensions') AS install,
      current_setting('autoload_known_extensions') AS autoload, current_setting('lock_configuration') AS locked, current_setting('memory_limit') AS memory`))
      .toEqual([{ external: false, install: false, autoload: false, locked: true, memory: '2.0 GiB' }]);
  });

  it('answers the app’s queries and the console’s', async () => {
    const [figures] = rows<{ reports: number }>(conn, overviewFigures({}).sql);
    expect(figures.reports).toBe(5);
    const outcome = await consoleOutcome('SELECT count(*) AS n FROM findings');
    expect(outcome).toMatchObject({ columns: ['n'], truncated: false });
  });

  it('words DuckDB’s out-of-memory error and the worker’s result-too-large', () => {
    const oom = new Error('Out of Memory Error: failed to allocate data of size 256.0 MiB (176.4 MiB/244.1 MiB used)');
    expect(refusalOf(oom)).toEqual({ code: 'outOfMemory', count: 2048 });
    const tooLarge = Object.assign(new Error('the result is larger than 16777216 bytes'), { name: 'ResultTooLargeError' });
    expect(refusalOf(tooLarge)).toEqual({ code: 'tooLarge', count: 16 });
    expect(refusalOf(new Error('Binder Error: no column x'))).toBeNull();
  });
});

describe('the import after the lock', () => {
  let EMPTY: { csv: Record<TableName, string>; reportFiles: Readonly<Record<string, string>> };
  beforeAll(async () => {
    EMPTY = await prepareImport([]);
  });

  it('reads its CSVs and database files from its own folder, and nothing outside it', async () => {
    const sql = wasmImportSql(importHandle());
    expect(await sql.putFile('probe.csv', new TextEncoder().encode('a\n1\n'))).toBe(`${IMPORT_FILES_DIR}probe.csv`);
    await sql.dropFile(`${IMPORT_FILES_DIR}probe.csv`);
    db.registerFileText('elsewhere.csv', 'a\n1\n');
    expect(() => conn.query("SELECT * FROM read_csv('elsewhere.csv')")).toThrow(/file system operations are disabled/);

    const report = await prepareImport([{ name: 'gb18030-encoding.txt', load: async () => new Uint8Array(readFileSync(GB18030)) }]);
    layers = await commitImport(sql, base, layers, { id: 1, mode: 'add' }, { csv: report.csv, databases: [], reportFiles: report.reportFiles }, { check: true });
    expect(rows(conn, 'SELECT origin, count(*)::INTEGER AS n FROM main.reports GROUP BY 1 ORDER BY 1')).toEqual([{ origin: 'bundled', n: 5 }, { origin: 'imported', n: 1 }]);

    const dir = mkdtempSync(join(tmpdir(), 'engine-lock-'));
    try {
      await writeDuckdbFile(DATA, join(dir, 'seeds.duckdb'));
      const bytes = new Uint8Array(readFileSync(join(dir, 'seeds.duckdb')));
      layers = await commitImport(sql, base, layers, { id: 2, mode: 'replace' }, { ...EMPTY, databases: [{ name: 'seeds.duckdb', bytes }] }, { check: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(rows(conn, 'SELECT origin, count(*)::INTEGER AS n FROM main.reports GROUP BY 1')).toEqual([{ origin: 'imported', n: 5 }]);
  });

  it('refuses a database file whose reports is a view over a macro that reads a URL, before reading a row', async () => {
    const sql = wasmImportSql(importHandle());
    const before = rows(conn, 'SELECT count(*)::INTEGER AS n FROM main.reports');
    const bytes = await trojanDatabase('http://evil.example/reports.csv');
    for (const check of [true, false]) { // a new import, and one restored at start-up
      const error = await commitImport(sql, base, layers, { id: 3, mode: 'add' }, { ...EMPTY, databases: [{ name: 'trojan.duckdb', bytes }] }, { check })
        .then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFailedError);
      expect((error as ImportFailedError).problems.map((p) => formatProblem(p, 'en'))).toEqual([
        'trojan.duckdb: a database file may hold only the four tables reports, budget_lines, indicators and findings; this one also has '
        + 'SEQUENCE ids、TABLE MACRO remote_rows、VIEW reports. The dashboard runs no views, macros, sequences or the like from an imported file '
        + '(they can read files or the network): it copies the rows of the four tables',
      ]);
    }
    expect(rows(conn, 'SELECT count(*)::INTEGER AS n FROM main.reports')).toEqual(before);
    expect(rows(conn, "SELECT database_name FROM duckdb_databases() WHERE database_name LIKE 'imp_%'")).toEqual([]);
    // Read anyway, the view would fetch the URL: the locked engine refuses that too.
    db.registerFileBuffer(`${IMPORT_FILES_DIR}trojan.duckdb`, bytes);
    conn.query(`ATTACH '${IMPORT_FILES_DIR}trojan.duckdb' AS imp_9_db0 (READ_ONLY)`);
    expect(() => conn.query('SELECT * FROM imp_9_db0.reports')).toThrow('Cannot access file "http://evil.example/reports.csv"');
    conn.query('DETACH imp_9_db0');
  });
});
