import { indicatorCondition, REPORT_INDICATORS, reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

/** The category of the budget execution points, beside the 一级 indicators. */
export const BUDGET_CATEGORY = 'budget';

export interface ScoreRateRow {
  report_id: string;
  /** `budget`, or a 一级 indicator (`产出指标`, `效益指标`, `满意度指标`, …). */
  category: string;
  /** Points available (分值) and scored (得分) in the category. */
  weight: number | null;
  score: number | null;
  /** score / weight; null when either is blank or the weight is 0. */
  rate: number | null;
}

/**
 * Score rate per report and category: the budget execution points from the report, and per
 * 一级 indicator the sums of the indicators' weights and scores (a merged group's points sit on
 * its first row only, so plain sums count them once). Reports follow every filter; the 一级
 * filter also narrows the categories to the chosen ones (and drops the budget column), while
 * the status filter only picks reports: a category's rate is over all its indicators. The sums
 * are of the per-report × 一级 × status sums (src/lib/db/dataset/aggregates.ts).
 */
export function scoreRates(filters: Filters): Query<ScoreRateRow> {
  const level1Only = indicatorCondition({ level1: filters.level1 });
  const budgetCells = filters.level1?.length
    ? ''
    : `SELECT s.report_id, '${BUDGET_CATEGORY}' AS category, s.budget_weight AS weight, s.budget_score AS score FROM scope s
      UNION ALL`;
  return sql<ScoreRateRow>('score-rates')`
    WITH scope AS (
      SELECT r.report_id, r.budget_weight, r.budget_score FROM reports r WHERE ${reportCondition(filters)}
    ),
    cells AS (
      ${budgetCells}
      SELECT i.report_id, i.level1 AS category, SUM(i.weight) AS weight, SUM(i.score) AS score
      FROM ${REPORT_INDICATORS} i JOIN scope s ON s.report_id = i.report_id
      WHERE i.level1 IS NOT NULL AND ${level1Only}
      GROUP BY i.report_id, i.level1
    )
    SELECT report_id, category, weight, score, score / NULLIF(weight, 0) AS rate
    FROM cells
    ORDER BY report_id, category`;
}
