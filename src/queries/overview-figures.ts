import { REPORT_FINDINGS, reportCondition, reportScope, type Filters } from './filters.ts';
import { BUDGET_COLUMNS, BUDGET_TOTALS, type BudgetTotals } from './budget-totals.ts';
import { sql, type Query } from './query.ts';
import { INFLATED_GAP } from './score-totals.ts';

export interface OverviewFiguresRow extends BudgetTotals {
  reports: number;
  cities: number;
  funds: number;
  projects: number;
  mean_total_score: number | null;
  /** 复核: mean of 自评 − 复核 (points) over the reports that have both. */
  mean_rule_gap: number | null;
  /** Reports whose self-score is at least INFLATED_GAP points above the rules. */
  inflated: number;
  findings: number;
}

/** The overview's key figures, one row, in one scan of the reports (findings from their per-report counts). */
export function overviewFigures(filters: Filters): Query<OverviewFiguresRow> {
  return sql<OverviewFiguresRow>('overview-figures')`
    WITH scope AS (
      SELECT r.report_id, r.city, r.fund, r.project, ${BUDGET_COLUMNS}, r.total_score, r.rule_gap
      FROM reports r WHERE ${reportCondition(filters)}
    )
    SELECT
      COUNT(*)::INTEGER AS reports,
      COUNT(DISTINCT city)::INTEGER AS cities,
      COUNT(DISTINCT fund)::INTEGER AS funds,
      COUNT(DISTINCT project)::INTEGER AS projects,
      ${BUDGET_TOTALS},
      AVG(total_score) AS mean_total_score,
      AVG(rule_gap) AS mean_rule_gap,
      COUNT(*) FILTER (WHERE rule_gap >= ${String(INFLATED_GAP)})::INTEGER AS inflated,
      (SELECT COALESCE(SUM(f.findings), 0) FROM ${REPORT_FINDINGS} f WHERE ${reportScope(filters, 'f')})::INTEGER AS findings
    FROM scope`;
}
