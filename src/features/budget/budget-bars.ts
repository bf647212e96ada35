/**
 * The rows of the dimension charts, whatever the dimension: a city or fund from `budgetBy`, or a
 * project (one report) from `budgetProjects`. `key` is what a click acts on: the filter value of
 * a city or fund, the report id of a project.
 */
import type { BudgetByRow } from '../../queries/budget-by.ts';
import type { BudgetProjectRow } from '../../queries/budget-projects.ts';
import type { BudgetTopRow } from '../../queries/budget-top.ts';
import { formatCount } from '../../lib/format.ts';
import type { Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';

export const BUDGET_VIEW_DIMENSIONS = ['city', 'fund', 'project'] as const;
export type BudgetViewDimension = (typeof BUDGET_VIEW_DIMENSIONS)[number];

/** The `bdim` URL parameter, read leniently: anything unknown means the default, city. */
export const parseDimension = (value: string | null): BudgetViewDimension =>
  (BUDGET_VIEW_DIMENSIONS as readonly string[]).includes(value ?? '') ? (value as BudgetViewDimension) : 'city';

export interface BudgetBar {
  /** Filter value (city, fund) or report id (project); null when the city or fund is blank. */
  key: string | null;
  /** The bar summing the categories past the top N (“其他”): a click on it does nothing. */
  other?: boolean;
  label: string;
  /** A second line for the tooltip: a project's city and fund. */
  detail?: string;
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  execution_rate: number | null;
  execution_rate_initial: number | null;
}

export function barsFromGroups(rows: readonly BudgetByRow[], t: Translate): BudgetBar[] {
  return rows.map((r) => ({ ...r, key: r.label, label: r.label ?? t('value.blank') }));
}

/** Projects keep their names; a name used by two reports gets the year, then the city, to tell them apart. */
export function barsFromProjects(rows: readonly BudgetProjectRow[], t: Translate): BudgetBar[] {
  const count = (label: (r: BudgetProjectRow) => string) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(label(r), (counts.get(label(r)) ?? 0) + 1);
    return counts;
  };
  const name = (r: BudgetProjectRow) => r.project ?? t('value.blank');
  const withYear = (r: BudgetProjectRow) => (r.year == null ? name(r) : `${name(r)}（${r.year}）`);
  const names = count(name);
  const namesWithYear = count(withYear);
  return rows.map((r) => ({
    key: r.report_id,
    label: names.get(name(r))! === 1 ? name(r)
      : namesWithYear.get(withYear(r))! === 1 ? withYear(r)
      : `${withYear(r)} ${r.city ?? ''}`.trim(),
    detail: [r.city, r.fund].filter(Boolean).join(' · ') || undefined,
    budget_initial: r.budget_initial,
    budget_adjusted: r.budget_adjusted,
    executed: r.executed,
    execution_rate: r.execution_rate,
    execution_rate_initial: r.execution_rate_initial,
  }));
}

/** A top-N row as the project row barsFromProjects names (its key is the report id). */
const asProject = (r: BudgetTopRow): BudgetProjectRow => ({
  report_id: r.key ?? '', year: r.year, city: r.city, fund: r.fund, project: r.project,
  budget_initial: r.budget_initial, budget_adjusted: r.budget_adjusted, executed: r.executed,
  execution_rate: r.execution_rate, execution_rate_initial: r.execution_rate_initial,
  adjustment: null, adjustment_rate: null,
});

/**
 * The bars of budgetTop's rows: the top cities, funds or projects, then one “其他 N 项” bar
 * summing the rest (its figures are their sums and rates over them).
 */
export function barsFromTop(rows: readonly BudgetTopRow[], dimension: BudgetViewDimension, t: Translate, lang: Lang): BudgetBar[] {
  const top = rows.filter((r) => !r.is_other);
  const bars = dimension === 'project'
    ? barsFromProjects(top.map(asProject), t)
    : top.map((r) => ({ ...r, key: r.key, label: r.key ?? t('value.blank') }));
  const other = rows.find((r) => r.is_other);
  if (other) {
    bars.push({
      ...other, key: null, other: true,
      label: t('chart.othersDetail', { count: formatCount(other.members, lang) }),
    });
  }
  return bars;
}

/** How many categories a top-N result leaves out of its bars (folded into “其他”). */
export const foldedCount = (rows: readonly BudgetTopRow[]): number => rows.find((r) => r.is_other)?.members ?? 0;
