/**
 * The 年初 / 全年 / 执行 bars that the overview, budget and compare views draw alike: one money
 * scale for all three figures, the three series in their colours, and a tooltip in 万元 / 亿元.
 */
import { formatMoney, formatNumber, moneyScale, moneyUnitLabel, type MoneyScale } from '../lib/format.ts';
import type { Translate } from '../lib/i18n.ts';
import type { Lang } from '../lib/url-state.ts';
import type { BudgetTotals } from '../queries/budget-totals.ts';
import { AXIS_NAME_STYLE, BUDGET_COLORS } from './chart-option.ts';

type BudgetFigures = Pick<BudgetTotals, 'budget_initial' | 'budget_adjusted' | 'executed'>;

/** The scale (万元 or 亿元) the largest of the three figures asks for. */
export function budgetScale(rows: readonly BudgetFigures[], lang: Lang): MoneyScale {
  const max = Math.max(0, ...rows.flatMap((r) => [r.budget_initial ?? 0, r.budget_adjusted ?? 0, r.executed ?? 0]));
  return moneyScale(max, lang);
}

/** The three series: the column each reads, its label and its colour. */
export const budgetSeries = (t: Translate) => [
  { key: 'budget_initial', name: t('series.budgetInitial'), color: BUDGET_COLORS.initial },
  { key: 'budget_adjusted', name: t('series.budgetAdjusted'), color: BUDGET_COLORS.adjusted },
  { key: 'executed', name: t('series.executed'), color: BUDGET_COLORS.executed },
] as const;

/**
 * The three vertical bar series over `rows` in the chart's scale (overview by city, compare);
 * `extra(key)` adds to one series (compare labels the executed bars with their rate).
 */
export function budgetBarSeries(rows: readonly BudgetFigures[], scale: MoneyScale, t: Translate, extra: (key: keyof BudgetFigures) => object = () => ({})) {
  return budgetSeries(t).map(({ key, name, color }) => ({
    type: 'bar' as const,
    name,
    itemStyle: { color },
    barMaxWidth: 28,
    data: rows.map((r) => scaledMoney(scale, r[key])),
    ...extra(key),
  }));
}

/** An axis tooltip that shows each scaled bar back in 万元 / 亿元. */
export const budgetTooltip = (scale: MoneyScale, lang: Lang) => ({
  trigger: 'axis' as const,
  axisPointer: { type: 'shadow' as const },
  valueFormatter: (value: unknown) => formatMoney(value == null ? null : Number(value) * scale.divisor, lang),
});

/** A figure in 万元 in the chart's scale (万元 or 亿元); blank stays blank. */
export const scaledMoney = (scale: MoneyScale, wan: number | null | undefined): number | null =>
  wan == null ? null : wan / scale.divisor;

/** The value axis of vertical budget bars: the unit as its name, plain figures as labels. */
export const budgetValueAxis = (scale: MoneyScale, lang: Lang) => ({
  type: 'value' as const,
  name: moneyUnitLabel(scale, lang),
  nameTextStyle: AXIS_NAME_STYLE,
  axisLabel: { formatter: (value: number) => formatNumber(value, lang, 1) },
});
