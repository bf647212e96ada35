import { budgetBarSeries, budgetScale, budgetTooltip, budgetValueAxis } from '../budget-series.ts';
import type { ChartOption } from '../chart-option.ts';
import { formatCount } from '../../lib/format.ts';
import type { BudgetByRow } from '../../queries/budget-by.ts';
import { ALL_CATEGORY_LABELS, LEGEND_GRID, TOP_LEGEND, type OptionContext } from '../option-context.ts';

/** Cities the overview's chart draws (largest 全年预算 first, as the query orders them); the rest are one “其他” bar. */
export const OVERVIEW_CITY_BARS = 15;

const sumOf = (rows: readonly BudgetByRow[], key: 'budget_initial' | 'budget_adjusted' | 'executed'): number | null =>
  rows.some((r) => r[key] != null) ? rows.reduce((total, r) => total + (r[key] ?? 0), 0) : null;

/** The first OVERVIEW_CITY_BARS rows, then one row summing the others (labelled by the caller). */
export function foldCities(rows: readonly BudgetByRow[]): { shown: readonly BudgetByRow[]; other: BudgetByRow | null; hidden: number } {
  if (rows.length <= OVERVIEW_CITY_BARS + 1) return { shown: rows, other: null, hidden: 0 };
  const rest = rows.slice(OVERVIEW_CITY_BARS);
  const other: BudgetByRow = {
    label: null, reports: rest.reduce((total, r) => total + r.reports, 0),
    budget_initial: sumOf(rest, 'budget_initial'), budget_adjusted: sumOf(rest, 'budget_adjusted'), executed: sumOf(rest, 'executed'),
    execution_rate: null, execution_rate_initial: null,
  };
  return { shown: rows.slice(0, OVERVIEW_CITY_BARS), other, hidden: rest.length };
}

/**
 * 年初 / 全年 / 执行 side by side for each city; the axis in 万元 or 亿元 as the figures require.
 * Past OVERVIEW_CITY_BARS cities the others are summed in a last “其他 N 项” bar.
 */
export function buildBudgetByCityOption(allRows: readonly BudgetByRow[], { lang, t }: OptionContext): ChartOption {
  const { shown, other, hidden } = foldCities(allRows);
  const rows = other ? [...shown, other] : shown;
  const scale = budgetScale(rows, lang);
  const categories = [
    ...shown.map((r) => r.label ?? t('value.blank')),
    ...(other ? [t('chart.othersDetail', { count: formatCount(hidden, lang) })] : []),
  ];
  return {
    grid: LEGEND_GRID,
    legend: TOP_LEGEND,
    tooltip: budgetTooltip(scale, lang),
    xAxis: { type: 'category', data: categories, axisTick: { show: false }, axisLabel: ALL_CATEGORY_LABELS },
    yAxis: budgetValueAxis(scale, lang),
    series: budgetBarSeries(rows, scale, t),
  };
}
