/**
 * The compare view's query against the fixture dataset (test/db/fixtures/dash-data) and the
 * bundled data. Expected figures were worked out by hand from the CSV files.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { namedCities } from '../../src/features/overview/overview-tables.tsx';
import { budgetBy, type BudgetByRow } from '../../src/queries/budget-by.ts';
import { citySummary, type CitySummaryRow } from '../../src/queries/city-summary.ts';
import { compareMeasures } from '../../src/queries/compare-measures.ts';
import { FIXTURE_DIR, openFixtureDb } from './helpers.ts';

let db: NodeDb;
beforeAll(async () => {
  db = await openFixtureDb();
});
afterAll(() => db?.close());

describe('citySummary (the overview\'s small version of compare)', () => {
  const pick = ({ label, reports, budget_adjusted, execution_rate, mean_total_score, findings }: CitySummaryRow) =>
    ({ label, reports, budget_adjusted, execution_rate, mean_total_score, findings });

  it('gives each city the figures compareMeasures gives it, in the same order', async () => {
    for (const filters of [{}, { year: [2022] }, { status: ['not_met'] }, { level1: ['满意度指标'], city: ['株洲市'] }]) {
      const light = (await db.query(citySummary(filters))).filter((row) => row.label !== null);
      const full = await db.query(compareMeasures('city', filters));
      expect(light.map(pick), JSON.stringify(filters)).toEqual(full.map(pick));
    }
    expect((await db.query(citySummary({}))).map((r) => [r.label, r.reports, r.findings])).toEqual([['株洲市', 4, 6], ['益阳市', 1, 1]]);
  });
});

describe('citySummary as the overview\'s budget chart', () => {
  const budgetColumns = ({ label, reports, budget_initial, budget_adjusted, executed, execution_rate, execution_rate_initial }: BudgetByRow) =>
    ({ label, reports, budget_initial, budget_adjusted, executed, execution_rate, execution_rate_initial });

  it('has the rows of budgetBy(\'city\'), reports without a city included, in the same order', async () => {
    for (const filters of [{}, { year: [2022] }, { status: ['not_met'] }, { city: ['株洲市'] }]) {
      const summary = await db.query(citySummary(filters));
      const budget = await db.query(budgetBy('city', filters));
      expect(summary.map(budgetColumns), JSON.stringify(filters)).toEqual(budget.map(budgetColumns));
    }
  });

  it('keeps a report without a city as a row of its own (the table leaves it out, the chart shows it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'city-summary-'));
    try {
      await cp(FIXTURE_DIR, dir, { recursive: true });
      const file = join(dir, 'reports.csv');
      const records = Papa.parse<string[]>(await readFile(file, 'utf8'), { skipEmptyLines: true }).data;
      records[1][records[0].indexOf('city')] = '';
      await writeFile(file, Papa.unparse(records, { newline: '\n' }) + '\n');
      const blank = await openNodeDb(dir);
      try {
        const rows = await blank.query(citySummary({}));
        expect(rows.some((row) => row.label === null)).toBe(true);
        expect(rows.map(budgetColumns)).toEqual((await blank.query(budgetBy('city', {}))).map(budgetColumns));
        expect(namedCities(rows).every((row) => row.label !== null)).toBe(true);
        expect(namedCities(rows)).toHaveLength(rows.length - 1);
      } finally {
        blank.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('compareMeasures by city', () => {
  it('puts every measure of both cities in one row each, largest 全年预算 first', async () => {
    const rows = await db.query(compareMeasures('city', {}));
    expect(rows.map((r) => r.label)).toEqual(['株洲市', '益阳市']);
    const [zhuzhou, yiyang] = rows;
    // Reports 000, 001, 003, 004: 516 + 83.5 + 810.24 + 2408.1; 中小企业科 executed 2300 of 2408.1.
    expect(zhuzhou).toMatchObject({
      parent: '湖南省', reports: 4,
      // Indicators: 000 met met partial met · 001 not_met met unknown · 003 met unknown · 004 not_met met partial.
      indicators: 12, met: 6, partial: 2, not_met: 2, unknown: 2,
      // 001: TOTAL_SCORE_MISMATCH (error) + FULL_SCORE_TARGET_MISSED; 004: TOTAL_SCORE_MISMATCH (error) + DEDUCTION…; 000, 003: one each.
      findings: 6, errors: 2,
      rate_satisfaction: 1, // 000 only: 10 of 10
    });
    expect(zhuzhou.budget_initial).toBeCloseTo(3817.84, 6);
    expect(zhuzhou.budget_adjusted).toBeCloseTo(3817.84, 6);
    expect(zhuzhou.executed).toBeCloseTo(3709.74, 6);
    expect(zhuzhou.execution_rate).toBeCloseTo(3709.74 / 3817.84, 9);
    expect(zhuzhou.execution_rate_initial).toBeCloseTo(3709.74 / 3817.84, 9);
    expect(zhuzhou.mean_total_score).toBeCloseTo((98 + 95 + 100 + 88) / 4, 9);
    // 产出: weights 20+15, 20+20, 50, 30+20 = 175; scores 35 + 40 + 50 + 45 = 170.
    expect(zhuzhou.rate_output).toBeCloseTo(170 / 175, 9);
    // 效益: weights 20 + 20 + 40 + 30 = 110; scores 18 + 15 + 40 + 25 = 98.
    expect(zhuzhou.rate_outcome).toBeCloseTo(98 / 110, 9);

    expect(yiyang).toMatchObject({
      parent: '湖南省', report_id: '002_d677b793e52480fc', reports: 1,
      budget_initial: 752, budget_adjusted: 593.04, executed: 593.04, execution_rate: 1, mean_total_score: 99,
      indicators: 3, met: 2, partial: 1, not_met: 0, unknown: 0,
      rate_output: 1, rate_outcome: 1, rate_satisfaction: 0.9,
      findings: 1, errors: 0,
    });
    expect(yiyang.execution_rate_initial).toBeCloseTo(593.04 / 752, 9);
    expect(typeof yiyang.reports).toBe('number'); // never BigInt
  });

  it('groups by fund and by project, with the report a project click opens', async () => {
    const funds = await db.query(compareMeasures('fund', {}));
    expect(funds.map((r) => [r.label, r.parent, r.reports])).toEqual([
      ['株洲市经济信息产业发展专项资金', '株洲市', 4],
      ['益阳市服务先进制造业高质量发展专项资金', '益阳市', 1],
    ]);
    const projects = await db.query(compareMeasures('project', {}));
    expect(projects.map((r) => r.label)).toEqual(['中小企业科专项', '园区建设专项', '服务先进制造业高质量发展专项资金', '产业链专项', '企协专项']);
    // 园区建设专项 (003): 产出 50/50, 效益 40/40, no 满意度 indicator: blank, not 0.
    expect(projects[1]).toMatchObject({ report_id: '003_dc77c382bdb3a624', parent: '株洲市', indicators: 2, rate_output: 1, rate_satisfaction: null, findings: 1 });
    // 中小企业科专项 (004): 产出 45 of 50, 效益 25 of 30.
    expect(projects[0].rate_output).toBeCloseTo(0.9, 9);
    expect(projects[0].rate_outcome).toBeCloseTo(25 / 30, 9);
  });

  it('applies report filters, and indicator filters to reports and to the indicators counted', async () => {
    const yiyang = await db.query(compareMeasures('project', { city: ['益阳市'] }));
    expect(yiyang.map((r) => r.label)).toEqual(['服务先进制造业高质量发展专项资金']);
    // not_met indicators sit in 企协专项 and 中小企业科专项 (both 株洲市): only those reports and indicators count.
    const [missed] = await db.query(compareMeasures('city', { status: ['not_met'] }));
    expect(missed).toMatchObject({ label: '株洲市', reports: 2, indicators: 2, met: 0, not_met: 2, findings: 4, errors: 2 });
    expect(missed.mean_total_score).toBeCloseTo((95 + 88) / 2, 9);
    expect(missed.rate_outcome).toBeNull();
    expect(await db.query(compareMeasures('city', { city: ['益阳市'], project: ['企协专项'] }))).toEqual([]);
  });

  it('binds values as parameters and refuses a dimension outside the whitelist', async () => {
    const query = compareMeasures('fund', { city: ["株洲市' OR '1'='1"] });
    expect(query.sql).not.toContain('株洲市');
    expect(await db.query(query)).toEqual([]);
    expect(() => compareMeasures('city; DROP TABLE reports' as never, {})).toThrow(/unknown dimension/);
  });
});

describe.skipIf(!existsSync(join(BUNDLED_DATA_DIR, 'reports.csv')))('compareMeasures on the bundled data', () => {
  let bundled: NodeDb;
  beforeAll(async () => {
    bundled = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => bundled?.close());

  it('compares 株洲市 (4 reports, 3817.84 万元) with 益阳市 (1 report, 593.04 万元)', async () => {
    const rows = await bundled.query(compareMeasures('city', {}));
    expect(rows.map((r) => [r.label, r.reports])).toEqual([['株洲市', 4], ['益阳市', 1]]);
    expect(rows[0].budget_adjusted).toBeCloseTo(3817.84, 6);
    expect(rows[1].budget_adjusted).toBeCloseTo(593.04, 6);
    expect(rows[1].execution_rate_initial).toBeCloseTo(593.04 / 752, 9);
    // Every indicator and finding of the five reports lands in exactly one city.
    expect(rows.reduce((n, r) => n + r.indicators, 0)).toBe(60);
    expect(rows.reduce((n, r) => n + r.met + r.partial + r.not_met + r.claimed + r.unknown, 0)).toBe(60);
    // 复核: 001 (株洲) claims 1.6 points beyond the rules, the other three of 株洲 and 益阳 none.
    expect(rows[0].mean_rule_gap).toBeCloseTo(1.6 / 4, 9);
    expect(rows[1].mean_rule_gap).toBe(0);
    expect(rows.reduce((n, r) => n + r.claimed, 0)).toBe(23);
    expect(rows.reduce((n, r) => n + r.findings, 0)).toBe(48);
  });
});
