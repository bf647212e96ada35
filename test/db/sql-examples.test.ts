/**
 * Every example question of the SQL console runs through the console's guard and rolled-back
 * transaction against the bundled data and returns rows; the figures of several are worked out
 * independently from the CSV files (with papaparse, not DuckDB).
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { exampleChart, SQL_EXAMPLES } from '../../src/features/sql-console/examples.ts';
import { numericColumns } from '../../src/features/sql-console/result-chart-option.ts';
import { runGuardedSql, type ConsoleResult, type ConsoleSession } from '../../src/queries/console-run.ts';
import { zh } from '../../src/lib/messages/sql-console.ts';

type Row = Record<string, string>;
const readCsv = (table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(BUNDLED_DATA_DIR, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const reports = readCsv('reports');
const indicators = readCsv('indicators');
const findings = readCsv('findings');
const num = (text: string | undefined): number | null => (text == null || text === '' ? null : Number(text));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

let db: NodeDb;
const session = (): ConsoleSession => ({
  execute: async (sql) => void (await db.query({ name: 'example', sql, params: [] })),
  fetch: async (sql) => {
    const rows = await db.query<Record<string, unknown>>({ name: 'example', sql, params: [] });
    return { columns: Object.keys(rows[0] ?? {}), rows };
  },
});
const results = new Map<string, ConsoleResult>();
const english = new Map<string, ConsoleResult>();
const run = (id: string) => results.get(id)!;

beforeAll(async () => {
  db = await openNodeDb(BUNDLED_DATA_DIR);
  for (const example of SQL_EXAMPLES) {
    results.set(example.id, await runGuardedSql(session(), example.sql.zh));
    english.set(example.id, await runGuardedSql(session(), example.sql.en));
  }
});
afterAll(() => db?.close());

describe('SQL console examples', () => {
  it('has a dozen or more, each with a title in the messages', () => {
    expect(SQL_EXAMPLES.length).toBeGreaterThanOrEqual(12);
    for (const example of SQL_EXAMPLES) expect(zh).toHaveProperty(`sql.example.${example.id}`);
    expect(new Set(SQL_EXAMPLES.map((e) => e.id)).size).toBe(SQL_EXAMPLES.length);
  });

  for (const example of SQL_EXAMPLES) {
    it(`${example.id} returns rows${example.chart ? ' and can draw its chart' : ''}, in both languages`, () => {
      for (const lang of ['zh', 'en'] as const) {
        const result = (lang === 'zh' ? results : english).get(example.id)!;
        expect(result.rows.length, lang).toBeGreaterThan(0);
        expect(result.truncated).toBe(false);
        const chart = exampleChart(example, lang);
        if (chart) {
          expect(result.columns).toContain(chart.x);
          expect(numericColumns(result.columns, result.rows)).toContain(chart.y);
        }
      }
    });
  }

  // The funding-source example groups by the kind of row in English (a label as printed may vary).
  const SAME_SHAPE = SQL_EXAMPLES.filter((e) => e.id !== 'budgetSources');
  it.each(SAME_SHAPE.map((e) => [e.id, e] as const))('%s in English gives the Chinese figures, money in CNY M (万元 / 100)', (id) => {
    const zhResult = results.get(id)!;
    const enResult = english.get(id)!;
    expect(enResult.columns).toHaveLength(zhResult.columns.length);
    expect(enResult.rows).toHaveLength(zhResult.rows.length);
    zhResult.rows.forEach((zhRow, i) => enResult.columns.forEach((enColumn, c) => {
      const zhValue = zhRow[zhResult.columns[c]];
      const enValue = enResult.rows[i][enColumn];
      if (enColumn.includes('(CNY M)')) expect(enValue, `${id} row ${i} ${enColumn}`).toBeCloseTo(Number(zhValue) / 100, 6);
      else expect(enValue, `${id} row ${i} ${enColumn}`).toEqual(zhValue);
    }));
    expect(enResult.columns.join(' ')).not.toMatch(/[\u4e00-\u9fff]/); // no Chinese column name
  });

  it('budgetSources in English: each kind of funding row once, with the Chinese totals', () => {
    const zhRows = run('budgetSources').rows;
    const enRows = english.get('budgetSources')!.rows;
    expect(new Set(enRows.map((row) => row.source)).size).toBe(enRows.length);
    const total = (rows: Record<string, unknown>[], column: string) => rows.reduce((sum, row) => sum + Number(row[column]), 0);
    expect(total(enRows, 'adjusted budget (CNY M)')).toBeCloseTo(total(zhRows, '全年预算数(万元)') / 100, 6);
    expect(total(enRows, 'reports')).toBe(total(zhRows, '报告数'));
  });

  it('各城市预算执行率: executed / adjusted budget per city, in percent', () => {
    const byCity = new Map<string, { budget: number; executed: number }>();
    for (const r of reports) {
      const sums = byCity.get(r.city) ?? { budget: 0, executed: 0 };
      byCity.set(r.city, { budget: sums.budget + num(r.budget_adjusted)!, executed: sums.executed + num(r.executed)! });
    }
    const rows = run('executionByCity').rows;
    expect(rows.map((row) => row['城市']).sort()).toEqual([...byCity.keys()].sort());
    for (const row of rows) {
      const sums = byCity.get(row['城市'] as string)!;
      expect(row['执行率(%)']).toBe(round((100 * sums.executed) / sums.budget, 1));
      expect(row['全年预算数(万元)']).toBe(round(sums.budget, 2));
    }
  });

  it('满分却未达成目标: not met, yet scored the (group) weight', () => {
    const expected = indicators.filter((i) => i.status === 'not_met'
      && (num(i.group_score) ?? num(i.score) ?? -1) >= (num(i.group_weight) ?? num(i.weight) ?? Infinity));
    expect(expected.length).toBeGreaterThan(0); // 企协专项's 10场企业家沙龙: 6 held, 20 of 20 points
    expect(run('fullScoreMissed').rows.map((row) => row['三级指标'])).toEqual(expected.map((i) => i.level3));
  });

  it('年中调整了预算的项目: 全年预算数 ≠ 年初预算数, with the rate against 年初', () => {
    const adjusted = reports.filter((r) => num(r.budget_adjusted) !== num(r.budget_initial));
    const rows = run('budgetAdjusted').rows;
    expect(rows.map((row) => row['项目'])).toEqual(adjusted.map((r) => r.project));
    const yiyang = rows.find((row) => row['城市'] === '益阳市')!;
    expect(yiyang['调整额(万元)']).toBe(-158.96); // 752 → 593.04
    expect(yiyang['对年初执行率(%)']).toBe(78.9); // 593.04 / 752
  });

  it('最常见的数据问题: counts by code, the most frequent first', () => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    const rows = run('commonFindings').rows;
    expect(rows).toHaveLength(counts.size);
    for (const row of rows) expect(row['条数']).toBe(counts.get(row['问题代码'] as string));
    expect(rows[0]['条数']).toBe(Math.max(...counts.values()));
  });

  it('表内总分与逐项相加不一致: the reports whose printed total differs', () => {
    const mismatched = reports.filter((r) => num(r.declared_total_score) !== num(r.total_score)).map((r) => r.project).sort();
    expect(run('totalMismatch').rows.map((row) => row['项目']).sort()).toEqual(mismatched);
  });

  it('各项目的问题数（PIVOT）: the severity columns add up to all findings', () => {
    const rows = run('findingsBySeverity').rows;
    const total = rows.reduce((sum, row) => sum + Number(row.error) + Number(row.warning) + Number(row.info), 0);
    expect(total).toBe(findings.length);
  });
});
