import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export interface BudgetProjectRow {
  report_id: string;
  year: number | null;
  city: string | null;
  fund: string | null;
  project: string | null;
  /** 万元 */
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  /** executed / 全年预算 (fraction). */
  execution_rate: number | null;
  /** executed / 年初预算 (fraction). */
  execution_rate_initial: number | null;
  /** 全年 − 年初 (万元): negative for an in-year cut (调减), positive for an increase (调增). */
  adjustment: number | null;
  /** adjustment / 年初 (fraction). */
  adjustment_rate: number | null;
}

/** The columns the project list may be sorted by: numbers only (DuckDB-WASM has no ICU for Chinese text). */
export const BUDGET_PROJECT_SORTS = [
  'budget_initial', 'budget_adjusted', 'executed', 'execution_rate', 'execution_rate_initial', 'adjustment',
] as const;
export type BudgetProjectSortColumn = (typeof BUDGET_PROJECT_SORTS)[number];

export interface BudgetProjectSort {
  column: BudgetProjectSortColumn;
  descending: boolean;
}

export const DEFAULT_PROJECT_SORT: BudgetProjectSort = { column: 'budget_adjusted', descending: true };

/**
 * One row per report (a project of a year): its three budget figures, both execution rates and
 * its in-year adjustment. Blank figures stay NULL and sort last; ties fall back to the report id.
 */
export function budgetProjects(filters: Filters, sort: BudgetProjectSort = DEFAULT_PROJECT_SORT): Query<BudgetProjectRow> {
  if (!BUDGET_PROJECT_SORTS.includes(sort.column)) throw new Error(`budgetProjects: unknown sort column ${String(sort.column)}`);
  const direction = sort.descending ? 'DESC' : 'ASC';
  return sql<BudgetProjectRow>('budget-projects')`
    SELECT
      r.report_id, r.year, r.city, r.fund, r.project,
      r.budget_initial, r.budget_adjusted, r.executed,
      r.executed / NULLIF(r.budget_adjusted, 0) AS execution_rate,
      r.executed / NULLIF(r.budget_initial, 0) AS execution_rate_initial,
      r.budget_adjusted - r.budget_initial AS adjustment,
      (r.budget_adjusted - r.budget_initial) / NULLIF(r.budget_initial, 0) AS adjustment_rate
    FROM reports r
    WHERE ${reportCondition(filters)}
    ORDER BY ${sort.column} ${direction} NULLS LAST, r.report_id`;
}
