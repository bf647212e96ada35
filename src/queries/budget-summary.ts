import { reportCondition, type Filters } from './filters.ts';
import { BUDGET_COLUMNS, BUDGET_TOTALS, type BudgetTotals } from './budget-totals.ts';
import { sql, type Query } from './query.ts';

export interface BudgetSummaryRow extends BudgetTotals {
  reports: number;
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
      SELECT ${BUDGET_COLUMNS}, r.budget_adjusted - r.budget_initial AS change
      FROM reports r WHERE ${reportCondition(filters)}
    )
    SELECT
      COUNT(*)::INTEGER AS reports,
      ${BUDGET_TOTALS},
      SUM(change) AS adjustment,
      SUM(change) FILTER (WHERE change < 0) AS cut_total,
      SUM(change) FILTER (WHERE change > 0) AS increase_total,
      COUNT(*) FILTER (WHERE change < 0)::INTEGER AS reports_cut,
      COUNT(*) FILTER (WHERE change > 0)::INTEGER AS reports_increased,
      COUNT(*) FILTER (WHERE change = 0)::INTEGER AS reports_unchanged
    FROM scope`;
}
