import { REPORT_FINDINGS, reportCondition, type Filters } from './filters.ts';
import { BUDGET_COLUMNS, BUDGET_TOTALS, type BudgetTotals } from './budget-totals.ts';
import { sql, type Query } from './query.ts';

export interface CitySummaryRow extends BudgetTotals {
  /** The city; null for reports that leave it blank (the overview's table leaves those out, as the compare view does). */
  label: string | null;
  reports: number;
  mean_total_score: number | null;
  findings: number;
}

/**
 * Each city's report figures and findings, largest 全年预算 first: the overview's small version
 * of the compare view, and its budget chart (the rows of budgetBy('city'), one query fewer at
 * every filter change). For named cities the same figures as compareMeasures('city') gives for
 * these columns, from the reports alone (no indicator rows), so the overview's queries stay light.
 */
export function citySummary(filters: Filters): Query<CitySummaryRow> {
  return sql<CitySummaryRow>('city-summary')`
    WITH scope AS (SELECT r.report_id, r.city, ${BUDGET_COLUMNS}, r.total_score FROM reports r WHERE ${reportCondition(filters)})
    SELECT
      s.city AS label,
      COUNT(*)::INTEGER AS reports,
      ${BUDGET_TOTALS},
      AVG(s.total_score) AS mean_total_score,
      COALESCE(SUM(c.findings), 0)::INTEGER AS findings
    FROM scope s LEFT JOIN ${REPORT_FINDINGS} c ON c.report_id = s.report_id
    GROUP BY s.city
    ORDER BY budget_adjusted DESC NULLS LAST, label`;
}
