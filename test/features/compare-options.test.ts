/** The compare view's pure parts: URL selection, the table model and the chart option builders. */
import { describe, expect, it } from 'vitest';
import { buildBudgetCompareOption } from '../../src/features/compare/budget-compare-option.ts';
import {
  parseDimension, parseItems, selectItems, toggleItem, withItems,
} from '../../src/features/compare/compare-selection.ts';
import { bestFlags, buildCompareTable } from '../../src/features/compare/compare-table-model.ts';
import { buildScoreRateOption } from '../../src/features/compare/score-rate-option.ts';
import { buildStatusShareOption } from '../../src/features/compare/status-share-option.ts';
import { translator } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/url-state.ts';
import type { CompareMeasuresRow } from '../../src/queries/compare-measures.ts';

const ctx = (lang: Lang = 'zh') => ({ lang, t: translator(lang) });
// ECharts options are unions of arrays and objects; the tests read them loosely.
const loose = (value: unknown) => value as any;

const zhuzhou: CompareMeasuresRow = {
  label: '株洲市', parent: '湖南省', report_id: '004', reports: 4,
  budget_initial: 3817.84, budget_adjusted: 3817.84, executed: 3709.74, execution_rate: 3709.74 / 3817.84, execution_rate_initial: 3709.74 / 3817.84,
  mean_total_score: 95.25, mean_rule_gap: 0.4, indicators: 12, met: 6, partial: 2, not_met: 2, claimed: 1, unknown: 1,
  rate_output: 170 / 175, rate_outcome: 98 / 110, rate_satisfaction: 1, findings: 6, errors: 2,
};
const yiyang: CompareMeasuresRow = {
  label: '益阳市', parent: '湖南省', report_id: '002', reports: 1,
  budget_initial: 752, budget_adjusted: 593.04, executed: 593.04, execution_rate: 1, execution_rate_initial: 593.04 / 752,
  mean_total_score: 99, mean_rule_gap: 0, indicators: 3, met: 2, partial: 1, not_met: 0, claimed: 0, unknown: 0,
  rate_output: 1, rate_outcome: 1, rate_satisfaction: 0.9, findings: 1, errors: 0,
};
const item = (label: string, budget: number): CompareMeasuresRow => ({ ...yiyang, label, budget_adjusted: budget });

describe('compare selection (URL state)', () => {
  it('reads the dimension, city by default, and the repeated items', () => {
    expect(parseDimension(new URLSearchParams('cdim=fund'))).toBe('fund');
    expect(parseDimension(new URLSearchParams('cdim=nonsense'))).toBe('city');
    expect(parseItems(new URLSearchParams('cmp=%E7%9B%8A%E9%98%B3%E5%B8%82&cmp=A%2CB&cmp=&cmp=A%2CB'))).toEqual(['益阳市', 'A,B']);
  });

  it('defaults to all items up to 6, else the top 4 (rows come largest first)', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((label, i) => item(label, 100 - i));
    expect(selectItems(six, [])).toMatchObject({ isDefault: true, outOfScope: [] });
    expect(selectItems(six, []).rows).toHaveLength(6);
    const seven = [...six, item('g', 1)];
    expect(selectItems(seven, []).rows.map((r) => r.label)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the chosen items in query order and reports those the filters leave out', () => {
    const rows = [zhuzhou, yiyang];
    expect(selectItems(rows, ['益阳市', '长沙市'])).toMatchObject({ rows: [yiyang], isDefault: false, outOfScope: ['长沙市'] });
    // Nothing chosen is left: the default applies again, and the view says why.
    expect(selectItems(rows, ['长沙市'])).toMatchObject({ rows: [zhuzhou, yiyang], isDefault: true, outOfScope: ['长沙市'] });
  });

  it('toggles from what is shown and writes cmp once per item, other parameters kept', () => {
    expect(toggleItem(['株洲市', '益阳市'], '株洲市')).toEqual(['益阳市']);
    expect(toggleItem(['株洲市'], '益阳市')).toEqual(['株洲市', '益阳市']);
    const next = withItems(new URLSearchParams('view=compare&cmp=x&city=株洲市'), ['株洲市', 'A&B']);
    expect(next.getAll('cmp')).toEqual(['株洲市', 'A&B']);
    expect(next.get('city')).toBe('株洲市');
    expect(next.toString()).toContain('cmp=A%26B');
  });
});

describe('compare table model', () => {
  it('flags the best cell of a row, ties included, and nothing when all are equal or alone', () => {
    const higher = (v: number) => v;
    expect(bestFlags([0.9, 1, null], higher)).toEqual([false, true, false]);
    expect(bestFlags([1, 1, 0.5], higher)).toEqual([true, true, false]);
    expect(bestFlags([1, 1], higher)).toEqual([false, false]);
    expect(bestFlags([1, null], higher)).toEqual([false, false]);
    expect(bestFlags([1, 2], undefined)).toEqual([false, false]);
  });

  it('formats every measure with its unit and ranks only those with a better direction', () => {
    const groups = buildCompareTable([zhuzhou, yiyang], ctx());
    expect(groups.map((g) => g.title)).toEqual(['预算执行', '自评得分', '三级指标', '数据问题']);
    const row = (id: string) => groups.flatMap((g) => g.rows).find((r) => r.id === id)!;
    expect(row('budget-adjusted').cells).toEqual([{ text: '3,817.84 万元', best: false }, { text: '593.04 万元', best: false }]);
    expect(row('execution-rate').cells.map((c) => [c.text, c.best])).toEqual([['97.2%', false], ['100.0%', true]]);
    expect(row('execution-rate-initial').cells.map((c) => [c.text, c.best])).toEqual([['97.2%', true], ['78.9%', false]]);
    expect(row('mean-score').cells.map((c) => c.text)).toEqual(['95.3 分', '99 分']);
    expect(row('rate-产出指标').label).toBe('产出指标得分率');
    expect(row('rate-满意度指标').cells.map((c) => [c.text, c.best])).toEqual([['100.0%', true], ['90.0%', false]]);
    expect(row('status-met').cells.map((c) => c.text)).toEqual(['6（50.0%）', '2（66.7%）']);
    expect(row('status-not_met').cells.map((c) => c.best)).toEqual([false, true]);
    expect(row('errors').cells.map((c) => [c.text, c.best])).toEqual([['2（每份 0.5）', false], ['0（每份 0）', true]]);
    // Ranked per report, the raw count beside: 益阳 (1 report, 11 issues) is worse than 株洲 (4 reports, 36).
    const bySize = buildCompareTable([{ ...zhuzhou, findings: 36 }, { ...yiyang, findings: 11 }], ctx()).flatMap((g) => g.rows).find((r) => r.id === 'findings')!;
    expect(bySize.cells.map((c) => [c.text, c.best])).toEqual([['36（每份 9）', true], ['11（每份 11）', false]]);
  });

  it('shows a blank, never 0, where a figure is missing, in English too', () => {
    const bare = { ...yiyang, mean_total_score: null, indicators: 0, met: 0, partial: 0, not_met: 0, unknown: 0, rate_output: null };
    const groups = buildCompareTable([bare], ctx('en'));
    const row = (id: string) => groups.flatMap((g) => g.rows).find((r) => r.id === id)!;
    expect(row('mean-score').cells[0].text).toBe('—');
    expect(row('status-met').cells[0].text).toBe('—');
    expect(row('rate-产出指标')).toMatchObject({ label: 'Score rate: Outputs', cells: [{ text: '—', best: false }] });
    expect(row('budget-adjusted').cells[0].text).toBe('CNY 5.9304 M');
  });
});

describe('buildBudgetCompareOption', () => {
  it('draws 年初 / 全年 / 执行 per item in 万元, the execution rate on the 执行 bar', () => {
    const option = loose(buildBudgetCompareOption([zhuzhou, yiyang], ctx()));
    expect(option.xAxis.data).toEqual(['株洲市', '益阳市']);
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['年初预算', '全年预算', '全年执行']);
    expect(option.series[0].data).toEqual([3817.84, 752]);
    expect(option.series[1].data).toEqual([3817.84, 593.04]);
    expect(option.yAxis.name).toBe('万元');
    expect(option.series[2].label.formatter({ dataIndex: 1 })).toBe('100.0%');
    expect(option.series[0].label).toBeUndefined();
    expect(option.tooltip.valueFormatter(593.04)).toBe('593.04 万元');
  });

  it('switches to 亿元 for large figures and to CNY in English', () => {
    const big = { ...zhuzhou, budget_initial: 25_000, budget_adjusted: 25_000, executed: 12_500 };
    const zh = loose(buildBudgetCompareOption([big], ctx()));
    expect(zh.yAxis.name).toBe('亿元');
    expect(zh.series[2].data).toEqual([1.25]);
    expect(loose(buildBudgetCompareOption([zhuzhou], ctx('en'))).yAxis.name).toBe('CNY M');
  });
});

describe('buildStatusShareOption', () => {
  it('stacks each item to 100% in status order, first item on top, shares from counts', () => {
    const option = loose(buildStatusShareOption([zhuzhou, yiyang], ctx()));
    expect(option.yAxis.data).toEqual(['益阳市', '株洲市']); // bottom to top
    expect(option.xAxis.max).toBe(1);
    expect(option.series.map((s: { name: string; stack: string }) => [s.name, s.stack])).toEqual([
      ['达成', 'status'], ['部分达成', 'status'], ['未达成', 'status'], ['仅称完成', 'status'], ['无法判断', 'status'],
    ]);
    expect(option.series[0].data).toEqual([{ value: 2 / 3, status: 'met' }, { value: 0.5, status: 'met' }]);
    expect(option.series[2].data[0]).toEqual({ value: 0, status: 'not_met' });
    expect(option.series[0].tooltip.valueFormatter(0.5, 1)).toBe('50.0% · 6 个指标');
    expect(option.series[2].label.formatter({ value: 0.05 })).toBe('');
    expect(option.series[0].label.formatter({ value: 0.5 })).toBe('50%');
  });

  it('leaves an item without indicators empty, in English too', () => {
    const option = loose(buildStatusShareOption([{ ...yiyang, indicators: 0, met: 0, partial: 0 }], ctx('en')));
    expect(option.series.every((s: { data: { value: unknown }[] }) => s.data[0].value === null)).toBe(true);
    expect(option.series[1].name).toBe('Partly met');
    expect(option.xAxis.interval).toBe(0.25);
  });
});

describe('buildScoreRateOption', () => {
  it('groups bars by 一级, one series per item, with the 一级 for cross-filtering', () => {
    const option = loose(buildScoreRateOption([zhuzhou, yiyang], ctx()));
    expect(option.xAxis.data).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['株洲市', '益阳市']);
    expect(option.series[1].data).toEqual([
      { value: 1, level1: '产出指标' }, { value: 1, level1: '效益指标' }, { value: 0.9, level1: '满意度指标' },
    ]);
    expect(option.series[0].itemStyle.color).not.toBe(option.series[1].itemStyle.color);
    expect(option.yAxis.max({ max: 0.95 })).toBe(1);
    expect(option.yAxis.max({ max: 1.2 })).toBe(1.2);
    expect(option.series[0].label.show).toBe(true);
    expect(option.xAxis.axisLabel.interval).toBe(0); // all three 一级, wrapped when narrow
    expect(option.series[1].label.formatter({ value: 0.9667 })).toBe('96.7%'); // as the table has it
    expect(option.series[1].label.formatter({ value: 1 })).toBe('100%');
    // The bar labels above 100% get room below the axis name, which stays where it is without them.
    const unlabelled = loose(buildScoreRateOption(['a', 'b', 'c'].map((label) => item(label, 1)), ctx()));
    expect(option.grid.top).toBeGreaterThan(unlabelled.grid.top);
    expect(option.grid.top - option.yAxis.nameGap).toBe(unlabelled.grid.top - unlabelled.yAxis.nameGap);
    expect(option.tooltip.valueFormatter(0.9)).toBe('90.0%');
  });

  it('drops bar labels when many items share a group, and speaks English', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((label) => item(label, 1));
    const option = loose(buildScoreRateOption(many, ctx('en')));
    expect(option.series[0].label.show).toBe(false);
    expect(option.xAxis.data).toEqual(['Outputs', 'Outcomes', 'Satisfaction']);
    expect(option.yAxis.name).toBe('Score rate');
  });
});
