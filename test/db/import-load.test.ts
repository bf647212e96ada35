/**
 * Loading an import (issue 4): rows land in a schema of their own and the views show them with
 * origin 'imported'; a failed import leaves the data exactly as it was; add, replace and remove.
 * Runs the browser's import steps on native DuckDB (import-helpers.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { ingest } from '../../src/cli/ingest.ts';
import { writeDuckdbFile } from '../../src/cli/duckdb-file.ts';
import { commitImport, removeImports, type ImportLayer, type ImportMode, type SameReports, type SameReportsOutcome } from '../../src/lib/db/imports/import-commit.ts';
import { ImportFailedError } from '../../src/lib/import/import-problem.ts';
import { prepareImport, type WholeImport } from '../../src/lib/import/prepare-import.ts';
import { formatProblem } from '../../src/lib/import/problem-messages.ts';
import { importOriginCounts } from '../../src/queries/import-origin-counts.ts';
import { overviewFigures } from '../../src/queries/overview-figures.ts';
import { TABLE_NAMES } from '../../src/parser/types.ts';
import { createTableFromCsvSql, parseCsvHeader } from '../../src/lib/db/dataset/schema.ts';
import { openImportTestDb, type ImportTestDb } from './import-helpers.ts';
import { trojanDatabase } from './trojan-database.ts';
import { newGb18030ReportFile } from '../lib/new-report-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const DATA = BUNDLED_DATA_DIR;
const SEED = join(root, 'data/raw/000_4b75f8664dbcb524.txt');
const GB18030 = newGb18030ReportFile();

const prepare = (...paths: string[]): Promise<WholeImport> =>
  prepareImport(paths.map((path) => ({ name: path.split('/').pop()!, load: async () => new Uint8Array(readFileSync(path)) })));

let db: ImportTestDb;
let layers: ImportLayer[];
let nextId: number;

async function importFiles(mode: ImportMode, prepared: WholeImport, databases: { name: string; bytes: Uint8Array }[] = [], beforeCommit?: () => Promise<void>,
  same?: SameReports, onSame?: (outcome: SameReportsOutcome) => void) {
  const layer = { id: nextId++, mode };
  layers = await commitImport(db.sql, db.base, layers, layer, { csv: prepared.csv, databases, reportFiles: prepared.reportFiles }, { check: true, beforeCommit, same, onSame });
  return layers.find((l) => l.id === layer.id)!;
}

const reportCount = async () => (await db.query(overviewFigures({})))[0].reports;
const origins = async () => Object.fromEntries((await db.query(importOriginCounts())).map((r) => [r.origin, r.reports]));
const importSchemas = async () => (await db.rows<{ name: string }>(
  "SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE 'imp_%' ORDER BY 1")).map((r) => r.name);

async function failure(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFailedError);
  return (error as ImportFailedError).problems.map((p) => formatProblem(p, 'zh'));
}

beforeEach(async () => {
  db = await openImportTestDb(DATA);
  layers = [];
  nextId = 1;
});
afterEach(() => db?.close());

describe('import into the data', () => {
  it('turns a report file into exactly the rows the CLI writes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'import-cli-'));
    try {
      const { written } = await ingest({ inputs: [SEED], out, format: 'csv' }, () => undefined, () => undefined);
      const tables = dirname(written[0]);
      const prepared = await prepare(SEED);
      for (const table of TABLE_NAMES) expect(prepared.csv[table], table).toBe(readFileSync(join(tables, `${table}.csv`), 'utf8'));
      // …and, loaded, the rows DuckDB reads from the CLI's files.
      await importFiles('replace', prepared);
      await db.sql.run('CREATE SCHEMA cli');
      for (const table of TABLE_NAMES) {
        const path = join(tables, `${table}.csv`);
        await db.sql.run(createTableFromCsvSql(table, `cli.${table}`, path, parseCsvHeader(readFileSync(path, 'utf8').split('\n')[0])));
        const imported = await db.rows(`SELECT * EXCLUDE (origin) FROM main.${table}`);
        expect(imported.length, table).toBeGreaterThan(0);
        expect(imported, table).toEqual(await db.rows(`SELECT * FROM cli.${table}`));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('adds a GB18030 report to the bundled five, marked as imported', async () => {
    const prepared = await prepare(GB18030);
    expect(prepared.files).toEqual([{ name: 'gb18030-encoding.txt', kind: 'report', reports: 1, rows: expect.any(Number) }]);
    await importFiles('add', prepared);
    expect(await reportCount()).toBe(6);
    expect(await origins()).toEqual({ bundled: 5, imported: 1 });
    const [row] = await db.rows<{ origin: string; city: string }>("SELECT origin, city FROM main.reports WHERE report_id = 'gb18030-encoding'");
    expect(row).toEqual({ origin: 'imported', city: '株洲市' });
    expect(await importSchemas()).toEqual(['imp_1']);
  });

  it('refuses a report that is already in the data and leaves everything as it was', async () => {
    const messages = await failure(importFiles('add', await prepare(GB18030, SEED)));
    expect(messages).toEqual(['000_4b75f8664dbcb524.txt: 报告“000_4b75f8664dbcb524”已在当前数据中（report_id 重复）']);
    expect(await reportCount()).toBe(5);
    expect(await origins()).toEqual({ bundled: 5 });
    expect(await importSchemas()).toEqual([]);
    expect(layers).toEqual([]);
  });

  it('rolls back when keeping the import fails (IndexedDB full, say)', async () => {
    const broken = importFiles('add', await prepare(GB18030), [], async () => {
      throw new Error('QuotaExceededError');
    });
    await expect(broken).rejects.toThrow('QuotaExceededError');
    expect(await reportCount()).toBe(5);
    expect(await importSchemas()).toEqual([]);
  });

  it('replaces the data, then brings the bundled data back when the replacement is removed', async () => {
    const replacement = await importFiles('replace', await prepare(SEED));
    expect(await origins()).toEqual({ imported: 1 });
    await importFiles('add', await prepare(GB18030));
    expect(await reportCount()).toBe(2);
    // A second replacement drops both imports.
    const second = await importFiles('replace', await prepare(GB18030));
    expect(await importSchemas()).toEqual(['imp_3']);
    expect(layers).toEqual([second]);
    layers = await removeImports(db.sql, db.base, layers, [second.id]);
    expect(layers).toEqual([]);
    expect(await origins()).toEqual({ bundled: 5 });
    expect(await importSchemas()).toEqual([]);
    expect(replacement.id).toBe(1);
  });

  it('removes one import and keeps the others', async () => {
    const first = await importFiles('add', await prepare(GB18030));
    const out = mkdtempSync(join(tmpdir(), 'import-csv-'));
    try {
      // The report of another year under another id, as CSV files.
      const csv = await prepare(SEED);
      const renamed = Object.fromEntries(TABLE_NAMES.map((t) => [t, csv.csv[t].replaceAll('000_4b75f8664dbcb524', 'copy-of-000')]));
      renamed.reports = renamed.reports.replace(',2022,', ',2021,');
      await importFiles('add', { ...csv, csv: renamed as WholeImport['csv'], reportFiles: {} });
      expect(await origins()).toEqual({ bundled: 5, imported: 2 });
      layers = await removeImports(db.sql, db.base, layers, [first.id]);
      expect(await origins()).toEqual({ bundled: 5, imported: 1 });
      expect(await importSchemas()).toEqual(['imp_2']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('imports a database file written by the ingest, and checks it like the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-duckdb-'));
    try {
      await writeDuckdbFile(DATA, join(dir, 'seeds.duckdb'));
      const bytes = new Uint8Array(readFileSync(join(dir, 'seeds.duckdb')));
      const empty = await prepareImport([]);
      const [bundled] = await db.query(overviewFigures({}));
      const duplicates = await failure(importFiles('add', empty, [{ name: 'seeds.duckdb', bytes }]));
      expect(duplicates).toHaveLength(5);
      expect(duplicates[0]).toBe('seeds.duckdb: 报告“000_4b75f8664dbcb524”已在当前数据中（report_id 重复）');
      expect(await reportCount()).toBe(5);
      await importFiles('replace', empty, [{ name: 'seeds.duckdb', bytes }]);
      expect(await origins()).toEqual({ imported: 5 });
      // The same data, now all imported: the same figures.
      const [figures] = await db.query(overviewFigures({}));
      expect(figures.budget_adjusted).toBeCloseTo(4410.88, 6);
      expect(figures).toEqual(bundled);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks the rows of a database file as it checks a CSV: blanks, values outside a list, orphans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-duckdb-bad-'));
    try {
      const path = join(dir, 'bad.duckdb');
      await writeDuckdbFile(DATA, path);
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const instance = await DuckDBInstance.create(path);
      const connection = await instance.connect();
      // A blank report_id among the reports: NOT IN over it would have hidden every orphan.
      await connection.run("UPDATE reports SET report_id = NULL WHERE report_id = '000_4b75f8664dbcb524'");
      await connection.run("UPDATE indicators SET status = 'MET' WHERE report_id = '001_5411fd6863900e77' AND seq = 1");
      connection.closeSync();
      instance.closeSync();
      const messages = await failure(importFiles('replace', await prepareImport([]), [{ name: 'bad.duckdb', bytes: new Uint8Array(readFileSync(path)) }]));
      expect(messages).toEqual([
        'bad.duckdb › reports report_id: 不能为空',
        'bad.duckdb › indicators › 001_5411fd6863900e77 status: 应为 met / partial / not_met / claimed / unknown 之一，实际为“MET”',
        'bad.duckdb › budget_lines report_id: 报告“000_4b75f8664dbcb524”不在本次导入的 reports 表中',
        'bad.duckdb › indicators report_id: 报告“000_4b75f8664dbcb524”不在本次导入的 reports 表中',
        'bad.duckdb › findings report_id: 报告“000_4b75f8664dbcb524”不在本次导入的 reports 表中',
      ]);
      expect(await origins()).toEqual({ bundled: 5 });
      expect(await importSchemas()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a database file that lacks a table', async () => {
    const messages = await failure(importFiles('add', await prepareImport([]), [{ name: 'other.duckdb', bytes: await databaseWith() }]));
    expect(messages[0]).toBe('other.duckdb: 缺少表 reports（数据库文件应有 reports、budget_lines、indicators、findings 四张表）');
    expect(await reportCount()).toBe(5);
  });

  it('refuses a database file holding more than the four tables (issue 16), restored or new, before reading a row', async () => {
    const trojan = await trojanDatabase('http://evil.example/reports.csv');
    const expected = ['trojan.duckdb: 数据库文件只能包含 reports、budget_lines、indicators、findings 四张数据表，这里还有 SEQUENCE ids、TABLE MACRO remote_rows、VIEW reports'
      + '——本看板不运行导入文件中的视图、宏、序列等（它们可以读取文件或网络），只复制四张表的数据'];
    expect(await failure(importFiles('add', await prepareImport([]), [{ name: 'trojan.duckdb', bytes: trojan }]))).toEqual(expected);
    const restored = commitImport(db.sql, db.base, layers, { id: nextId++, mode: 'add' }, { ...(await prepareImport([])), databases: [{ name: 'trojan.duckdb', bytes: trojan }] }, { check: false });
    expect(await failure(restored)).toEqual(expected);
    const extra = await databaseWith('CREATE TABLE out.notes (x INTEGER)', 'CREATE SCHEMA out.other', 'CREATE TABLE out.other.reports (x INTEGER)');
    expect((await failure(importFiles('add', await prepareImport([]), [{ name: 'extra.duckdb', bytes: extra }])))[0])
      .toContain('这里还有 TABLE notes、TABLE other.reports——');
    expect(await reportCount()).toBe(5);
    expect(await importSchemas()).toEqual([]);
  });

  it('refuses an import without any report', async () => {
    const headerOnly = await prepareImport([{ name: 'findings.csv', load: async () => new TextEncoder().encode(readFileSync(join(DATA, 'findings.csv'), 'utf8').split('\n')[0]) }]);
    expect(await failure(importFiles('add', headerOnly))).toEqual(['没有可导入的报告：所选文件中既没有报告文件，也没有 reports 表的数据行']);
  });
});

describe('a report already in the data (issue 20)', () => {
  const SEED_ID = '000_4b75f8664dbcb524';
  /** The seed under another file name (so another report_id), read as the page reads it. */
  const copyOfSeed = (name = 'copy.txt') =>
    prepareImport([{ name, load: async () => new Uint8Array(readFileSync(SEED)) }]);
  /** The seed's report with other figures: the same year, city, fund, project and department. */
  async function reworkedSeed(): Promise<WholeImport> {
    const text = readFileSync(SEED, 'utf8');
    const reworked = text.replace(/国家级产业集群创建(\s+)≥1(\s+)1\b/, '国家级产业集群创建$1≥1$20');
    expect(reworked).not.toBe(text);
    return prepareImport([{ name: 'reworked.txt', load: async () => new TextEncoder().encode(reworked) }]);
  }
  const visibleIds = async () => (await db.rows<{ report_id: string }>('SELECT report_id FROM main.reports ORDER BY 1')).map((r) => r.report_id);

  it('refuses the same report under another file name, naming the report it repeats', async () => {
    expect(await failure(importFiles('add', await copyOfSeed()))).toEqual([`copy.txt: 报告“copy”与已有的报告“${SEED_ID}”内容相同（同一份报告换了文件名或格式）`]);
    expect(await reportCount()).toBe(5);
    expect(await importSchemas()).toEqual([]);
  });

  it('refuses a report for the same year, city, fund, project and department, with other figures', async () => {
    expect(await failure(importFiles('add', await reworkedSeed()))).toEqual([`reworked.txt: 报告“reworked”与已有的报告“${SEED_ID}”是同一年度、城市、资金、项目和部门`]);
  });

  it('refuses one report twice within an import', async () => {
    const both = await prepareImport([SEED, SEED].map((path, i) => ({ name: i === 0 ? 'a.txt' : 'b.txt', load: async () => new Uint8Array(readFileSync(path)) })));
    expect(await failure(importFiles('replace', both))).toEqual(['b.txt: 报告“b”与本次导入的报告“a”内容相同——同一份报告导入了两次']);
  });

  it('skips it when asked, and loads the rest', async () => {
    const outcomes: SameReportsOutcome[] = [];
    const both = await prepareImport([{ name: 'copy.txt', load: async () => new Uint8Array(readFileSync(SEED)) }, { name: 'gb18030-encoding.txt', load: async () => new Uint8Array(readFileSync(GB18030)) }]);
    await importFiles('add', both, [], undefined, 'skip', (outcome) => outcomes.push(outcome));
    expect(outcomes).toEqual([{ skipped: ['copy'], replaced: [] }]);
    expect(await visibleIds()).toContain('gb18030-encoding');
    expect(await visibleIds()).not.toContain('copy');
    expect(await reportCount()).toBe(6);
    // Nothing else to load: said so, and nothing changes.
    expect(await failure(importFiles('add', await copyOfSeed('again.txt'), [], undefined, 'skip'))).toEqual(['没有可导入的报告：所选文件中既没有报告文件，也没有 reports 表的数据行']);
    expect(await reportCount()).toBe(6);
  });

  it('shows it in place of the report already there when asked, and brings that one back when the import goes', async () => {
    const outcomes: SameReportsOutcome[] = [];
    const layer = await importFiles('add', await reworkedSeed(), [], undefined, 'replace', (outcome) => outcomes.push(outcome));
    expect(outcomes).toEqual([{ skipped: [], replaced: [SEED_ID] }]);
    expect(layer.replaces).toBe(true);
    expect(await reportCount()).toBe(5);
    expect(await visibleIds()).toContain('reworked');
    expect(await visibleIds()).not.toContain(SEED_ID);
    for (const table of ['budget_lines', 'indicators', 'findings']) {
      expect(await db.rows(`SELECT 1 FROM main.${table} WHERE report_id = '${SEED_ID}'`), table).toEqual([]);
    }
    // A later import over it still sees the replacement in place.
    await importFiles('add', await prepare(GB18030));
    expect(await visibleIds()).not.toContain(SEED_ID);
    layers = await removeImports(db.sql, db.base, layers, [layer.id]);
    expect(await visibleIds()).toContain(SEED_ID);
    expect(await reportCount()).toBe(6);
  });

  it('replaces a report of the same id too', async () => {
    await importFiles('add', await prepare(SEED), [], undefined, 'replace');
    expect(await origins()).toEqual({ bundled: 4, imported: 1 });
  });
});

/** A database file made by `statements` on catalog `out` (none: an empty one). */
async function databaseWith(...statements: string[]): Promise<Uint8Array> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(join(tmpdir(), 'import-db-'));
  const path = join(dir, 'other.duckdb');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`ATTACH '${path}' AS out (STORAGE_VERSION 'v1.0.0')`);
  for (const statement of statements) await connection.run(statement);
  await connection.run('DETACH out');
  connection.closeSync();
  instance.closeSync();
  const bytes = new Uint8Array(readFileSync(path));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}
