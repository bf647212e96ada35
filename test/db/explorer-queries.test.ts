/**
 * The explorer's query builders against the fixture (test/db/fixtures/dash-data: 5 reports, 10
 * budget lines, 15 indicators, 7 findings) and the bundled data (data/). Expected figures were
 * read off the CSV files by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { explorerCount } from '../../src/queries/explorer-count.ts';
import { BLANK_CHOICE, type ColumnFilter } from '../../src/queries/explorer-filter.ts';
import { explorerGroupCount, explorerGroups } from '../../src/queries/explorer-groups.ts';
import { explorerOptions } from '../../src/queries/explorer-options.ts';
import { explorerPage } from '../../src/queries/explorer-page.ts';
import type { TableName } from '../../src/queries/explorer-columns.ts';
import type { Filters } from '../../src/queries/filters.ts';
import { openFixtureDb } from './helpers.ts';

const R000 = '000_4b75f8664dbcb524';
const R001 = '001_5411fd6863900e77';
const R002 = '002_d677b793e52480fc';
const R003 = '003_dc77c382bdb3a624';
const R004 = '004_2c93dbd2e0833d26';
const ALL = { pageIndex: 0, pageSize: 100 };

describe('explorer queries (fixture)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openFixtureDb();
  });
  afterAll(() => db?.close());

  const count = async (table: TableName, filters: Filters, columnFilters: ColumnFilter[] = []) =>
    (await db.query(explorerCount(table, filters, columnFilters)))[0].rows;
  const ids = async (table: TableName, columnFilters: ColumnFilter[], filters: Filters = {}) =>
    (await db.query(explorerPage(table, filters, columnFilters, [], ALL))).map((r) => r.report_id);

  it('counts every row of each table', async () => {
    expect(await count('reports', {})).toBe(5);
    expect(await count('budget_lines', {})).toBe(10);
    expect(await count('indicators', {})).toBe(15);
    expect(await count('findings', {})).toBe(7);
  });

  it('searches text: contains (case-insensitive, % and _ literal) and equals', async () => {
    // Only 中小企业科专项 has 企业 in its project name; every project has 专项.
    expect(await ids('reports', [{ column: 'project', kind: 'contains', text: '企业' }])).toEqual([R004]);
    expect(await count('reports', {}, [{ column: 'project', kind: 'contains', text: '专项' }])).toBe(5);
    expect(await count('reports', {}, [{ column: 'project', kind: 'contains', text: '%' }])).toBe(0);
    expect(await count('findings', {}, [{ column: 'code', kind: 'contains', text: 'total_score' }])).toBe(2);
    expect(await ids('reports', [{ column: 'project', kind: 'equals', text: '企协专项' }])).toEqual([R001]);
    expect(await count('reports', {}, [{ column: 'project', kind: 'equals', text: '企协' }])).toBe(0);
  });

  it('filters a number range, either end optional', async () => {
    // 全年预算 516, 83.5, 593.04, 810.24, 2408.1: three lie within 500–1000.
    expect(await ids('reports', [{ column: 'budget_adjusted', kind: 'range', min: 500, max: 1000 }])).toEqual([R000, R002, R003]);
    expect(await ids('reports', [{ column: 'execution_rate', kind: 'range', max: 0.99 }])).toEqual([R004]);
    expect(await count('indicators', {}, [{ column: 'score', kind: 'range', min: 30 }])).toBe(4); // 30, 30, 50, 40
    expect(await count('reports', {}, [{ column: 'total_score', kind: 'range' }])).toBe(5);
  });

  it('filters a choice list, blanks included, numbers compared as numbers', async () => {
    expect(await ids('reports', [{ column: 'city', kind: 'choice', values: ['益阳市'] }])).toEqual([R002]);
    expect(await ids('reports', [{ column: 'department', kind: 'choice', values: [BLANK_CHOICE] }])).toEqual([R003]);
    expect(await count('reports', {}, [{ column: 'department', kind: 'choice', values: [BLANK_CHOICE, '市工信局'] }])).toBe(4);
    expect(await count('reports', {}, [{ column: 'year', kind: 'choice', values: ['2022'] }])).toBe(5);
    expect(await count('reports', {}, [{ column: 'year', kind: 'choice', values: ['abc'] }])).toBe(0);
    expect(await count('indicators', {}, [{ column: 'status', kind: 'choice', values: ['met', 'partial'] }])).toBe(8 + 3);
  });

  it('combines column filters with AND', async () => {
    const filters: ColumnFilter[] = [
      { column: 'level1', kind: 'choice', values: ['产出指标'] },
      { column: 'score', kind: 'range', max: 20 },
    ];
    expect(await count('indicators', {}, filters)).toBe(5); // 20, 15, 20, 20, 20
  });

  it('applies the dashboard filters through the report, and 一级/status on indicator rows', async () => {
    expect(await ids('findings', [], { city: ['益阳市'] })).toEqual([R002]);
    expect(await count('budget_lines', { city: ['株洲市'] })).toBe(8);
    expect(await count('indicators', { city: ['株洲市'] })).toBe(12);
    // not_met rows are 001 #1 and 004 #1; their reports hold 4 budget lines and 4 findings.
    expect(await ids('indicators', [], { status: ['not_met'] })).toEqual([R001, R004]);
    expect(await count('budget_lines', { status: ['not_met'] })).toBe(4);
    expect(await count('findings', { status: ['not_met'] })).toBe(4);
    expect(await count('reports', { status: ['not_met'], city: ['株洲市'] })).toBe(2);
    expect(await count('indicators', { level1: ['满意度指标'], city: ['益阳市'] })).toBe(1);
  });

  it('binds values as parameters', async () => {
    const query = explorerPage('reports', {}, [{ column: 'city', kind: 'contains', text: "株洲' OR '1'='1" }], [], ALL);
    expect(query.sql).not.toContain('株洲');
    expect(await db.query(query)).toEqual([]);
  });

  it('sorts by a whitelisted column in SQL, blanks last, and pages with a stable order', async () => {
    const byBudget = await db.query(explorerPage('reports', {}, [], [{ id: 'budget_adjusted', desc: true }], ALL));
    expect(byBudget.map((r) => r.report_id)).toEqual([R004, R003, R002, R000, R001]);
    const byDepartment = await db.query(explorerPage('reports', {}, [], [{ id: 'department', desc: true }], ALL));
    expect(byDepartment.at(-1)!.report_id).toBe(R003); // the blank one
    // Default order: report, then seq; rows 6–10 of 15.
    const page = await db.query(explorerPage('indicators', {}, [], [], { pageIndex: 1, pageSize: 5 }));
    expect(page.map((r) => [r.report_id, r.seq])).toEqual([[R001, 2], [R001, 3], [R002, 1], [R002, 2], [R002, 3]]);
    expect(page[0].report_project).toBe('企协专项');
    expect(page[0].level3).toBe('活动验收合格率');
  });

  it('refuses unknown sort columns, tables and filter columns', () => {
    expect(() => explorerPage('reports', {}, [], [{ id: 'nope', desc: false }], ALL)).toThrow(/no column "nope"/);
    expect(() => explorerPage('reports', {}, [], [{ id: 'city" DESC; DROP TABLE reports; --', desc: false }], ALL)).toThrow(/no column/);
    expect(() => explorerPage('indicators', {}, [], [{ id: 'project', desc: false }], ALL)).toThrow(/no column "project"/);
    expect(() => explorerPage('users' as TableName, {}, [], [], ALL)).toThrow(/unknown table/);
    expect(() => explorerCount('reports', {}, [{ column: 'secret', kind: 'contains', text: 'x' }])).toThrow(/no column/);
    expect(() => explorerCount('reports', {}, [{ column: 'city', kind: 'range', min: 1 }])).toThrow(/does not fit/);
    expect(() => explorerPage('reports', {}, [], [], { pageIndex: 0, pageSize: 5000 })).toThrow(/page size/);
  });

  it('groups by city with counts and sums (means for rates and report scores)', async () => {
    const rows = await db.query(explorerGroups('reports', 'city', {}, [], [], ALL));
    expect(rows.map((r) => [r.city, r.row_count])).toEqual([['株洲市', 4], ['益阳市', 1]]);
    const [zhuzhou, yiyang] = rows;
    expect(zhuzhou.budget_initial).toBeCloseTo(516 + 83.5 + 810.24 + 2408.1, 6);
    expect(zhuzhou.executed).toBeCloseTo(516 + 83.5 + 810.24 + 2300, 6);
    expect(zhuzhou.total_score).toBeCloseTo((98 + 95 + 100 + 88) / 4, 6); // a mean: scores are compared, not added
    expect(zhuzhou.execution_rate).toBeCloseTo((3 + 2300 / 2408.1) / 4, 9);
    expect(zhuzhou.indicator_count).toBe(4 + 3 + 2 + 3);
    expect(yiyang).toMatchObject({ row_count: 1, budget_initial: 752, budget_adjusted: 593.04, finding_count: 1 });
    expect(await db.query(explorerGroupCount('reports', 'city', {}, []))).toEqual([{ groups: 2, rows: 5 }]);
  });

  it('groups under filters, keeps blanks as a group, sorts groups', async () => {
    const levels = await db.query(explorerGroups('indicators', 'level1', {}, [], [{ id: 'score', desc: false }], ALL));
    expect(levels.map((r) => [r.level1, r.row_count, r.weight, r.score])).toEqual([
      ['满意度指标', 2, 20, 19], ['效益指标', 5, 140, 128], ['产出指标', 8, 205, 200],
    ]);
    const filtered = await db.query(explorerGroups('indicators', 'level1', { city: ['益阳市'] }, [{ column: 'score', kind: 'range', min: 10 }], [], ALL));
    expect(filtered.map((r) => [r.level1, r.row_count])).toEqual([['产出指标', 1], ['效益指标', 1]]);
    const departments = await db.query(explorerGroups('reports', 'department', {}, [], [], ALL));
    expect(departments.map((r) => [r.department, r.row_count])).toEqual([['市工信局', 3], ['益阳市工业和信息化局', 1], [null, 1]]);
    expect(() => explorerGroups('reports', 'budget_initial', {}, [], [], ALL)).toThrow(/cannot be grouped/);
    expect(() => explorerGroups('reports', 'city', {}, [], [{ id: 'project', desc: false }], ALL)).toThrow(/cannot sort/);
  });

  it('lists the distinct values of choice columns with counts, under the dashboard filters', async () => {
    const options = await db.query(explorerOptions('reports', {}));
    const of = (column: string) => options.filter((o) => o.column === column).map((o) => [o.value, o.rows]);
    expect(of('city')).toEqual([['株洲市', 4], ['益阳市', 1]]);
    expect(of('department')).toEqual([['市工信局', 3], [BLANK_CHOICE, 1], ['益阳市工业和信息化局', 1]]);
    expect(of('year')).toEqual([['2022', 5]]);
    expect(of('grade')).toEqual([['优', 4], ['良', 1]]);
    const onScreen = await db.query(explorerOptions('reports', {}, ['city', 'budget_initial', 'nope']));
    expect([...new Set(onScreen.map((o) => o.column))]).toEqual(['city']);
    expect(await db.query(explorerOptions('reports', {}, []))).toEqual([]);
    const statuses = await db.query(explorerOptions('indicators', { city: ['株洲市'] }));
    expect(statuses.filter((o) => o.column === 'status').map((o) => [o.value, o.rows])).toEqual([
      ['met', 6], ['not_met', 2], ['partial', 2], ['unknown', 2],
    ]);
  });
});

describe('explorer queries (bundled data)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => db?.close());

  it('groups reports by city: Zhuzhou’s four sub-funds and Yiyang’s cut budget', async () => {
    const rows = await db.query(explorerGroups('reports', 'city', {}, [], [], ALL));
    expect(rows.map((r) => [r.city, r.row_count])).toEqual([['株洲市', 4], ['益阳市', 1]]);
    expect(rows[0].budget_initial).toBeCloseTo(516 + 83.5 + 810.24 + 2408.1, 6);
    expect(rows[1]).toMatchObject({ budget_initial: 752, budget_adjusted: 593.04, executed: 593.04 });
  });

  it('groups the 60 indicators by 一级指标 with their points', async () => {
    const rows = await db.query(explorerGroups('indicators', 'level1', {}, [], [], ALL));
    expect(rows.map((r) => [r.level1, r.row_count, r.weight, r.score])).toEqual([
      ['产出指标', 34, 250, 250], ['效益指标', 21, 150, 149], ['满意度指标', 5, 50, 50],
    ]);
    expect(await db.query(explorerGroupCount('indicators', 'status', {}, []))).toEqual([{ groups: 4, rows: 60 }]);
  });
});
