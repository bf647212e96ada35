/** The budget view's pure pieces: rows in, ECharts option (or URL state) out, no DOM. */
import { describe, expect, it } from 'vitest';
import { adjustedProjects, buildBudgetAdjustmentsOption, formatAdjustment, formatAdjustmentLabel } from '../../src/features/budget/budget-adjustments-option.ts';
import { barsFromGroups, barsFromProjects, parseDimension } from '../../src/features/budget/budget-bars.ts';
import { buildBudgetCompareOption } from '../../src/features/budget/budget-compare-option.ts';
import { buildBudgetRatesOption } from '../../src/features/budget/budget-rates-option.ts';
import { barChartHeight, escapeHtml, niceCeil } from '../../src/features/budget/option-context.ts';
import { formatProjectSort, nextProjectSort, parseProjectSort } from '../../src/features/budget/project-sort.ts';
import { translator } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/url-state.ts';
import type { BudgetProjectRow } from '../../src/queries/budget-projects.ts';

const ctx = (lang: Lang = 'zh') => ({ lang, t: translator(lang) });
// ECharts options are unions of arrays and objects; the tests read them loosely.
const loose = (value: unknown) => value as any;

const project = (over: Partial<BudgetProjectRow>): BudgetProjectRow => ({
  report_id: 'r', year: 2022, city: '株洲市', fund: '株洲市经济信息产业发展专项资金', project: '产业链专项',
  budget_initial: 516, budget_adjusted: 516, executed: 516, execution_rate: 1, execution_rate_initial: 1,
  adjustment: 0, adjustment_rate: 0, ...over,
});

// The bundled data's five reports, largest 全年预算 first.
const projects: BudgetProjectRow[] = [
  project({ report_id: '004', project: '中小企业科专项', budget_initial: 2408.1, budget_adjusted: 2408.1, executed: 2408.1 }),
  project({ report_id: '003', project: '园区建设专项', budget_initial: 810.24, budget_adjusted: 810.24, executed: 810.24 }),
  project({
    report_id: '002', city: '益阳市', fund: '益阳市服务先进制造业高质量发展专项资金', project: '服务先进制造业高质量发展专项资金',
    budget_initial: 752, budget_adjusted: 593.04, executed: 593.04, execution_rate: 1, execution_rate_initial: 593.04 / 752,
    adjustment: -158.96, adjustment_rate: -158.96 / 752,
  }),
  project({ report_id: '000' }),
  project({ report_id: '001', project: '企协专项', budget_initial: 83.5, budget_adjusted: 83.5, executed: 83.5 }),
];

describe('dimension rows', () => {
  it('reads bdim leniently, city by default', () => {
    expect(parseDimension('fund')).toBe('fund');
    expect(parseDimension('project')).toBe('project');
    expect(parseDimension(null)).toBe('city');
    expect(parseDimension('reports; DROP')).toBe('city');
  });

  it('keeps a blank city as a label but not as a filter value', () => {
    const bars = barsFromGroups([
      { label: '株洲市', reports: 4, budget_initial: 3817.84, budget_adjusted: 3817.84, executed: 3817.84, execution_rate: 1, execution_rate_initial: 1 },
      { label: null, reports: 1, budget_initial: null, budget_adjusted: null, executed: null, execution_rate: null, execution_rate_initial: null },
    ], translator('zh'));
    expect(bars.map((b) => [b.key, b.label])).toEqual([['株洲市', '株洲市'], [null, '（空白）']]);
  });

  it('keys projects by report and tells two reports of one name apart by year, then city', () => {
    const bars = barsFromProjects([
      project({ report_id: 'a', year: 2022 }),
      project({ report_id: 'b', year: 2023 }),
      project({ report_id: 'c', year: 2023, city: '益阳市' }),
      project({ report_id: 'd', project: '企协专项', fund: null }),
    ], translator('zh'));
    expect(bars.map((b) => b.label)).toEqual(['产业链专项（2022）', '产业链专项（2023） 株洲市', '产业链专项（2023） 益阳市', '企协专项']);
    expect(bars[0]).toMatchObject({ key: 'a', detail: '株洲市 · 株洲市经济信息产业发展专项资金' });
    expect(bars[3].detail).toBe('株洲市');
  });
});

describe('buildBudgetCompareOption', () => {
  const bars = barsFromProjects(projects, translator('zh'));

  it('draws 年初 / 全年 / 执行 per row, first row on top, in 万元, with the key for clicks', () => {
    const option = loose(buildBudgetCompareOption(bars, ctx()));
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.data[2]).toBe('服务先进制造业高质量发展专项资金');
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['年初预算', '全年预算', '全年执行']);
    expect(option.series[0].data[2]).toEqual({ value: 752, key: '002' });
    expect(option.series[1].data[2].value).toBe(593.04);
    expect(option.xAxis.name).toBe('万元');
    expect(option.tooltip.valueFormatter(593.04)).toBe('593.04 万元');
    expect(option.series[0].label.show).toBe(true);
    expect(option.series[0].label.formatter({ value: 2408.1 })).toBe('2,408.10');
    expect(option.series[0].label.formatter({ value: 752 })).toBe('752.00');
  });

  it('switches to 亿元 for large sums, to CNY in English, and drops bar labels when crowded', () => {
    const big = Array.from({ length: 9 }, (_, i) => ({ ...bars[0], key: `k${i}`, budget_initial: 25_000, budget_adjusted: 25_000, executed: 20_000 }));
    const zh = loose(buildBudgetCompareOption(big, ctx()));
    expect(zh.xAxis.name).toBe('亿元');
    expect(zh.series[2].data[0].value).toBe(2);
    expect(zh.tooltip.valueFormatter(2)).toBe('2.00 亿元');
    expect(zh.series[0].label.show).toBe(false);
    const en = loose(buildBudgetCompareOption(bars, ctx('en')));
    expect(en.xAxis.name).toBe('CNY M');
    expect(en.series[0].name).toBe('Initial budget');
    expect(en.tooltip.valueFormatter(5.9304)).toBe('CNY 5.93 M'); // the axis is in millions
  });

  it('keeps blanks blank and handles no rows', () => {
    const option = loose(buildBudgetCompareOption([{ ...bars[0], executed: null }], ctx()));
    expect(option.series[2].data[0].value).toBeNull();
    expect(loose(buildBudgetCompareOption([], ctx())).yAxis.data).toEqual([]);
  });
});

describe('buildBudgetRatesOption', () => {
  it('shows both rates as percentages with a 100% line', () => {
    const option = loose(buildBudgetRatesOption(barsFromProjects(projects, translator('zh')), ctx()));
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['对全年预算', '对年初预算']);
    expect(option.series[0].data[2].value).toBe(100);
    expect(option.series[1].data[2].value).toBeCloseTo(78.8617, 3);
    expect(option.series[1].label.formatter({ value: 593.04 / 7.52 })).toBe('78.9%');
    expect(option.tooltip.valueFormatter(593.04 / 7.52)).toBe('78.9%');
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 100 }]);
    expect(option.xAxis.max({ max: 100 })).toBe(100);
    expect(option.xAxis.max({ max: 112.5 })).toBe(125); // overspending stays on the chart, at a tick
    expect(option.xAxis.interval).toBe(50);
    expect(option.xAxis.axisLabel.formatter(50)).toBe('50%');
    expect(loose(buildBudgetRatesOption([], ctx('en'))).series[1].name).toBe('Against initial budget');
  });
});

describe('in-year adjustments', () => {
  it('keeps the adjusted projects only, deepest cut first', () => {
    const rows = [
      ...projects,
      project({ report_id: '005', project: '新增专项', budget_initial: 100, budget_adjusted: 150, adjustment: 50, adjustment_rate: 0.5 }),
      project({ report_id: '006', budget_initial: null, adjustment: null, adjustment_rate: null, project: '无年初' }),
      project({ report_id: '007', project: '舍入', adjustment: 0.001 }),
    ];
    const adjusted = adjustedProjects(rows, translator('zh'));
    expect(adjusted.map((p) => p.report_id)).toEqual(['002', '005']);
    expect(adjusted[0]).toMatchObject({ label: '服务先进制造业高质量发展专项资金', budget_initial: 752, budget_adjusted: 593.04 });
  });

  it('formats the change with its sign, unit and percentage against 年初', () => {
    expect(formatAdjustment(-158.96, -158.96 / 752, 'zh')).toBe('−158.96 万元（−21.1%）');
    expect(formatAdjustment(50, 0.5, 'en')).toBe('+CNY 500.00 K (+50.0%)');
    expect(formatAdjustment(50, null, 'zh')).toBe('+50.00 万元');
    expect(formatAdjustmentLabel(50, 0.5, 'en')).toBe('+CNY 500.00 K\n(+50.0%)');
    expect(formatAdjustmentLabel(50, null, 'zh')).toBe('+50.00 万元');
  });

  it('draws cuts red and increases green on an axis symmetric about zero', () => {
    const adjusted = adjustedProjects([
      ...projects,
      project({ report_id: '005', project: '<b>新增</b>', budget_initial: 100, budget_adjusted: 150, adjustment: 50, adjustment_rate: 0.5 }),
    ], translator('zh'));
    const option = loose(buildBudgetAdjustmentsOption(adjusted, ctx()));
    expect(option.yAxis.data).toEqual(['服务先进制造业高质量发展专项资金', '<b>新增</b>']);
    const [cut, increase] = option.series[0].data;
    expect(cut).toMatchObject({ value: -158.96, reportId: '002', itemStyle: { color: '#c8553d' } });
    expect(increase.itemStyle.color).toBe('#2a9d8f');
    expect(cut.label.position).toBe('right'); // on the far side of zero
    // Two lines, so that the label fits beside the zero line on a phone.
    expect(cut.label.formatter()).toBe('−158.96 万元\n（−21.1%）');
    expect(increase.label.formatter()).toBe('+50.00 万元\n（+50.0%）');
    expect([option.xAxis.min, option.xAxis.max]).toEqual([-200, 200]);
    const tip = option.tooltip.formatter({ dataIndex: 0 });
    expect(tip).toContain('年初 752.00 万元 → 全年 593.04 万元');
    expect(tip).toContain('调减：−158.96 万元（−21.1%）');
    expect(loose(buildBudgetAdjustmentsOption(adjusted, ctx('en'))).tooltip.formatter({ dataIndex: 1 })).toContain('Increase: +CNY 500.00 K (+50.0%)');
    expect(tip).toContain('益阳市 · 益阳市服务先进制造业高质量发展专项资金');
    expect(option.tooltip.formatter({ dataIndex: 1 })).toContain('&#60;b&#62;新增&#60;/b&#62;');
  });

  it('reads in English', () => {
    const option = loose(buildBudgetAdjustmentsOption(adjustedProjects(projects, translator('en')), ctx('en')));
    expect(option.xAxis.name).toBe('CNY M');
    expect(option.series[0].data[0].value).toBeCloseTo(-1.5896, 6);
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('Initial CNY 7.52 M → adjusted CNY 5.93 M');
  });
});

describe('project sort in the URL', () => {
  it('reads, writes and toggles bsort', () => {
    expect(parseProjectSort(null)).toEqual({ column: 'budget_adjusted', descending: true });
    expect(parseProjectSort('-executed')).toEqual({ column: 'executed', descending: true });
    expect(parseProjectSort('adjustment')).toEqual({ column: 'adjustment', descending: false });
    expect(parseProjectSort('-project')).toEqual({ column: 'budget_adjusted', descending: true });
    expect(formatProjectSort({ column: 'budget_adjusted', descending: true })).toBeNull();
    expect(formatProjectSort({ column: 'execution_rate', descending: false })).toBe('execution_rate');
    const current = parseProjectSort(null);
    expect(nextProjectSort(current, 'budget_adjusted')).toEqual({ column: 'budget_adjusted', descending: false });
    expect(nextProjectSort(current, 'execution_rate_initial')).toEqual({ column: 'execution_rate_initial', descending: false });
    expect(nextProjectSort(current, 'executed')).toEqual({ column: 'executed', descending: true });
  });
});

describe('helpers', () => {
  it('rounds axis bounds, sizes charts and escapes HTML', () => {
    expect([niceCeil(166.9), niceCeil(0.8), niceCeil(2400), niceCeil(0)]).toEqual([200, 1, 2500, 1]);
    expect(barChartHeight(0, 54)).toBe(180);
    expect(barChartHeight(5, 54)).toBe(360);
    expect(escapeHtml(`a<b>&"'`)).toBe('a&#60;b&#62;&#38;&#34;&#39;');
  });
});
