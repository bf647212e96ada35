/**
 * Every query module against the fixture dataset (test/db/fixtures/dash-data, five reports
 * modelled on the seeds), run by native DuckDB with the browser's DDL. Expected figures were
 * worked out by hand from the CSV files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDb } from '../../src/build/node-db.ts';
import {
  budgetBy, filterOptions, findingsByCode, indicatorStatusCounts, overviewFigures, scoreHistogram,
} from '../../src/queries/index.ts';
import { openFixtureDb } from './helpers.ts';
import { overviewQueries } from '../../src/queries/overview-queries.ts';
import { BLANK_VALUE, NO_FILTERS } from '../../src/queries/filters.ts';
import { numberLiteral } from '../../src/queries/query.ts';

let db: NodeDb;
beforeAll(async () => {
  db = await openFixtureDb();
});
afterAll(() => db?.close());

describe('overviewFigures', () => {
  it('sums the whole dataset', async () => {
    const [row] = await db.query(overviewFigures({}));
    expect(row).toMatchObject({ reports: 5, cities: 2, funds: 2, projects: 5, findings: 7, mean_total_score: 96 });
    // 516 + 83.5 + 752 + 810.24 + 2408.1; 全年 has Yiyang's cut to 593.04; 中小企业科 executed 2300.
    expect(row.budget_initial).toBeCloseTo(4569.84, 6);
    expect(row.budget_adjusted).toBeCloseTo(4410.88, 6);
    expect(row.executed).toBeCloseTo(4302.78, 6);
    expect(row.execution_rate).toBeCloseTo(4302.78 / 4410.88, 9);
    expect(row.execution_rate_initial).toBeCloseTo(4302.78 / 4569.84, 9);
    expect(typeof row.reports).toBe('number'); // never BigInt
  });

  it('applies report filters and indicator filters (reports with a matching indicator)', async () => {
    const [yiyang] = await db.query(overviewFigures({ city: ['益阳市'] }));
    expect(yiyang).toMatchObject({ reports: 1, budget_initial: 752, budget_adjusted: 593.04, findings: 1 });
    expect(yiyang.execution_rate_initial).toBeCloseTo(593.04 / 752, 9);
    // not_met indicators: 企协专项 and 中小企业科专项 (both 株洲市).
    const [missed] = await db.query(overviewFigures({ status: ['not_met'] }));
    expect(missed).toMatchObject({ reports: 2, cities: 1, findings: 4, mean_total_score: (95 + 88) / 2 });
    expect(missed.budget_adjusted).toBeCloseTo(83.5 + 2408.1, 6);
  });

  it('multi-valued filters are OR within a filter and AND across filters', async () => {
    const [both] = await db.query(overviewFigures({ city: ['益阳市', '株洲市'], year: [2022] }));
    expect(both.reports).toBe(5);
    const [none] = await db.query(overviewFigures({ city: ['益阳市'], project: ['企协专项'] }));
    expect(none).toMatchObject({ reports: 0, budget_adjusted: null, findings: 0, execution_rate: null });
  });

  it('binds values as parameters, so quotes in a value are just text', async () => {
    const query = overviewFigures({ city: ["株洲市' OR '1'='1"] });
    expect(query.sql).not.toContain('株洲市');
    expect((await db.query(query))[0].reports).toBe(0);
  });
});

describe('budgetBy', () => {
  it('groups by city, largest 全年预算 first', async () => {
    const rows = await db.query(budgetBy('city', {}));
    expect(rows.map((r) => r.label)).toEqual(['株洲市', '益阳市']);
    expect(rows[0].reports).toBe(4);
    expect(rows[0].budget_adjusted).toBeCloseTo(3817.84, 6);
    expect(rows[0].executed).toBeCloseTo(3709.74, 6);
    expect(rows[1]).toMatchObject({ label: '益阳市', budget_initial: 752, budget_adjusted: 593.04, execution_rate: 1 });
  });

  it('groups by fund and by project', async () => {
    const funds = await db.query(budgetBy('fund', { city: ['株洲市'] }));
    expect(funds).toHaveLength(1);
    expect(funds[0].label).toBe('株洲市经济信息产业发展专项资金');
    const projects = await db.query(budgetBy('project', {}));
    expect(projects.map((r) => r.label)).toEqual(['中小企业科专项', '园区建设专项', '服务先进制造业高质量发展专项资金', '产业链专项', '企协专项']);
    expect(projects[0].execution_rate).toBeCloseTo(2300 / 2408.1, 9);
  });

  it('refuses a dimension outside the whitelist', () => {
    expect(() => budgetBy('city; DROP TABLE reports' as never, {})).toThrow(/unknown dimension/);
  });
});

describe('indicatorStatusCounts', () => {
  it('counts statuses in a fixed order', async () => {
    expect(await db.query(indicatorStatusCounts({}))).toEqual([
      { status: 'met', indicators: 8 },
      { status: 'partial', indicators: 3 },
      { status: 'not_met', indicators: 2 },
      { status: 'unknown', indicators: 2 },
    ]);
  });

  it('filters indicator rows by 一级指标 and reports by city', async () => {
    expect(await db.query(indicatorStatusCounts({ level1: ['产出指标'], city: ['株洲市'] }))).toEqual([
      { status: 'met', indicators: 5 },
      { status: 'not_met', indicators: 2 },
    ]);
  });
});

describe('scoreHistogram', () => {
  it('puts 100 in the top band', async () => {
    // Scores 98, 95, 99, 100, 88.
    expect(await db.query(scoreHistogram({}, 5))).toEqual([
      { bin_start: 85, reports: 1 },
      { bin_start: 95, reports: 4 },
    ]);
    expect(await db.query(scoreHistogram({}, 10))).toEqual([
      { bin_start: 80, reports: 1 },
      { bin_start: 90, reports: 4 },
    ]);
  });

  it('rejects a bin width out of range', () => {
    expect(() => scoreHistogram({}, 0)).toThrow();
  });

  it('writes the bin width into its text (a constant of the chart, not input)', () => {
    expect(scoreHistogram({}, 2.5).params).toEqual([]);
    expect(scoreHistogram({}, 2.5).sql).toContain('r.total_score / 2.5');
  });
});

describe('numberLiteral', () => {
  it('writes finite numbers and refuses anything else', () => {
    expect(numberLiteral(2.5).sql).toBe('2.5');
    expect(numberLiteral(-12.5).sql).toBe('(-12.5)'); // `100 -${…}` must not become a comment
    expect(() => numberLiteral(Number.NaN)).toThrow(/not a finite number/);
    expect(() => numberLiteral(Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
  });
});

describe('the overview at start-up', () => {
  it('binds no parameter without filters, so its first run prepares no statement', () => {
    expect(overviewQueries(NO_FILTERS).filter((q) => q.params.length > 0).map((q) => q.name)).toEqual([]);
  });
});

describe('findingsByCode', () => {
  it('counts findings per code with the worst severity', async () => {
    const rows = await db.query(findingsByCode({}));
    expect(rows[0]).toEqual({ code: 'TOTAL_SCORE_MISMATCH', severity: 'error', findings: 2, reports: 2 });
    expect(rows).toHaveLength(6);
    expect(rows.reduce((n, r) => n + r.findings, 0)).toBe(7);
    expect(await db.query(findingsByCode({ city: ['益阳市'] }))).toEqual([
      { code: 'BUDGET_ADJUSTED', severity: 'warning', findings: 1, reports: 1 },
    ]);
  });
});

describe('filterOptions', () => {
  it('lists every value of every filter with counts', async () => {
    const rows = await db.query(filterOptions());
    const of = (dimension: string) => rows.filter((r) => r.dimension === dimension).map((r) => [r.value, r.rows]);
    expect(of('year')).toEqual([['2022', 5]]);
    expect(of('city')).toEqual([['株洲市', 4], ['益阳市', 1]]);
    // Report 003 names no department: its blank is an option of its own (BLANK_VALUE, '').
    expect(of('department')).toEqual([['', 1], ['市工信局', 3], ['益阳市工业和信息化局', 1]]);
    expect(of('level1')).toEqual([['产出指标', 8], ['效益指标', 5], ['满意度指标', 2]]);
    expect(of('status').map(([value]) => value).sort()).toEqual(['met', 'not_met', 'partial', 'unknown']);
  });

  // Expectations counted by hand from test/db/fixtures/dash-data (5 reports, 15 indicators).
  const optionsUnder = async (filters: Parameters<typeof filterOptions>[0]) => {
    const rows = await db.query(filterOptions(filters));
    return (dimension: string) => rows.filter((r) => r.dimension === dimension).map((r) => [r.value, r.rows]);
  };

  it('narrows each filter\'s options to the other filters, never by its own', async () => {
    const of = await optionsUnder({ city: ['益阳市'] });
    expect(of('city')).toEqual([['株洲市', 4], ['益阳市', 1]]); // still every city to switch to
    expect(of('project')).toEqual([['服务先进制造业高质量发展专项资金', 1]]);
    expect(of('level1')).toEqual([['产出指标', 1], ['效益指标', 1], ['满意度指标', 1]]);
    expect(of('status')).toEqual([['met', 2], ['partial', 1]]);
  });

  it('selects the reports that leave a text column blank with BLANK_VALUE, alone or with other values', async () => {
    const blank = await db.query(overviewFigures({ department: [BLANK_VALUE] }));
    expect(blank[0].reports).toBe(1);
    expect(blank[0].budget_adjusted).toBeCloseTo(810.24, 2); // report 003's 全年预算
    const either = await db.query(overviewFigures({ department: [BLANK_VALUE, '益阳市工业和信息化局'] }));
    expect(either[0].reports).toBe(2);
    expect((await db.query(overviewFigures({ department: ['市工信局'] })))[0].reports).toBe(3);
    // No city is blank: BLANK_VALUE then selects nothing, and the city options do not list it.
    expect((await db.query(overviewFigures({ city: [BLANK_VALUE] })))[0].reports).toBe(0);
    const of = await optionsUnder({ department: [BLANK_VALUE] });
    expect(of('city')).toEqual([['株洲市', 1]]);
    expect(of('department')).toEqual([['', 1], ['市工信局', 3], ['益阳市工业和信息化局', 1]]); // never by its own
  });

  it('narrows report options by an indicator filter: reports with at least one such indicator', async () => {
    const of = await optionsUnder({ status: ['not_met'] });
    expect(of('city')).toEqual([['株洲市', 2]]);
    expect(of('project')).toEqual([['中小企业科专项', 1], ['企协专项', 1]]);
    expect(of('level1')).toEqual([['产出指标', 2]]);
    expect(of('status')).toEqual([['met', 8], ['not_met', 2], ['partial', 3], ['unknown', 2]]);

    const both = await optionsUnder({ city: ['株洲市'], level1: ['满意度指标'] });
    expect(both('city')).toEqual([['株洲市', 1], ['益阳市', 1]]);
    expect(both('status')).toEqual([['met', 1]]);
  });
});
