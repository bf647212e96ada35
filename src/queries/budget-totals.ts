/**
 * The budget sums and execution rates that several views aggregate the same way (overview,
 * budget, compare): one definition, so the figures can never drift apart between views.
 */
import { fragment } from './query.ts';

export interface BudgetTotals {
  /** 万元 */
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  /** executed / 全年预算 over reports that have both (fraction). */
  execution_rate: number | null;
  /** executed / 年初预算 over reports that have both: what an in-year cut hides. */
  execution_rate_initial: number | null;
}

/**
 * The report columns BUDGET_TOTALS reads: a scope CTE selects these rather than `*`, since DuckDB
 * materializes a CTE read twice with every column it names (over a file read by HTTP ranges, the
 * report texts: tens of MB at a province's size).
 */
export const BUDGET_COLUMNS = 'r.budget_initial, r.budget_adjusted, r.executed';

/** Aggregates over report rows with the contract's column names, as the columns of BudgetTotals. */
export const BUDGET_TOTALS = fragment(`SUM(budget_initial) AS budget_initial,
      SUM(budget_adjusted) AS budget_adjusted,
      SUM(executed) AS executed,
      SUM(executed) FILTER (WHERE budget_adjusted IS NOT NULL)
        / NULLIF(SUM(budget_adjusted) FILTER (WHERE executed IS NOT NULL), 0) AS execution_rate,
      SUM(executed) FILTER (WHERE budget_initial IS NOT NULL)
        / NULLIF(SUM(budget_initial) FILTER (WHERE executed IS NOT NULL), 0) AS execution_rate_initial`);
