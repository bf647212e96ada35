import { budgetScale, budgetSeries, budgetTooltip } from '../../components/budget-series.ts';
import type { ChartOption } from '../../components/chart-option.ts';
import { formatNumber, moneyUnitLabel } from '../../lib/format.ts';
import type { BudgetByRow } from '../../queries/budget-by.ts';
import { ALL_CATEGORY_LABELS, AXIS_NAME_STYLE, LEGEND_GRID, type OptionContext } from './option-context.ts';

/** 年初 / 全年 / 执行 side by side for each city; the axis in 万元 or 亿元 as the figures require. */
export function buildBudgetByCityOption(rows: readonly BudgetByRow[], { lang, t }: OptionContext): ChartOption {
  const scale = budgetScale(rows, lang);
  const categories = rows.map((r) => r.label ?? t('value.blank'));
  const series = budgetSeries(t);
  return {
    grid: LEGEND_GRID,
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10 },
    tooltip: budgetTooltip(scale, lang),
    xAxis: { type: 'category', data: categories, axisTick: { show: false }, axisLabel: ALL_CATEGORY_LABELS },
    yAxis: {
      type: 'value',
      name: moneyUnitLabel(scale, lang),
      nameTextStyle: AXIS_NAME_STYLE,
      axisLabel: { formatter: (value: number) => formatNumber(value, lang, 1) },
    },
    series: series.map(({ key, name, color }) => ({
      type: 'bar' as const,
      name,
      itemStyle: { color },
      barMaxWidth: 28,
      data: rows.map((r) => (r[key] == null ? null : r[key]! / scale.divisor)),
    })),
  };
}
