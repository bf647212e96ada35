/**
 * The budget view's queries against the fixture (test/db/fixtures/dash-data), the bundled data
 * and a variant of the fixture written here. Expected figures were worked out by hand from the
 * CSV files: 年初 516 + 83.5 + 752 + 810.24 + 2408.1 = 4569.84; 全年 the same with Yiyang's cut
 * 752 → 593.04, = 4410.88; 执行 in the fixture 516 + 83.5 + 593.04 + 810.24 + 2300 = 4302.78
 * (中小企业科 spent 2300 of 2408.1), in the bundled data 4410.88 (everything spent).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { budgetFundingSources } from '../../src/queries/budget-funding-sources.ts';
import { budgetProjects } from '../../src/queries/budget-projects.ts';
import { budgetSummary } from '../../src/queries/budget-summary.ts';
import { FIXTURE_DIR, openFixtureDb } from './helpers.ts';

const YIYANG = '002_d677b793e52480fc';
const SMES = '004_2c93dbd2e0833d26';

let db: NodeDb;
beforeAll(async () => {
  db = await openFixtureDb();
});
afterAll(() => db?.close());

describe('budgetSummary', () => {
  it('totals both budgets, execution and the in-year adjustments', async () => {
    const [row] = await db.query(budgetSummary({}));
    expect(row.reports).toBe(5);
    expect(row.budget_initial).toBeCloseTo(4569.84, 6);
    expect(row.budget_adjusted).toBeCloseTo(4410.88, 6);
    expect(row.executed).toBeCloseTo(4302.78, 6);
    expect(row.execution_rate).toBeCloseTo(4302.78 / 4410.88, 9);
    expect(row.execution_rate_initial).toBeCloseTo(4302.78 / 4569.84, 9);
    // Only Yiyang changed its budget: 593.04 − 752.
    expect(row.adjustment).toBeCloseTo(-158.96, 6);
    expect(row.cut_total).toBeCloseTo(-158.96, 6);
    expect(row).toMatchObject({ increase_total: null, reports_cut: 1, reports_increased: 0, reports_unchanged: 4 });
  });

  it('follows the filters, and shows nothing as null rather than 0', async () => {
    const [zhuzhou] = await db.query(budgetSummary({ city: ['株洲市'] }));
    expect(zhuzhou).toMatchObject({ reports: 4, adjustment: 0, cut_total: null, reports_cut: 0, reports_unchanged: 4 });
    expect(zhuzhou.executed).toBeCloseTo(3709.74, 6);
    const [none] = await db.query(budgetSummary({ city: ['益阳市'], project: ['企协专项'] }));
    expect(none).toMatchObject({ reports: 0, budget_adjusted: null, execution_rate: null, adjustment: null });
  });
});

describe('budgetProjects', () => {
  it('lists one row per report, largest 全年预算 first, with both rates and the adjustment', async () => {
    const rows = await db.query(budgetProjects({}));
    expect(rows.map((r) => r.project)).toEqual(['中小企业科专项', '园区建设专项', '服务先进制造业高质量发展专项资金', '产业链专项', '企协专项']);
    expect(rows[0]).toMatchObject({ report_id: SMES, city: '株洲市', year: 2022, adjustment: 0, adjustment_rate: 0 });
    expect(rows[0].execution_rate).toBeCloseTo(2300 / 2408.1, 9);
    const yiyang = rows.find((r) => r.report_id === YIYANG)!;
    expect(yiyang).toMatchObject({ city: '益阳市', budget_initial: 752, budget_adjusted: 593.04, executed: 593.04, execution_rate: 1 });
    expect(yiyang.execution_rate_initial).toBeCloseTo(0.788617, 6); // 593.04 / 752
    expect(yiyang.adjustment).toBeCloseTo(-158.96, 6);
    expect(yiyang.adjustment_rate).toBeCloseTo(-0.211383, 6); // −158.96 / 752
  });

  it('sorts by a whitelisted numeric column, ties in report order', async () => {
    const byCut = await db.query(budgetProjects({}, { column: 'adjustment', descending: false }));
    expect(byCut.map((r) => r.report_id.slice(0, 3))).toEqual(['002', '000', '001', '003', '004']);
    const byRate = await db.query(budgetProjects({}, { column: 'execution_rate', descending: false }));
    expect(byRate[0].report_id).toBe(SMES);
    const byInitialRate = await db.query(budgetProjects({ city: ['株洲市', '益阳市'] }, { column: 'execution_rate_initial', descending: false }));
    expect(byInitialRate[0].report_id).toBe(YIYANG); // 78.9 % against 年初, below 中小企业科's 95.5 %
  });

  it('applies indicator filters through the reports they qualify', async () => {
    // not_met indicators are in 企协专项 and 中小企业科专项.
    const rows = await db.query(budgetProjects({ status: ['not_met'] }));
    expect(rows.map((r) => r.project)).toEqual(['中小企业科专项', '企协专项']);
  });

  it('refuses a sort column outside the whitelist', () => {
    expect(() => budgetProjects({}, { column: 'project; DROP TABLE reports' as never, descending: true })).toThrow(/unknown sort column/);
  });
});

describe('budgetFundingSources', () => {
  it('splits the budgets by funding source; all of the fixture is this year\'s appropriation', async () => {
    const rows = await db.query(budgetFundingSources({}));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'appropriation', reports: 5 });
    expect(rows[0].budget_initial).toBeCloseTo(4569.84, 6);
    expect(rows[0].budget_adjusted).toBeCloseTo(4410.88, 6);
    expect(rows[0].executed).toBeCloseTo(4302.78, 6);
    expect(await db.query(budgetFundingSources({ city: ['益阳市'] }))).toEqual([
      { source: 'appropriation', reports: 1, budget_initial: 752, budget_adjusted: 593.04, executed: 593.04 },
    ]);
  });

  it('shows totals that no source row accounts for as unspecified, and a carry-over row in its place', async () => {
    // A variant of the fixture: 产业链专项 prints only its total; 园区建设专项 splits 810.24 into
    // 700 of appropriation and 110.24 carried over.
    const dir = mkdtempSync(join(tmpdir(), 'budget-sources-'));
    try {
      for (const table of ['reports', 'indicators', 'findings']) {
        writeFileSync(join(dir, `${table}.csv`), readFileSync(join(FIXTURE_DIR, `${table}.csv`)));
      }
      const lines = readFileSync(join(FIXTURE_DIR, 'budget_lines.csv'), 'utf8').trimEnd().split('\n')
        .filter((line) => !line.startsWith('000_4b75f8664dbcb524,appropriation'))
        .map((line) => line.startsWith('003_dc77c382bdb3a624,appropriation')
          ? '003_dc77c382bdb3a624,appropriation,其中：当年财政拨款,700,700,700,,,1,1,48' : line);
      lines.push('003_dc77c382bdb3a624,carryover,上年结转资金,110.24,110.24,110.24,,,1,1,57');
      writeFileSync(join(dir, 'budget_lines.csv'), `${lines.join('\n')}\n`);
      const variant = await openNodeDb(dir);
      try {
        const rows = await variant.query(budgetFundingSources({}));
        expect(rows.map((r) => [r.source, r.reports])).toEqual([['appropriation', 4], ['carryover', 1], ['unspecified', 1]]);
        // 83.5 + 593.04 + 700 + 2408.1 of 全年 appropriation; 产业链's 516 unspecified.
        expect(rows[0].budget_adjusted).toBeCloseTo(3784.64, 6);
        expect(rows[0].budget_initial).toBeCloseTo(83.5 + 752 + 700 + 2408.1, 6);
        expect(rows[1]).toMatchObject({ budget_initial: 110.24, budget_adjusted: 110.24, executed: 110.24 });
        expect(rows[2]).toMatchObject({ budget_initial: 516, budget_adjusted: 516, executed: 516 });
      } finally {
        variant.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bundled data (data/)', () => {
  let bundled: NodeDb;
  beforeAll(async () => {
    bundled = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => bundled?.close());

  it('totals 年初 4569.84, 全年 4410.88 and 执行 4410.88 万元', async () => {
    const [row] = await bundled.query(budgetSummary({}));
    expect(row.budget_initial).toBeCloseTo(4569.84, 6);
    expect(row.budget_adjusted).toBeCloseTo(4410.88, 6);
    expect(row.executed).toBeCloseTo(4410.88, 6);
    expect(row.execution_rate).toBeCloseTo(1, 9);
    expect(row.execution_rate_initial).toBeCloseTo(4410.88 / 4569.84, 9);
  });

  it('resolves 产业链专项\'s blank total from its appropriation row, so nothing is unspecified', async () => {
    const projects = await bundled.query(budgetProjects({ project: ['产业链专项'] }));
    expect(projects).toMatchObject([{ budget_initial: 516, budget_adjusted: 516, executed: 516, adjustment: 0 }]);
    const sources = await bundled.query(budgetFundingSources({}));
    expect(sources.map((r) => r.source)).toEqual(['appropriation']);
    expect(sources[0].budget_adjusted).toBeCloseTo(4410.88, 6);
  });
});
