import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
import { BUDGET_COLORS, type ChartOption } from '../../components/chart-option.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import type { BudgetBar } from './budget-bars.ts';
import { BAR_GRID, CATEGORY_LABELS, TOP_LEGEND, type OptionContext } from './option-context.ts';

/**
 * 执行率 against the adjusted (全年) and the initial (年初) budget, per city, fund or project, in
 * the order of the budget chart beside it. The two differ only where the budget changed during
 * the year: a cut can turn 78.9% of the 年初 budget into 100% of the 全年 one. Each series takes
 * the colour of the budget it is measured against.
 */
export function buildBudgetRatesOption(bars: readonly BudgetBar[], { lang, t }: OptionContext): ChartOption {
  const percent = (fraction: number | null) => (fraction == null ? null : fraction * 100);
  const series = [
    { key: 'execution_rate', name: t('budget.series.rateAdjusted'), color: BUDGET_COLORS.adjusted },
    { key: 'execution_rate_initial', name: t('budget.series.rateInitial'), color: BUDGET_COLORS.initial },
  ] as const;
  return {
    grid: { ...BAR_GRID, right: 52 + (needsZoom(bars.length) ? ZOOM_SLIDER_ROOM : 0) }, // room for the rate labels past 100%
    ...categoryZoom(bars.length),
    legend: TOP_LEGEND,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatPercent(value == null ? null : Number(value) / 100, lang),
    },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false }, axisLabel: CATEGORY_LABELS },
    xAxis: {
      type: 'value',
      min: 0,
      // Always show the 100% line; overspending beyond it stays visible. Ticks every 50% fit a
      // phone's card (ECharts' own choice labelled only 20% and 60% there, and every 25% lost 100%).
      max: ({ max }: { max: number }) => Math.max(100, Math.ceil(max / 25) * 25),
      interval: 50,
      axisLabel: { formatter: (value: number) => `${formatNumber(value, lang, 0)}%`, hideOverlap: true },
    },
    series: series.map(({ key, name, color }, index) => ({
      type: 'bar' as const,
      name,
      itemStyle: { color },
      barMaxWidth: 14,
      barGap: '15%',
      label: {
        show: true,
        position: 'right' as const,
        fontSize: 11,
        color: '#4a5663',
        // On a white ground: a label that reaches past 100% covers the dashed line there.
        backgroundColor: '#fff',
        padding: [0, 2],
        formatter: ({ value }: { value: unknown }) => formatPercent(Number(value) / 100, lang),
      },
      data: bars.map((b) => ({ value: percent(b[key]), key: b.key })),
      ...(index === 0 ? {
        markLine: {
          z: 1, // under the bars and their labels
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: '#8a96a3', type: 'dashed' as const, width: 1 },
          data: [{ xAxis: 100 }],
        },
      } : {}),
    })),
  };
}
