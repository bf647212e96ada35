/**
 * The bounded queries behind the views at a province's scale (issue 18): the top-N budget rows
 * with one folded “其他” row, the deepest cuts and largest increases, the status chart's top
 * reports, pages of the misses and of a fully ordered query — each checked against the unbounded query it stands for, on the fixture, with
 * limits small enough that something is folded or cut.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { budgetAdjustmentsTop } from '../../src/queries/budget-adjustments-top.ts';
import { budgetBy } from '../../src/queries/budget-by.ts';
import { budgetProjects } from '../../src/queries/budget-projects.ts';
import { budgetTop } from '../../src/queries/budget-top.ts';
import { indicatorMisses, indicatorMissesPage } from '../../src/queries/indicator-misses.ts';
import { indicatorStatusByReport } from '../../src/queries/indicator-status-by-report.ts';
import { indicatorStatusTop } from '../../src/queries/indicator-status-top.ts';
import { pageOf } from '../../src/queries/paged.ts';
import { scoreRates } from '../../src/queries/score-rates.ts';
import { scoreGapBands, scoreRatesTop, scoreTotalsTop } from '../../src/queries/score-top.ts';
import { scoreTotals } from '../../src/queries/score-totals.ts';
import { allGapBands, gapBandCounts } from '../../src/features/scores/rule-gap-option.ts';
import { rankProjects } from '../../src/features/scores/score-format.ts';
import { sql } from '../../src/queries/query.ts';
import { FIXTURE_DIR, openFixtureDb } from './helpers.ts';

let db: NodeDb;
beforeAll(async () => {
  db = await openFixtureDb();
});
afterAll(() => db?.close());

const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);

describe('budgetTop', () => {
  for (const dimension of ['city', 'fund', 'project'] as const) {
    it(`keeps budgetBy's first ${dimension}s in its order and folds the others into one row that sums them`, async () => {
      const all = dimension === 'project'
        ? (await db.query(budgetProjects({}))).map((r) => ({ label: r.report_id, budget_adjusted: r.budget_adjusted, budget_initial: r.budget_initial, executed: r.executed }))
        : await db.query(budgetBy(dimension, {}));
      expect(all.length).toBeGreaterThan(1);
      for (const limit of [1, all.length - 1, all.length]) {
        const rows = await db.query(budgetTop(dimension, {}, limit));
        const top = rows.filter((r) => !r.is_other);
        expect(top.map((r) => r.key)).toEqual(all.slice(0, limit).map((r) => r.label));
        expect(top.map((r) => r.rank)).toEqual(top.map((_, i) => i + 1));
        const other = rows.filter((r) => r.is_other);
        if (limit >= all.length) {
          expect(other).toEqual([]);
          continue;
        }
        expect(other).toHaveLength(1);
        const rest = all.slice(limit);
        expect(other[0]).toMatchObject({ key: null, members: rest.length, groups: all.length });
        expect(other[0].budget_adjusted).toBeCloseTo(sum(rest.map((r) => r.budget_adjusted)), 6);
        expect(other[0].budget_initial).toBeCloseTo(sum(rest.map((r) => r.budget_initial)), 6);
        expect(other[0].executed).toBeCloseTo(sum(rest.map((r) => r.executed)), 6);
      }
    });
  }

  it('follows the filters and refuses what it cannot put in SQL', async () => {
    const rows = await db.query(budgetTop('city', { city: ['株洲市'] }));
    expect(rows.map((r) => r.key)).toEqual(['株洲市']);
    expect(rows[0].reports).toBe(4);
    expect(() => budgetTop('project; DROP TABLE reports' as never, {})).toThrow(/unknown dimension/);
    expect(() => budgetTop('city', {}, 0)).toThrow(/out of range/);
    expect(() => budgetTop('city', {}, 1.5)).toThrow(/out of range/);
  });
});

describe('budgetAdjustmentsTop', () => {
  it('lists the adjusted projects of budgetProjects, cuts first, with their number', async () => {
    const adjusted = (await db.query(budgetProjects({}))).filter((r) => Math.abs(r.adjustment ?? 0) >= 0.005)
      .sort((a, b) => a.adjustment! - b.adjustment!);
    const rows = await db.query(budgetAdjustmentsTop({}));
    expect(rows.map((r) => r.report_id)).toEqual(adjusted.map((r) => r.report_id));
    expect(rows.every((r) => r.adjusted === adjusted.length)).toBe(true);
  });

  it('keeps `limit` cuts and `limit` increases of a larger set', async () => {
    // A variant of the fixture: 全年预算 = 年初 × (0.5, 2, 0.8, 1.2, 1) in report order, so two
    // cuts, two increases and one unchanged (the last row, whose quoted cells a split would cut).
    const dir = mkdtempSync(join(tmpdir(), 'adjustments-top-'));
    try {
      for (const table of ['budget_lines', 'indicators', 'findings']) writeFileSync(join(dir, `${table}.csv`), readFileSync(join(FIXTURE_DIR, `${table}.csv`)));
      const [header, ...lines] = readFileSync(join(FIXTURE_DIR, 'reports.csv'), 'utf8').trimEnd().split('\n');
      const columns = header.split(',');
      const initial = columns.indexOf('budget_initial');
      const adjusted = columns.indexOf('budget_adjusted');
      const factors = [0.5, 2, 0.8, 1.2, 1];
      const changed = lines.map((line, i) => {
        if (factors[i] === 1) return line;
        const cells = line.split(','); // the other rows quote nothing
        cells[adjusted] = String(Number(cells[initial]) * factors[i]);
        return cells.join(',');
      });
      writeFileSync(join(dir, 'reports.csv'), `${[header, ...changed].join('\n')}\n`);
      const variant = await openNodeDb(dir);
      try {
        const all = (await variant.query(budgetAdjustmentsTop({}))).map((r) => r.adjustment ?? 0);
        expect(all.filter((a) => a < 0)).toHaveLength(2);
        expect(all.filter((a) => a > 0)).toHaveLength(2);
        const rows = await variant.query(budgetAdjustmentsTop({}, 1));
        const cuts = all.filter((a) => a < 0);
        const increases = all.filter((a) => a > 0);
        expect(rows.map((r) => r.adjustment)).toEqual([cuts[0], increases[increases.length - 1]]);
        expect(rows.every((r) => r.adjusted === 4)).toBe(true);
      } finally {
        variant.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pageOf', () => {
  it('gives the slices of the whole ordered list, page after page', async () => {
    for (const sort of [{ column: 'budget_adjusted', descending: true }, { column: 'adjustment', descending: false }] as const) {
      const all = (await db.query(budgetProjects({}, sort))).map((r) => r.report_id);
      const pages: string[] = [];
      for (let pageIndex = 0; pageIndex * 2 < all.length; pageIndex++) {
        const rows = await db.query(pageOf(budgetProjects({}, sort), { pageIndex, pageSize: 2 }));
        expect(rows.length).toBe(Math.min(2, all.length - pageIndex * 2));
        pages.push(...rows.map((r) => r.report_id));
      }
      expect(pages).toEqual(all);
    }
  });

  it('refuses a query without its own order, and a page out of range', () => {
    expect(() => pageOf(sql('unordered')`SELECT 1`, { pageIndex: 0, pageSize: 10 })).toThrow(/ORDER BY/);
    expect(() => pageOf(budgetProjects({}), { pageIndex: -1, pageSize: 10 })).toThrow(/page index/);
    expect(() => pageOf(budgetProjects({}), { pageIndex: 0, pageSize: 5000 })).toThrow(/page size/);
  });
});

describe('indicatorStatusTop', () => {
  it("keeps the reports with the most misses, each with indicatorStatusByReport's counts, and folds the others by status", async () => {
    const all = await db.query(indicatorStatusByReport({}));
    const reports = [...new Set(all.map((r) => r.report_id))];
    const count = (id: string, status?: string) => sum(all.filter((r) => r.report_id === id && (!status || r.status === status)).map((r) => r.indicators));
    const ranked = [...reports].sort((a, b) => count(b, 'not_met') - count(a, 'not_met') || count(b, 'partial') - count(a, 'partial')
      || count(b) - count(a) || (a < b ? -1 : 1));
    for (const limit of [2, reports.length]) {
      const rows = await db.query(indicatorStatusTop({}, limit));
      const shown = rows.filter((r) => !r.is_other);
      expect([...new Set(shown.map((r) => r.report_id))]).toEqual(ranked.slice(0, limit));
      for (const row of shown) expect(row.indicators).toBe(count(row.report_id!, row.status));
      const folded = rows.filter((r) => r.is_other);
      const rest = all.filter((r) => !ranked.slice(0, limit).includes(r.report_id));
      for (const status of new Set(rest.map((r) => r.status))) {
        expect(folded.find((r) => r.status === status)?.indicators).toBe(sum(rest.filter((r) => r.status === status).map((r) => r.indicators)));
      }
      expect(folded.length).toBe(new Set(rest.map((r) => r.status)).size);
      expect(rows.every((r) => r.groups === reports.length)).toBe(true);
    }
  });
});

describe('indicatorMissesPage', () => {
  it('pages through indicatorMisses, each row with the totals of the whole list', async () => {
    for (const filters of [{}, { city: ['株洲市'] }]) {
      const all = await db.query(indicatorMisses(filters, 5000));
      expect(all.length).toBeGreaterThan(3);
      const paged = [];
      for (let pageIndex = 0; pageIndex * 3 < all.length; pageIndex++) paged.push(...await db.query(indicatorMissesPage(filters, { pageIndex, pageSize: 3 })));
      expect(paged).toEqual(all);
    }
  });
});

describe('the scores view at any size (bundled data: the fixture has no 复核 columns)', () => {
  let bundled: NodeDb;
  beforeAll(async () => {
    bundled = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => bundled?.close());

  it("scoreTotalsTop keeps scoreTotals' best totals and largest gaps, ranked, with the counts of all", async () => {
    const all = await bundled.query(scoreTotals({}));
    const scored = all.filter((r) => r.rule_total_score != null && r.total_score != null);
    expect(scored.length).toBeGreaterThan(2);
    const byGap = [...scored].sort((a, b) => (b.rule_gap ?? -Infinity) - (a.rule_gap ?? -Infinity)
      || (b.total_score ?? -Infinity) - (a.total_score ?? -Infinity) || (a.report_id < b.report_id ? -1 : 1));
    const rows = await bundled.query(scoreTotalsTop({}, 2));
    expect(rows.filter((r) => r.score_rank <= 2).map((r) => r.report_id)).toEqual(all.slice(0, 2).map((r) => r.report_id));
    expect(rows.filter((r) => r.gap_rank !== null && r.gap_rank <= 2).sort((a, b) => a.gap_rank! - b.gap_rank!).map((r) => r.report_id))
      .toEqual(byGap.slice(0, 2).map((r) => r.report_id));
    expect(rows.every((r) => r.reports === all.length && r.rule_scored === scored.length)).toBe(true);
    for (const row of rows) expect(row).toMatchObject(all.find((r) => r.report_id === row.report_id)!);
  });

  it("scoreRatesTop gives scoreRates' cells of the best totals only", async () => {
    const best = (await bundled.query(scoreTotals({}))).slice(0, 2).map((r) => r.report_id);
    const cells = (await bundled.query(scoreRates({}))).filter((c) => best.includes(c.report_id));
    expect(cells.length).toBeGreaterThan(0);
    expect(await bundled.query(scoreRatesTop({}, 2))).toEqual(cells);
  });

  it('scoreGapBands counts every report by band as gapBandCounts does', async () => {
    for (const filters of [{}, { city: ['株洲市'] }]) {
      const expected = gapBandCounts(rankProjects(await bundled.query(scoreTotals(filters))));
      expect(allGapBands(await bundled.query(scoreGapBands(filters)))).toEqual(expected);
    }
  });
});
