/** The overview's pure option builders: rows in, ECharts option out, no DOM. */
import { describe, expect, it } from 'vitest';
import { buildBudgetByCityOption, foldCities, OVERVIEW_CITY_BARS } from '../../src/components/overview/budget-by-city-option.ts';
import type { BudgetByRow } from '../../src/queries/budget-by.ts';
import { buildFindingsByCodeOption } from '../../src/components/overview/findings-by-code-option.ts';
import { buildIndicatorStatusOption } from '../../src/components/overview/indicator-status-option.ts';
import { buildScoreHistogramOption } from '../../src/components/overview/score-histogram-option.ts';
import { translator } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/url-state.ts';

const ctx = (lang: Lang = 'zh') => ({ lang, t: translator(lang) });
// ECharts options are unions of arrays and objects; the tests read them loosely.
const loose = (value: unknown) => value as any;

const budgetRows = [
  { label: '株洲市', reports: 4, budget_initial: 3817.84, budget_adjusted: 3817.84, executed: 3709.74, execution_rate: 0.97, execution_rate_initial: 0.97 },
  { label: null, reports: 1, budget_initial: 752, budget_adjusted: 593.04, executed: null, execution_rate: null, execution_rate_initial: null },
];

describe('buildBudgetByCityOption', () => {
  it('draws 年初 / 全年 / 执行 per city in 万元, blanks kept blank', () => {
    const option = loose(buildBudgetByCityOption(budgetRows, ctx()));
    expect(option.xAxis.data).toEqual(['株洲市', '（空白）']);
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['年初预算', '全年预算', '全年执行']);
    expect(option.series[2].data).toEqual([3709.74, null]);
    expect(option.yAxis.name).toBe('万元');
    expect(option.tooltip.valueFormatter(3709.74)).toBe('3,709.74 万元');
  });

  it('switches the axis to 亿元 from 10,000 万元, and to CNY in English', () => {
    const big = [{ ...budgetRows[0], budget_initial: 25_000, budget_adjusted: 25_000, executed: 12_500 }];
    const zh = loose(buildBudgetByCityOption(big, ctx()));
    expect(zh.yAxis.name).toBe('亿元');
    expect(zh.series[0].data).toEqual([2.5]);
    expect(zh.tooltip.valueFormatter(2.5)).toBe('2.50 亿元');
    const en = loose(buildBudgetByCityOption(budgetRows, ctx('en')));
    expect(en.yAxis.name).toBe('CNY M');
    expect(en.legend).toBeDefined();
    expect(en.series[0].name).toBe('Initial budget');
  });

  it('handles no rows', () => {
    expect(loose(buildBudgetByCityOption([], ctx())).xAxis.data).toEqual([]);
  });
});

describe('buildIndicatorStatusOption', () => {
  it('keeps every status in order, zero when absent, with its colour and id for clicks', () => {
    const option = loose(buildIndicatorStatusOption([{ status: 'not_met', indicators: 2 }, { status: 'met', indicators: 8 }], ctx()));
    expect(option.xAxis.data).toEqual(['达成', '部分达成', '未达成', '仅称完成', '无法判断']);
    expect(option.series[0].data.map((d: { value: number }) => d.value)).toEqual([8, 0, 2, 0, 0]);
    expect(option.series[0].data[2].status).toBe('not_met');
    expect(loose(buildIndicatorStatusOption([], ctx('en'))).xAxis.data).toEqual(['Met', 'Partly met', 'Not met', 'Claimed', 'Unknown']);
  });
});

describe('buildScoreHistogramOption', () => {
  it('fills empty bands from 80 (or the lowest score) up to 100', () => {
    const option = loose(buildScoreHistogramOption([{ bin_start: 85, reports: 1 }, { bin_start: 95, reports: 4 }], { ...ctx(), binWidth: 5 }));
    expect(option.xAxis.data).toEqual(['80–85 分', '85–90 分', '90–95 分', '95–100 分']);
    expect(option.series[0].data).toEqual([0, 1, 0, 4]);
    expect(option.xAxis.axisLabel).toEqual({ interval: 0, hideOverlap: true }); // every band labelled where it fits
    const low = loose(buildScoreHistogramOption([{ bin_start: 50, reports: 2 }], { ...ctx(), binWidth: 10 }));
    expect(low.series[0].data).toEqual([2, 0, 0, 0, 0]);
  });

  it('shows the context bands when there are no scores', () => {
    expect(loose(buildScoreHistogramOption([], { ...ctx('en'), binWidth: 10 })).xAxis.data).toEqual(['80–90 pts', '90–100 pts']);
  });
});

describe('buildFindingsByCodeOption', () => {
  it('puts the most frequent code on top, labelled and coloured by severity', () => {
    const rows = [
      { code: 'TOTAL_SCORE_MISMATCH', severity: 'error' as const, findings: 2, reports: 2 },
      { code: 'NEW_CODE', severity: 'info' as const, findings: 1, reports: 1 },
    ];
    const option = loose(buildFindingsByCodeOption(rows, ctx()));
    expect(option.yAxis.data).toEqual(['NEW_CODE', '总分与计算不符']); // bottom to top
    expect(option.series[0].data[1]).toMatchObject({ value: 2, code: 'TOTAL_SCORE_MISMATCH', itemStyle: { color: '#c8553d' } });
  });
});

describe('the overview budget chart at many cities', () => {
  const city = (label: string, budget: number): BudgetByRow => ({
    label, reports: 2, budget_initial: budget, budget_adjusted: budget, executed: budget / 2, execution_rate: 0.5, execution_rate_initial: 0.5,
  });
  it('draws the first OVERVIEW_CITY_BARS cities and one 其他 bar summing the others; a few cities as they are', () => {
    const rows = Array.from({ length: 40 }, (_, i) => city(`城市${i}`, 1000 - i));
    const option = buildBudgetByCityOption(rows, { lang: 'zh', t: translator('zh') }) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(option.xAxis.data).toHaveLength(OVERVIEW_CITY_BARS + 1);
    expect(option.xAxis.data.at(-1)).toBe('其他 25 项');
    const folded = foldCities(rows);
    expect(folded.other?.budget_adjusted).toBe(rows.slice(OVERVIEW_CITY_BARS).reduce((total, r) => total + r.budget_adjusted!, 0));
    expect(folded.other?.reports).toBe(50);
    const few = rows.slice(0, OVERVIEW_CITY_BARS + 1);
    expect((buildBudgetByCityOption(few, { lang: 'zh', t: translator('zh') }) as { xAxis: { data: string[] } }).xAxis.data).toEqual(few.map((r) => r.label));
  });
});
