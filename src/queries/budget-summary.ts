import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export interface BudgetSummaryRow {
  reports: number;
  /** 万元 */
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  /** executed / 全年预算 over reports that have both (fraction). */
  execution_rate: number | null;
  /** executed / 年初预算 over reports that have both: what an in-year cut hides. */
  execution_rate_initial: number | null;
  /** Σ (全年 − 年初) over reports with both budgets; negative when cuts outweigh increases. */
  adjustment: number | null;
  /** Σ of the cuts alone (≤ 0) and of the increases alone (≥ 0); null when there are none. */
  cut_total: number | null;
  increase_total: number | null;
  reports_cut: number;
  reports_increased: number;
  /** Reports with both budgets and no change between them. */
  reports_unchanged: number;
}

/** The budget view's headline figures, one row, in one scan of the reports. */
export function budgetSummary(filters: Filters): Query<BudgetSummaryRow> {
  return sql<BudgetSummaryRow>('budget-summary')`
    WITH scope AS (
      SELECT r.*, r.budget_adjusted - r.budget_initial AS change
      FROM reports r WHERE ${reportCondition(filters)}
    )
    SELECT
      COUNT(*)::INTEGER AS reports,
      SUM(budget_initial) AS budget_initial,
      SUM(budget_adjusted) AS budget_adjusted,
      SUM(executed) AS executed,
      SUM(executed) FILTER (WHERE budget_adjusted IS NOT NULL)
        / NULLIF(SUM(budget_adjusted) FILTER (WHERE executed IS NOT NULL), 0) AS execution_rate,
      SUM(executed) FILTER (WHERE budget_initial IS NOT NULL)
        / NULLIF(SUM(budget_initial) FILTER (WHERE executed IS NOT NULL), 0) AS execution_rate_initial,
      SUM(change) AS adjustment,
      SUM(change) FILTER (WHERE change < 0) AS cut_total,
      SUM(change) FILTER (WHERE change > 0) AS increase_total,
      COUNT(*) FILTER (WHERE change < 0)::INTEGER AS reports_cut,
      COUNT(*) FILTER (WHERE change > 0)::INTEGER AS reports_increased,
      COUNT(*) FILTER (WHERE change = 0)::INTEGER AS reports_unchanged
    FROM scope`;
}
