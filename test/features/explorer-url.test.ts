/**
 * The explorer's URL state: what a link can ask for, what is dropped, and how each control
 * rewrites the query string (other views' and the filter bar's parameters untouched).
 */
import { describe, expect, it } from 'vitest';
import {
  clearColumnFilters, drillDown, effectiveSorting, readExplorerState, withColumnFilter, withGroup, withHidden, withPage, withSorting, withTable,
} from '../../src/features/explorer/explorer-url.ts';
import { EXPLORER_COLUMNS } from '../../src/queries/explorer-columns.ts';

const params = (search: string) => new URLSearchParams(search);

describe('readExplorerState', () => {
  it('defaults to the reports table, unsorted, first page, the default hidden columns', () => {
    const state = readExplorerState(params('view=explorer'));
    expect(state).toMatchObject({ table: 'reports', columnFilters: [], groupBy: null, sorting: [], page: { pageIndex: 0, pageSize: 20 } });
    expect(state.hidden).toEqual(EXPLORER_COLUMNS.reports.filter((c) => c.hidden).map((c) => c.name));
    expect(state.hidden).toContain('goal_target');
  });

  it('reads every kind of column filter', () => {
    const state = readExplorerState(params(
      'xt=indicators&xc.status=not_met&xc.status=partial&xs.level3=满意&xe.level2=数量指标&xmin.score=5&xmax.score=20&xmax.weight=10',
    ));
    expect(state.table).toBe('indicators');
    expect(state.columnFilters).toEqual([
      { column: 'status', kind: 'choice', values: ['not_met', 'partial'] },
      { column: 'level3', kind: 'contains', text: '满意' },
      { column: 'level2', kind: 'equals', text: '数量指标' },
      { column: 'score', kind: 'range', min: 5, max: 20 },
      { column: 'weight', kind: 'range', min: null, max: 10 },
    ]);
  });

  it('drops unknown tables, columns, kinds that do not fit, bad numbers and unsortable ids', () => {
    const state = readExplorerState(params('xt=users&xc.password=x&xmin.city=3&xs.budget_initial=1&xmin.total_score=abc&xsort=-nope,total_score&xg=budget_initial'));
    expect(state.table).toBe('reports');
    expect(state.columnFilters).toEqual([]);
    expect(state.sorting).toEqual([{ id: 'total_score', desc: false }]);
    expect(state.groupBy).toBeNull();
  });

  it('reads a grouping, whose sort ids are the group column, the count and the aggregates', () => {
    const state = readExplorerState(params('xg=city&xsort=-budget_adjusted,project'));
    expect(state.groupBy).toBe('city');
    expect(state.sorting).toEqual([{ id: 'budget_adjusted', desc: true }]);
    expect(effectiveSorting(readExplorerState(params('xg=city')))).toEqual([{ id: 'row_count', desc: true }]);
  });

  it('reads hidden columns, an empty list showing all', () => {
    expect(readExplorerState(params('xhide=city,nope')).hidden).toEqual(['city']);
    expect(readExplorerState(params('xhide=')).hidden).toEqual([]);
  });
});

describe('explorer URL changes', () => {
  const base = 'view=explorer&city=株洲市&lang=en';

  it('switching the table starts afresh but keeps the filter bar, the language and the page size', () => {
    const next = withTable(params(`${base}&xc.city=株洲市&xg=city&xsort=city&xpage=2&xsize=50&xhide=`), 'indicators');
    expect(next.toString()).toBe(params(`${base}&xsize=50&xt=indicators`).toString());
    expect(withTable(params(`${base}&xt=findings`), 'reports').get('xt')).toBeNull();
  });

  it('sets, replaces and removes a column filter, back to the first page', () => {
    let next = withColumnFilter(params(`${base}&xpage=3`), 'city', { column: 'city', kind: 'choice', values: ['益阳市'] });
    expect(next.getAll('xc.city')).toEqual(['益阳市']);
    expect(next.get('xpage')).toBeNull();
    next = withColumnFilter(next, 'project', { column: 'project', kind: 'equals', text: ' 企协专项 ' });
    expect(next.get('xe.project')).toBe('企协专项');
    next = withColumnFilter(next, 'project', { column: 'project', kind: 'contains', text: '企协' });
    expect([next.get('xe.project'), next.get('xs.project')]).toEqual([null, '企协']);
    next = withColumnFilter(next, 'total_score', { column: 'total_score', kind: 'range', min: 90, max: null });
    expect([next.get('xmin.total_score'), next.has('xmax.total_score')]).toEqual(['90', false]);
    next = withColumnFilter(next, 'city', null);
    expect(next.has('xc.city')).toBe(false);
    expect(next.getAll('city')).toEqual(['株洲市']); // the filter bar's own
    expect(clearColumnFilters(next).toString()).toBe(params(base).toString());
  });

  it('groups, and a drill-down filters on the group value and leaves the grouping', () => {
    const grouped = withGroup(params(`${base}&xsort=-total_score&xpage=2`), 'city');
    expect(grouped.toString()).toBe(params(`${base}&xg=city`).toString());
    const drilled = drillDown(params(`${base}&xg=city&xsort=-row_count&xc.grade=优`), 'city', '益阳市');
    expect(drilled.get('xg')).toBeNull();
    expect(drilled.get('xsort')).toBeNull();
    expect(drilled.getAll('xc.city')).toEqual(['益阳市']);
    expect(drilled.getAll('xc.grade')).toEqual(['优']);
  });

  it('writes sorting and pages, defaults leaving no parameter', () => {
    expect(withSorting(params('xpage=2'), [{ id: 'total_score', desc: true }, { id: 'city', desc: false }]).toString()).toBe('xsort=-total_score%2Ccity');
    expect(withSorting(params('xsort=city'), []).toString()).toBe('');
    expect(withPage(params(''), { pageIndex: 2, pageSize: 50 }).toString()).toBe('xpage=3&xsize=50');
    expect(withPage(params('xpage=3'), { pageIndex: 0, pageSize: 20 }).toString()).toBe('');
  });

  it('keeps hidden columns, the default set leaving no parameter', () => {
    const defaults = EXPLORER_COLUMNS.reports.filter((c) => c.hidden).map((c) => c.name);
    expect(withHidden(params('xhide=city'), 'reports', defaults).has('xhide')).toBe(false);
    expect(withHidden(params(''), 'reports', [...defaults, 'grade']).get('xhide')).toBe([...defaults, 'grade'].join(','));
    expect(withHidden(params(''), 'reports', []).get('xhide')).toBe('');
    expect(readExplorerState(withHidden(params(''), 'reports', ['grade'])).hidden).toEqual(['grade']);
  });
});
