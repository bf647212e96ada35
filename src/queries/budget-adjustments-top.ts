/**
 * The in-year adjustments chart at any size: the `limit` deepest cuts and the `limit` largest
 * increases (budgetProjects' rows, 全年 ≠ 年初 by half a cent or more), with how many reports
 * were cut or increased in all, so the chart can say how many it leaves out.
 */
import { budgetProjects, type BudgetProjectRow } from './budget-projects.ts';
import type { Filters } from './filters.ts';
import { numberLiteral, sql, type Query } from './query.ts';
import { checkLimit, TOP_CATEGORIES } from './top-groups.ts';

export interface BudgetAdjustmentTopRow extends BudgetProjectRow {
  /** Reports with an adjustment under the filters (shown or not). */
  adjusted: number;
}

/** Below half a cent a difference is rounding in the printed tables, not an adjustment. */
export const ADJUSTMENT_ROUNDING = 0.005;

export function budgetAdjustmentsTop(filters: Filters, limit = TOP_CATEGORIES): Query<BudgetAdjustmentTopRow> {
  const top = numberLiteral(checkLimit(limit, 'budgetAdjustmentsTop'));
  const projects = budgetProjects(filters);
  return sql<BudgetAdjustmentTopRow>('budget-adjustments-top')`
    WITH projects AS (${projects}),
    adjusted AS (
      SELECT *,
        row_number() OVER (ORDER BY adjustment ASC, report_id) AS cut_rank,
        row_number() OVER (ORDER BY adjustment DESC, report_id) AS increase_rank,
        (COUNT(*) OVER ())::INTEGER AS adjusted
      FROM projects WHERE abs(adjustment) >= ${numberLiteral(ADJUSTMENT_ROUNDING)}
    )
    SELECT * EXCLUDE (cut_rank, increase_rank) FROM adjusted
    WHERE (adjustment < 0 AND cut_rank <= ${top}) OR (adjustment > 0 AND increase_rank <= ${top})
    ORDER BY adjustment, report_id`;
}
