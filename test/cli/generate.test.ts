/**
 * npm run generate: the same seed gives the same bytes, the files read with the ingest without a
 * refusal and make exactly the tables the csv format writes, the tables load into DuckDB with the
 * contract's types (and the duckdb format holds the same rows), and a few hundred reports spread
 * over provinces, years, funds, statuses and findings as real archives do.
 */
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generate, parseArgs, GENERATED_FILE } from '../../src/cli/generate.ts';
import { ingest, parseArgs as ingestArgs } from '../../src/cli/ingest.ts';
import { SCHEMA, SQL_TYPES } from '../../src/parser/schema.ts';
import { TABLE_NAMES } from '../../src/parser/types.ts';
import { datasetSelectSql } from '../../src/lib/db/dataset/schema.ts';
import { openWasmDb, rowDifference, wasmCsvTables } from '../db/helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const quiet = () => {};
const temp = () => mkdtemp(path.join(tmpdir(), 'generate-test-'));
const run = async (args: string[]) => {
  const out = await temp();
  const result = await generate(parseArgs([...args, '--out', out], root), quiet);
  return { out, result };
};
/** Every file under `folder` (one level of folders, `current` followed), name → bytes. */
async function contents(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of await readdir(folder)) {
    if (name.startsWith('.')) continue;
    const sub = path.join(folder, name);
    for (const file of await readdir(sub)) files.set(`${name}/${file}`, await readFile(path.join(sub, file)));
  }
  return files;
}
const rows = async (folder: string, table: string) =>
  Papa.parse<Record<string, string>>(await readFile(path.join(folder, 'current', `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('npm run generate', () => {
  it('gives byte-identical output for the same seed, other output for another seed, and report i whatever the number asked', async () => {
    for (const format of ['files', 'csv']) {
      const [a, b, c] = [await run(['--reports', '30', '--seed', '7', '--format', format]), await run(['--reports', '30', '--seed', '7', '--format', format]), await run(['--reports', '30', '--seed', '8', '--format', format])];
      const [filesA, filesB, filesC] = [await contents(a.out), await contents(b.out), await contents(c.out)];
      expect(filesA.size, format).toBe(format === 'files' ? 30 : 4);
      expect([...filesB.keys()]).toEqual([...filesA.keys()]);
      for (const [name, bytes] of filesA) expect(filesB.get(name)!.equals(bytes), `${format} ${name}`).toBe(true);
      // Report by report (the file names' hex part aside), seed 8 writes other reports.
      const byNumber = (files: Map<string, Buffer>) => new Map([...files].map(([name, bytes]) => [name.replace(/_[0-9a-f]{16}\./, '.'), bytes]));
      const [numberedA, numberedC] = [byNumber(filesA), byNumber(filesC)];
      expect([...numberedC.keys()]).toEqual([...numberedA.keys()]);
      for (const [name, bytes] of numberedC) expect(numberedA.get(name)!.equals(bytes), `seed 8: ${name}`).toBe(false);
    }
    const [small, large] = [await run(['--reports', '5', '--seed', '7', '--format', 'files']), await run(['--reports', '12', '--seed', '7', '--format', 'files'])];
    const [first, more] = [await contents(small.out), await contents(large.out)];
    for (const [name, bytes] of first) expect(more.get(name)?.equals(bytes), name).toBe(true);
  }, 120_000);

  it('writes files the ingest reads without a refusal into exactly the tables the csv format writes', async () => {
    const { out, result } = await run(['--reports', '50', '--seed', '3', '--format', 'files']);
    const names = await readdir(path.join(out, 'raw'));
    expect(names).toHaveLength(50);
    expect(names.every((name) => GENERATED_FILE.test(name))).toBe(true);
    expect(result.written).toEqual([path.join(out, 'raw')]);
    const ingested = await temp();
    const warnings: string[] = [];
    const read = await ingest(ingestArgs([path.join(out, 'raw'), '--out', ingested], root), quiet, (line) => warnings.push(line));
    expect(warnings).toEqual([]);
    expect(read.failures).toEqual([]);
    expect(read.counts.reports).toBe(50);
    const direct = await run(['--reports', '50', '--seed', '3', '--format', 'csv']);
    expect(direct.result).toMatchObject({ reports: 50, indicators: read.counts.indicators, findings: read.counts.findings });
    for (const table of TABLE_NAMES) {
      const fromFiles = await readFile(path.join(ingested, 'current', `${table}.csv`), 'utf8');
      expect(await readFile(path.join(direct.out, 'current', `${table}.csv`), 'utf8'), table).toBe(fromFiles);
    }
  }, 120_000);

  it('writes tables that load into DuckDB with the contract types, and a duckdb file with the same rows', async () => {
    const csv = await run(['--reports', '40', '--seed', '5']);
    const duck = await run(['--reports', '40', '--seed', '5', '--format', 'duckdb']);
    expect(await readdir(path.join(duck.out, 'current'))).toEqual(['fund-performance.duckdb']);
    expect((await rows(csv.out, 'reports')).length).toBe(40);
    const db = await openWasmDb();
    const conn = db.connect();
    await wasmCsvTables(db, conn, path.join(csv.out, 'current'), 'csv');
    db.registerFileBuffer('gen.duckdb', new Uint8Array(await readFile(path.join(duck.out, 'current', 'fund-performance.duckdb'))));
    conn.query("ATTACH 'gen.duckdb' AS gen (READ_ONLY)");
    conn.query('CREATE SCHEMA typed');
    for (const table of TABLE_NAMES) {
      const described = new Map(conn.query(`DESCRIBE gen.${table}`).toArray().map((row) => [String(row.column_name), String(row.column_type)]));
      for (const column of SCHEMA[table]) expect(described.get(column.name), `${table}.${column.name}`).toBe(SQL_TYPES[column.type]);
      const csvTypes = new Map(conn.query(`DESCRIBE csv.${table}`).toArray().map((row) => [String(row.column_name), String(row.column_type)]));
      for (const column of SCHEMA[table]) expect(csvTypes.get(column.name), `csv ${table}.${column.name}`).toBe(SQL_TYPES[column.type]);
      conn.query(`CREATE VIEW typed.${table} AS ${datasetSelectSql(table, 'gen', [...described.keys()])}`);
      expect(rowDifference(conn, `typed.${table}`, `csv.${table}`), table).toEqual({ onlyInFirst: 0, onlyInSecond: 0 });
    }
    expect(Number(conn.query('SELECT count(*) AS n FROM gen.reports').toArray()[0].n)).toBe(40);
    expect(Number(conn.query('SELECT count(*) AS n FROM gen.indicators').toArray()[0].n)).toBe(duck.result.indicators);
    conn.close();
  }, 120_000);

  it('spreads a few hundred reports over provinces, cities, funds, years, budgets, statuses and findings', async () => {
    const { out } = await run(['--reports', '300', '--seed', '11']);
    const reports = await rows(out, 'reports');
    const indicators = await rows(out, 'indicators');
    const findings = await rows(out, 'findings');
    const distinct = (values: string[]) => new Set(values).size;
    expect(reports).toHaveLength(300);
    expect(reports.every((r) => r.province && r.city && r.fund && r.year)).toBe(true);
    expect(distinct(reports.map((r) => r.province))).toBeGreaterThanOrEqual(25);
    expect(distinct(reports.map((r) => r.city))).toBeGreaterThanOrEqual(150);
    expect(distinct(reports.map((r) => r.fund))).toBeGreaterThanOrEqual(250);
    expect([...new Set(reports.map((r) => r.year))].sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    const budgets = reports.map((r) => Number(r.budget_adjusted)).sort((a, b) => a - b);
    expect(budgets[budgets.length - 1] / budgets[0]).toBeGreaterThan(100);
    const rates = reports.map((r) => Number(r.execution_rate));
    const share = (test: (x: number) => boolean) => rates.filter(test).length / rates.length;
    expect(share((x) => x >= 0.85 && x <= 1)).toBeGreaterThan(0.6);
    expect(share((x) => x < 0.6)).toBeGreaterThan(0.02);
    const perReport = reports.map((r) => Number(r.indicator_count));
    expect(Math.min(...perReport)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...perReport)).toBeLessThanOrEqual(20);
    expect(new Set(indicators.map((i) => i.level1))).toEqual(new Set(['产出指标', '效益指标', '满意度指标']));
    expect(distinct(indicators.map((i) => i.level2))).toBe(9);
    const statusShare = (status: string) => indicators.filter((i) => i.status === status).length / indicators.length;
    expect(statusShare('met')).toBeGreaterThan(0.5);
    for (const status of ['partial', 'not_met', 'claimed', 'unknown']) expect(statusShare(status), status).toBeGreaterThan(0.02);
    expect(statusShare('claimed')).toBeLessThan(0.3);
    expect(indicators.some((i) => i.group_id)).toBe(true);
    // Inflated self-scores: full points for a target missed, and reports whose 复核 is below their self-score.
    const codes = new Set(findings.map((f) => f.code));
    for (const code of ['FULL_SCORE_TARGET_MISSED', 'SELF_SCORE_INFLATED', 'TOTAL_SCORE_MISMATCH', 'BUDGET_ADJUSTED', 'DEDUCTION_WITHOUT_REASON', 'ACTUAL_UNVERIFIABLE']) expect(codes, code).toContain(code);
    expect(reports.filter((r) => Number(r.rule_gap) > 0).length).toBeGreaterThan(10);
    // Scores stay within their weights, and the declared total mostly agrees.
    expect(indicators.every((i) => i.weight === '' || Number(i.score) <= Number(i.weight))).toBe(true);
    expect(reports.filter((r) => r.total_score === r.declared_total_score).length / reports.length).toBeGreaterThan(0.9);
  }, 120_000);

  it('rejects bad arguments with the usage, and a raw folder holding files it did not write', async () => {
    expect(parseArgs([], root)).toMatchObject({ reports: 150_000, seed: 1, format: 'csv', out: path.join(root, 'data/generated') });
    expect(parseArgs(['--reports', '150_000'], root).reports).toBe(150_000);
    expect(() => parseArgs(['--reports', '0'], root)).toThrow(/--reports must be a whole number/);
    expect(() => parseArgs(['--seed', 'x'], root)).toThrow(/--seed must be a whole number/);
    expect(() => parseArgs(['--format', 'xlsx'], root)).toThrow(/--format must be files, csv or duckdb/);
    expect(() => parseArgs(['--out'], root)).toThrow(/needs a value/);
    expect(() => parseArgs(['--size', '3'], root)).toThrow(/unknown option --size/);
    const out = await temp();
    await mkdir(path.join(out, 'raw'));
    await writeFile(path.join(out, 'raw', 'notes.txt'), 'mine');
    await expect(generate(parseArgs(['--reports', '2', '--format', 'files', '--out', out], root), quiet)).rejects.toThrow(/holds files generate did not write \(notes\.txt\)/);
    expect(await readdir(path.join(out, 'raw'))).toEqual(['notes.txt']);
  });
});
