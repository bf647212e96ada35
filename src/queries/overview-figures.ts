import { reportCondition, type Filters } from './filters.ts';
import { BUDGET_TOTALS, type BudgetTotals } from './budget-totals.ts';
import { sql, type Query } from './query.ts';

export interface OverviewFiguresRow extends BudgetTotals {
  reports: number;
  cities: number;
  funds: number;
  projects: number;
  mean_total_score: number | null;
  findings: number;
}

/** The overview's key figures, one row, in one scan of the reports. */
export function overviewFigures(filters: Filters): Query<OverviewFiguresRow> {
  return sql<OverviewFiguresRow>('overview-figures')`
    WITH scope AS (SELECT * FROM reports r WHERE ${reportCondition(filters)})
    SELECT
      COUNT(*)::INTEGER AS reports,
      COUNT(DISTINCT city)::INTEGER AS cities,
      COUNT(DISTINCT fund)::INTEGER AS funds,
      COUNT(DISTINCT project)::INTEGER AS projects,
      ${BUDGET_TOTALS},
      AVG(total_score) AS mean_total_score,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id IN (SELECT report_id FROM scope))::INTEGER AS findings
    FROM scope`;
}
