/** The findings view's pure parts: the code chart's option, message halves, URL state. */
import { describe, expect, it } from 'vitest';
import { formatSorting, parsePage, parseSorting } from '../../src/components/data-table-url.ts';
import { buildFindingsCodeOption, codeChartHeight } from '../../src/features/findings/findings-code-option.ts';
import {
  clearFindingFilters, readFindingsState, toggleFindingFilter, withPage, withSorting,
} from '../../src/features/findings/findings-url.ts';
import { translator } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/url-state.ts';
import type { FindingsFacetRow } from '../../src/queries/findings-facets.ts';

const ctx = (lang: Lang = 'zh', selected: string[] = []) => ({ lang, t: translator(lang), selected });
const loose = (value: unknown) => value as any;

const facets: FindingsFacetRow[] = [
  { facet: 'severity', value: 'warning', severity: 'warning', findings: 4 },
  { facet: 'severity', value: 'error', severity: 'error', findings: 2 },
  { facet: 'code', value: 'TOTAL_SCORE_MISMATCH', severity: 'error', findings: 2 },
  { facet: 'code', value: 'FIELD_MISSING', severity: 'warning', findings: 1 },
  { facet: 'code', value: 'NEW_CODE', severity: 'info', findings: 1 },
];

describe('buildFindingsCodeOption', () => {
  it('draws one bar per code, the most frequent on top, coloured by severity', () => {
    const option = loose(buildFindingsCodeOption(facets, ctx()));
    expect(option.yAxis.data).toEqual(['NEW_CODE', '必填项缺失', '总分与计算不符']);
    const bars = option.series[0].data;
    expect(bars.map((d: { value: number }) => d.value)).toEqual([1, 1, 2]);
    expect(bars[2]).toMatchObject({ code: 'TOTAL_SCORE_MISMATCH', itemStyle: { color: '#c8553d', opacity: 1 } });
    expect(bars[1].itemStyle.color).toBe('#e9a23b');
    expect(option.tooltip.valueFormatter(2)).toBe('2 条');
  });

  it('fades the codes outside the selection and speaks English', () => {
    const option = loose(buildFindingsCodeOption(facets, ctx('en', ['FIELD_MISSING'])));
    expect(option.yAxis.data[1]).toBe('Required field missing');
    expect(option.series[0].data.map((d: { itemStyle: { opacity: number } }) => d.itemStyle.opacity)).toEqual([0.3, 1, 0.3]);
    expect(option.tooltip.valueFormatter(1234)).toBe('1,234 findings');
  });

  it('gives each code room', () => {
    expect(codeChartHeight(14)).toBeGreaterThanOrEqual(14 * 24);
    expect(codeChartHeight(0)).toBeGreaterThan(0);
  });
});

describe('findings URL state', () => {
  const params = (search: string) => new URLSearchParams(search);

  it('reads multi-valued filters, dropping unknown severities', () => {
    const state = readFindingsState(params('view=findings&code=A&code=B&code=A&sev=error&sev=fatal&report=r1'));
    expect(state.filters).toEqual({ code: ['A', 'B'], severity: ['error'], report: ['r1'] });
    expect(state.sorting).toEqual([{ id: 'severity', desc: false }]);
    expect(state.page).toEqual({ pageIndex: 0, pageSize: 20 });
  });

  it('reads sorting and paging, ignoring columns and sizes outside the whitelists', () => {
    const state = readFindingsState(params('fsort=-line,evil,code&fpage=3&fsize=50'));
    expect(state.sorting).toEqual([{ id: 'line', desc: true }, { id: 'code', desc: false }]);
    expect(state.page).toEqual({ pageIndex: 2, pageSize: 50 });
    expect(readFindingsState(params('fpage=-4&fsize=7')).page).toEqual({ pageIndex: 0, pageSize: 20 });
  });

  it('toggles a filter value and returns to the first page', () => {
    const on = toggleFindingFilter(params('view=findings&code=A&fpage=3'), 'code', 'B');
    expect(on.getAll('code')).toEqual(['A', 'B']);
    expect(on.has('fpage')).toBe(false);
    expect(toggleFindingFilter(on, 'code', 'A').getAll('code')).toEqual(['B']);
    expect(toggleFindingFilter(params(''), 'severity', 'error').toString()).toBe('sev=error');
    const cleared = clearFindingFilters(params('view=findings&city=株洲市&code=A&sev=info&report=r&fsort=line'));
    expect([...cleared.keys()]).toEqual(['view', 'city', 'fsort']);
  });

  it('writes sorting and paging, leaving defaults out of the URL', () => {
    expect(withSorting(params('fpage=2'), [{ id: 'line', desc: true }]).toString()).toBe('fsort=-line');
    expect(withSorting(params('fsort=-line'), [{ id: 'severity', desc: false }]).toString()).toBe('');
    expect(withSorting(params(''), []).toString()).toBe('');
    expect(withPage(params('view=findings'), { pageIndex: 1, pageSize: 50 }).toString()).toBe('view=findings&fpage=2&fsize=50');
    expect(withPage(params('fpage=2&fsize=50'), { pageIndex: 0, pageSize: 20 }).toString()).toBe('');
  });

  it('round-trips a sorting through the shared helpers', () => {
    const sorting = [{ id: 'code', desc: false }, { id: 'line', desc: true }];
    expect(parseSorting(formatSorting(sorting), () => true)).toEqual(sorting);
    expect(parsePage('2', '100')).toEqual({ pageIndex: 1, pageSize: 100 });
  });
});
