import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

/** Dimensions budgets can be grouped by; the whitelist of identifiers this query may use. */
export const BUDGET_DIMENSIONS = ['city', 'fund', 'project'] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

export interface BudgetByRow {
  /** The city, fund or project; null when the reports leave it blank. */
  label: string | null;
  reports: number;
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  execution_rate: number | null;
  execution_rate_initial: number | null;
}

/** 年初 / 全年 / 执行 (万元) grouped by city, fund or project, largest 全年预算 first. */
export function budgetBy(dimension: BudgetDimension, filters: Filters): Query<BudgetByRow> {
  if (!BUDGET_DIMENSIONS.includes(dimension)) throw new Error(`budgetBy: unknown dimension ${String(dimension)}`);
  return sql<BudgetByRow>(`budget-by-${dimension}`)`
    SELECT
      r.${dimension} AS label,
      COUNT(*)::INTEGER AS reports,
      SUM(r.budget_initial) AS budget_initial,
      SUM(r.budget_adjusted) AS budget_adjusted,
      SUM(r.executed) AS executed,
      SUM(r.executed) FILTER (WHERE r.budget_adjusted IS NOT NULL)
        / NULLIF(SUM(r.budget_adjusted) FILTER (WHERE r.executed IS NOT NULL), 0) AS execution_rate,
      SUM(r.executed) FILTER (WHERE r.budget_initial IS NOT NULL)
        / NULLIF(SUM(r.budget_initial) FILTER (WHERE r.executed IS NOT NULL), 0) AS execution_rate_initial
    FROM reports r
    WHERE ${reportCondition(filters)}
    GROUP BY r.${dimension}
    ORDER BY budget_adjusted DESC NULLS LAST, label`;
}
