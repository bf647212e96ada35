import { BUDGET_COLORS, type ChartOption } from '../../components/chart-option.ts';
import { formatMoney, formatNumber, moneyScale, moneyUnitLabel } from '../../lib/format.ts';
import type { BudgetByRow } from '../../queries/budget-by.ts';
import { ALL_CATEGORY_LABELS, AXIS_NAME_STYLE, LEGEND_GRID, type OptionContext } from './option-context.ts';

/** 年初 / 全年 / 执行 side by side for each city; the axis in 万元 or 亿元 as the figures require. */
export function buildBudgetByCityOption(rows: readonly BudgetByRow[], { lang, t }: OptionContext): ChartOption {
  const max = Math.max(0, ...rows.flatMap((r) => [r.budget_initial ?? 0, r.budget_adjusted ?? 0, r.executed ?? 0]));
  const scale = moneyScale(max, lang);
  const categories = rows.map((r) => r.label ?? t('value.blank'));
  const series = [
    { key: 'budget_initial', name: t('series.budgetInitial'), color: BUDGET_COLORS.initial },
    { key: 'budget_adjusted', name: t('series.budgetAdjusted'), color: BUDGET_COLORS.adjusted },
    { key: 'executed', name: t('series.executed'), color: BUDGET_COLORS.executed },
  ] as const;
  return {
    grid: LEGEND_GRID,
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatMoney(value == null ? null : Number(value) * scale.divisor, lang),
    },
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
