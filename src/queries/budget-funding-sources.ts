import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

/** The funding rows of the table, in print order, and what is left when they don't add up. */
export const FUNDING_SOURCES = ['appropriation', 'carryover', 'other', 'unspecified'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export interface BudgetFundingSourceRow {
  /** 当年财政拨款, 上年结转资金, 其他资金, or `unspecified`: the part of the reports' totals no source row accounts for. */
  source: FundingSource;
  /** Reports with a figure on this row. */
  reports: number;
  /** 万元; null when no report has a figure. */
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
}

/**
 * The funding-source split of the reports in scope (budget_lines), one row per source in print
 * order. `unspecified` is the resolved report total minus its source rows: reports that print only
 * the 年度资金总额 row show up there instead of vanishing from the split.
 */
export function budgetFundingSources(filters: Filters): Query<BudgetFundingSourceRow> {
  return sql<BudgetFundingSourceRow>('budget-funding-sources')`
    WITH scope AS (
      SELECT r.report_id, r.budget_initial, r.budget_adjusted, r.executed FROM reports r WHERE ${reportCondition(filters)}
    ),
    sources AS (
      SELECT b.report_id, b.line, b.budget_initial, b.budget_adjusted, b.executed
      FROM budget_lines b JOIN scope s ON s.report_id = b.report_id
      WHERE b.line IN ('appropriation', 'carryover', 'other')
        AND (b.budget_initial IS NOT NULL OR b.budget_adjusted IS NOT NULL OR b.executed IS NOT NULL)
    ),
    per_report AS (
      SELECT report_id, SUM(budget_initial) AS budget_initial, SUM(budget_adjusted) AS budget_adjusted, SUM(executed) AS executed
      FROM sources GROUP BY report_id
    ),
    rest AS (
      SELECT s.report_id,
        s.budget_initial - COALESCE(p.budget_initial, 0) AS budget_initial,
        s.budget_adjusted - COALESCE(p.budget_adjusted, 0) AS budget_adjusted,
        s.executed - COALESCE(p.executed, 0) AS executed
      FROM scope s LEFT JOIN per_report p ON p.report_id = s.report_id
    ),
    unspecified AS (
      -- Cent-level differences are rounding in the printed tables, not money without a source.
      SELECT report_id,
        CASE WHEN ABS(budget_initial) >= 0.005 THEN budget_initial END AS budget_initial,
        CASE WHEN ABS(budget_adjusted) >= 0.005 THEN budget_adjusted END AS budget_adjusted,
        CASE WHEN ABS(executed) >= 0.005 THEN executed END AS executed
      FROM rest
    ),
    sums AS (
      SELECT line AS source, COUNT(DISTINCT report_id)::INTEGER AS reports,
        SUM(budget_initial) AS budget_initial, SUM(budget_adjusted) AS budget_adjusted, SUM(executed) AS executed
      FROM sources GROUP BY line
      UNION ALL
      SELECT 'unspecified', COUNT(*)::INTEGER,
        SUM(budget_initial), SUM(budget_adjusted), SUM(executed)
      FROM unspecified
      WHERE budget_initial IS NOT NULL OR budget_adjusted IS NOT NULL OR executed IS NOT NULL
    )
    SELECT * FROM sums
    WHERE reports > 0
    ORDER BY CASE source WHEN 'appropriation' THEN 1 WHEN 'carryover' THEN 2 WHEN 'other' THEN 3 ELSE 4 END`;
}
