import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export interface OverviewFiguresRow {
  reports: number;
  cities: number;
  funds: number;
  projects: number;
  /** 万元 */
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  /** executed / budget_adjusted over reports that have both (fraction). */
  execution_rate: number | null;
  /** executed / budget_initial over reports that have both: shows in-year cuts. */
  execution_rate_initial: number | null;
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
      SUM(budget_initial) AS budget_initial,
      SUM(budget_adjusted) AS budget_adjusted,
      SUM(executed) AS executed,
      SUM(executed) FILTER (WHERE budget_adjusted IS NOT NULL)
        / NULLIF(SUM(budget_adjusted) FILTER (WHERE executed IS NOT NULL), 0) AS execution_rate,
      SUM(executed) FILTER (WHERE budget_initial IS NOT NULL)
        / NULLIF(SUM(budget_initial) FILTER (WHERE executed IS NOT NULL), 0) AS execution_rate_initial,
      AVG(total_score) AS mean_total_score,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id IN (SELECT report_id FROM scope))::INTEGER AS findings
    FROM scope`;
}
