import { budgetScale, budgetSeries, budgetTooltip, budgetValueAxis, scaledMoney } from '../budget-series.ts';
import type { ChartOption } from '../chart-option.ts';
import type { BudgetByRow } from '../../queries/budget-by.ts';
import { ALL_CATEGORY_LABELS, LEGEND_GRID, TOP_LEGEND, type OptionContext } from '../option-context.ts';

/** 年初 / 全年 / 执行 side by side for each city; the axis in 万元 or 亿元 as the figures require. */
export function buildBudgetByCityOption(rows: readonly BudgetByRow[], { lang, t }: OptionContext): ChartOption {
  const scale = budgetScale(rows, lang);
  const categories = rows.map((r) => r.label ?? t('value.blank'));
  const series = budgetSeries(t);
  return {
    grid: LEGEND_GRID,
    legend: TOP_LEGEND,
    tooltip: budgetTooltip(scale, lang),
    xAxis: { type: 'category', data: categories, axisTick: { show: false }, axisLabel: ALL_CATEGORY_LABELS },
    yAxis: budgetValueAxis(scale, lang),
    series: series.map(({ key, name, color }) => ({
      type: 'bar' as const,
      name,
      itemStyle: { color },
      barMaxWidth: 28,
      data: rows.map((r) => scaledMoney(scale, r[key])),
    })),
  };
}
