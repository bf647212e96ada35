import { INFLATED_GAP, SCORE_TOLERANCE } from './score-totals.ts';
import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export interface ScoreSummaryRow {
  reports: number;
  /** Reports with a computed total score (the mean is over these). */
  scored: number;
  mean_total_score: number | null;
  min_total_score: number | null;
  max_total_score: number | null;
  /** Share of scored reports graded 优 (≥ 90), a fraction. */
  excellent_share: number | null;
  /** Reports whose declared 总分 differs from the computed total. */
  mismatches: number;
  /** 复核: mean 自评 − 复核 (points), reports at least INFLATED_GAP above the rules, mean share checked. */
  mean_rule_gap: number | null;
  inflated: number;
  mean_rule_coverage: number | null;
}

/** The score view's key figures, one row, in one scan of the reports. */
export function scoreSummary(filters: Filters): Query<ScoreSummaryRow> {
  return sql<ScoreSummaryRow>('score-summary')`
    SELECT
      COUNT(*)::INTEGER AS reports,
      COUNT(r.total_score)::INTEGER AS scored,
      AVG(r.total_score) AS mean_total_score,
      MIN(r.total_score) AS min_total_score,
      MAX(r.total_score) AS max_total_score,
      COUNT(*) FILTER (WHERE r.total_score >= 90) / NULLIF(COUNT(r.total_score), 0) AS excellent_share,
      COUNT(*) FILTER (WHERE ABS(r.declared_total_score - r.total_score) > ${String(SCORE_TOLERANCE)})::INTEGER AS mismatches,
      AVG(r.rule_gap) AS mean_rule_gap,
      COUNT(*) FILTER (WHERE r.rule_gap >= ${String(INFLATED_GAP)})::INTEGER AS inflated,
      AVG(r.rule_coverage) AS mean_rule_coverage
    FROM reports r
    WHERE ${reportCondition(filters)}`;
}
