import { budgetScale, budgetSeries, budgetTooltip, scaledMoney } from '../../components/budget-series.ts';
import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
import type { ChartOption } from '../../components/chart-option.ts';
import { formatNumber, moneyUnitLabel } from '../../lib/format.ts';
import type { BudgetBar } from './budget-bars.ts';
import { AXIS_NAME_STYLE, BAR_GRID, CATEGORY_LABELS, TOP_LEGEND, type OptionContext } from './option-context.ts';

/** Up to this many categories the bars carry their figures; beyond, the tooltip does. */
const LABELLED_UP_TO = 8;

/**
 * 年初 / 全年 / 执行 side by side for each city, fund or project, as horizontal bars (long Chinese
 * names read on the left), first row on top; the axis in 万元 or 亿元 as the figures require.
 */
export function buildBudgetCompareOption(bars: readonly BudgetBar[], { lang, t }: OptionContext): ChartOption {
  const scale = budgetScale(bars, lang);
  const labelled = bars.length <= LABELLED_UP_TO;
  const series = budgetSeries(t);
  return {
    grid: { ...BAR_GRID, right: (labelled ? 56 : BAR_GRID.right) + (needsZoom(bars.length) ? ZOOM_SLIDER_ROOM : 0) }, // room for figures past the longest bar
    ...categoryZoom(bars.length),
    legend: TOP_LEGEND,
    tooltip: budgetTooltip(scale, lang),
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false }, axisLabel: CATEGORY_LABELS },
    xAxis: {
      type: 'value',
      name: moneyUnitLabel(scale, lang),
      nameLocation: 'end',
      nameGap: 8,
      nameTextStyle: AXIS_NAME_STYLE,
      axisLabel: { formatter: (value: number) => formatNumber(value, lang, 1), hideOverlap: true },
    },
    series: series.map(({ key, name, color }) => ({
      type: 'bar' as const,
      name,
      itemStyle: { color },
      barMaxWidth: 14,
      barGap: '15%',
      label: {
        show: labelled,
        position: 'right' as const,
        fontSize: 11,
        color: '#4a5663',
        // Two decimals always, as the tables print money: 752.00 beside 593.04, not 752.
        formatter: ({ value }: { value: unknown }) => formatNumber(Number(value), lang, 2, 2),
      },
      data: bars.map((b) => ({ value: scaledMoney(scale, b[key]), key: b.key })),
    })),
  };
}
