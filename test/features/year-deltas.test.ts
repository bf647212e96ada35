/**
 * Years side by side (issue 20, item 1): the key figures against the previous year, on a two-year
 * dataset made here from the bundled one — its five reports again as 2021 reports, with every
 * 全年预算 at 80 % — and hand-computed changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { yearDeltas } from '../../src/features/overview/year-deltas.ts';
import { translator } from '../../src/lib/i18n.ts';
import { overviewFigures } from '../../src/queries/overview-figures.ts';
import { previousYear } from '../../src/queries/previous-year.ts';
import { projectYears } from '../../src/queries/project-years.ts';
import { normalizedSql } from '../../src/queries/normalized-text.ts';
import { sql } from '../../src/queries/query.ts';
import { yearTrend } from '../../src/queries/year-trend.ts';
import { buildYearTrendOption } from '../../src/components/year-trend-option.ts';
import { writeTwoYearDataset } from '../lib/two-year-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'two-years-'));
let db: NodeDb;

beforeAll(async () => {
  writeTwoYearDataset(dir);
  db = await openNodeDb(dir);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the previous year', () => {
  it('is the latest earlier year of the data, when the filtered reports are of one year', async () => {
    expect(await db.query(previousYear({ year: [2022] }))).toEqual([{ year: 2022, previous: 2021 }]);
    expect(await db.query(previousYear({ year: [2021] }))).toEqual([{ year: 2021, previous: null }]);
    expect(await db.query(previousYear({}))).toEqual([{ year: null, previous: null }]); // two years in scope
    expect(await db.query(previousYear({ year: [2022], city: ['益阳市'] }))).toEqual([{ year: 2022, previous: 2021 }]);
  });

  it('gives each key figure its change, by difference, percent, points or percentage points', async () => {
    const [now] = await db.query(overviewFigures({ year: [2022] }));
    const [before] = await db.query(overviewFigures({ year: [2021] }));
    const deltas = yearDeltas(now, before, 2021, 'zh', translator('zh'));
    expect(deltas.reports).toEqual({ text: '比 2021 年 ±0', previous: '2021 年：5', direction: 'level' });
    // 全年预算 at 80 % a year before: +25.0 %, computed here from the two totals.
    const growth = (now.budget_adjusted! - before.budget_adjusted!) / before.budget_adjusted!;
    expect(growth).toBeCloseTo(0.25, 3);
    expect(deltas['budget-adjusted'].text).toBe('比 2021 年 +25.0%');
    expect(deltas['budget-adjusted'].direction).toBe('up');
    // Execution rate = executed ÷ 全年预算: a smaller budget the year before, a higher rate then.
    const points = (now.execution_rate! - before.execution_rate!) * 100;
    expect(points).toBeLessThan(0);
    expect(deltas['execution-rate'].text).toBe(`比 2021 年 −${Math.abs(points).toFixed(1)} 个百分点`);
    expect(deltas['mean-score']).toMatchObject({ text: '比 2021 年 ±0 分', direction: 'level' });
    const english = yearDeltas(now, before, 2021, 'en', translator('en'));
    expect(english['budget-adjusted'].text).toBe('vs 2021: +25.0%');
    expect(english['execution-rate'].text).toBe(`vs 2021: −${Math.abs(points).toFixed(1)} pp`);
  });
});

describe('the same project in other years', () => {
  it('is matched by fund, project and department, both ways', async () => {
    const id = '000_4b75f8664dbcb524';
    expect((await db.query(projectYears(id))).map((r) => [r.report_id, r.year])).toEqual([[`y21_${id}`, 2021]]);
    expect((await db.query(projectYears(`y21_${id}`))).map((r) => [r.report_id, r.year])).toEqual([[id, 2022]]);
    expect(await db.query(projectYears('no-such-report'))).toEqual([]);
  });

  it('compares names without spaces, brackets or punctuation, in either width', async () => {
    const same = async (a: string, b: string) => (await db.query(sql<{ same: boolean }>('normalized')`
      SELECT ${normalizedSql(`'${a}'`)} = ${normalizedSql(`'${b}'`)} AS same`))[0].same;
    expect(await same('产业链专项（二期）', '产业链专项 (二期)')).toBe(true);
    expect(await same('Fund A', 'fund-a')).toBe(true);
    expect(await same('产业链专项', '产业链专项二期')).toBe(false);
  });
});

describe('a measure by year', () => {
  it('gives every year the other filters leave, for all the reports and each chosen city', async () => {
    const [y21] = await db.query(overviewFigures({ year: [2021] }));
    const [y22] = await db.query(overviewFigures({ year: [2022] }));
    const rates = await db.query(yearTrend({ year: [2022] }, 'execution_rate')); // the year filter left aside
    expect(rates.map((r) => [r.year, r.label, r.reports])).toEqual([[2021, null, 5], [2022, null, 5]]);
    expect(rates[0].value).toBeCloseTo(y21.executed! / y21.budget_adjusted!, 9);
    expect(rates[1].value).toBeCloseTo(y22.executed! / y22.budget_adjusted!, 9);
    const cities = await db.query(yearTrend({ city: ['株洲市', '益阳市'] }, 'mean_score'));
    expect(cities.map((r) => [r.label, r.year, r.reports])).toEqual([
      [null, 2021, 5], [null, 2022, 5], ['株洲市', 2021, 4], ['株洲市', 2022, 4], ['益阳市', 2021, 1], ['益阳市', 2022, 1],
    ]);
    // The same indicators both years: the same share met, 27 met of the 28 with a verdict.
    const met = await db.query(yearTrend({}, 'share_met'));
    expect(met.map((r) => r.value)).toEqual([27 / 28, 27 / 28]);
  });

  it('draws one line per city beside all, years along the axis', async () => {
    const rows = await db.query(yearTrend({ city: ['株洲市'] }, 'execution_rate'));
    const option = buildYearTrendOption(rows, 'execution_rate', { lang: 'zh', t: translator('zh') });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2021', '2022']);
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(['全部', '株洲市']);
  });
});
