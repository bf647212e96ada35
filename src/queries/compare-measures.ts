import { LEVEL1_ORDER } from '../parser/types.ts';
import { indicatorCondition, REPORT_FINDINGS, REPORT_INDICATORS, reportCondition, type Filters } from './filters.ts';
import { BUDGET_COLUMNS, BUDGET_TOTALS, type BudgetTotals } from './budget-totals.ts';
import { sql, type Query } from './query.ts';

/** What the compare view can put side by side; the whitelist of identifiers this query may use. */
export const COMPARE_DIMENSIONS = ['city', 'fund', 'project'] as const;
export type CompareDimension = (typeof COMPARE_DIMENSIONS)[number];

/** The normalized 一级 indicators whose score rates are compared, in table order (contract). */
export const COMPARE_LEVEL1S = LEVEL1_ORDER;
export type CompareLevel1 = (typeof COMPARE_LEVEL1S)[number];

/** The column giving an item its context: a city's province, a fund's or project's city. */
const PARENT_COLUMN: Record<CompareDimension, string> = { city: 'province', fund: 'city', project: 'city' };

export interface CompareMeasuresRow extends BudgetTotals {
  /** The city, fund or project (never null: unnamed items cannot be chosen, so they are left out). */
  label: string;
  /** The province of a city, the city of a fund or project; null when its reports disagree. */
  parent: string | null;
  /** The latest report of the item (for a project: the report a click opens). */
  report_id: string;
  reports: number;
  mean_total_score: number | null;
  /** 三级 indicators, and how many of them met, partly met, missed or could not be judged. */
  indicators: number;
  met: number;
  partial: number;
  not_met: number;
  claimed: number;
  unknown: number;
  /** Mean of reports.rule_gap (自评 − 复核, points) over the reports that have one. */
  mean_rule_gap: number | null;
  /** Σ score ÷ Σ weight of each 一级 (fraction), over indicators that have both. */
  rate_output: number | null;
  rate_outcome: number | null;
  rate_satisfaction: number | null;
  findings: number;
  errors: number;
}

/** The score-rate column of each 一级, in COMPARE_LEVEL1S order. */
export const LEVEL1_RATE_COLUMNS = {
  产出指标: 'rate_output',
  效益指标: 'rate_outcome',
  满意度指标: 'rate_satisfaction',
} as const satisfies Record<CompareLevel1, keyof CompareMeasuresRow>;

// Over the per-report × 一级 × status sums: score where the weight is given, weight where the score is.
const level1Rate = (level1: CompareLevel1) => `
      SUM(i.score_weighted) FILTER (WHERE i.level1 = '${level1}')
        / NULLIF(SUM(i.weight_scored) FILTER (WHERE i.level1 = '${level1}'), 0) AS ${LEVEL1_RATE_COLUMNS[level1]}`;

/**
 * Every measure of the compare view for each city, fund or project in one statement: report
 * figures, indicator statuses and 一级 score rates, findings. Largest 全年预算 first, so the
 * view's default choice (the top items) is the head of the list. The indicator filters keep the
 * reports having a matching indicator and, within them, the matching indicators.
 */
export function compareMeasures(dimension: CompareDimension, filters: Filters): Query<CompareMeasuresRow> {
  if (!COMPARE_DIMENSIONS.includes(dimension)) throw new Error(`compareMeasures: unknown dimension ${String(dimension)}`);
  const parent = PARENT_COLUMN[dimension];
  return sql<CompareMeasuresRow>(`compare-measures-${dimension}`)`
    WITH scope AS (
      SELECT r.report_id, r.year, r.${parent}, ${BUDGET_COLUMNS}, r.total_score, r.rule_gap, r.${dimension} AS label FROM reports r
      WHERE r.${dimension} IS NOT NULL AND ${reportCondition(filters)}
    ),
    by_report AS (
      SELECT
        label,
        CASE WHEN COUNT(DISTINCT ${parent}) = 1 THEN MIN(${parent}) END AS parent,
        arg_max(report_id, year) AS report_id,
        COUNT(*)::INTEGER AS reports,
        ${BUDGET_TOTALS},
        AVG(total_score) AS mean_total_score,
        AVG(rule_gap) AS mean_rule_gap
      FROM scope GROUP BY label
    ),
    by_indicator AS (
      SELECT
        s.label,
        SUM(i.indicators)::INTEGER AS indicators,
        COALESCE(SUM(i.indicators) FILTER (WHERE i.status = 'met'), 0)::INTEGER AS met,
        COALESCE(SUM(i.indicators) FILTER (WHERE i.status = 'partial'), 0)::INTEGER AS partial,
        COALESCE(SUM(i.indicators) FILTER (WHERE i.status = 'not_met'), 0)::INTEGER AS not_met,
        COALESCE(SUM(i.indicators) FILTER (WHERE i.status = 'claimed'), 0)::INTEGER AS claimed,
        COALESCE(SUM(i.indicators) FILTER (WHERE i.status = 'unknown' OR i.status IS NULL), 0)::INTEGER AS unknown,${COMPARE_LEVEL1S.map(level1Rate).join(',')}
      FROM ${REPORT_INDICATORS} i JOIN scope s ON s.report_id = i.report_id
      WHERE ${indicatorCondition(filters)}
      GROUP BY s.label
    ),
    by_finding AS (
      SELECT s.label, SUM(f.findings)::INTEGER AS findings, SUM(f.errors)::INTEGER AS errors
      FROM ${REPORT_FINDINGS} f JOIN scope s ON s.report_id = f.report_id
      GROUP BY s.label
    )
    SELECT
      b.*,
      COALESCE(i.indicators, 0) AS indicators, COALESCE(i.met, 0) AS met, COALESCE(i.partial, 0) AS partial,
      COALESCE(i.not_met, 0) AS not_met, COALESCE(i.claimed, 0) AS claimed, COALESCE(i.unknown, 0) AS unknown,
      i.rate_output, i.rate_outcome, i.rate_satisfaction,
      COALESCE(f.findings, 0) AS findings, COALESCE(f.errors, 0) AS errors
    FROM by_report b
    LEFT JOIN by_indicator i ON i.label = b.label
    LEFT JOIN by_finding f ON f.label = b.label
    ORDER BY b.budget_adjusted DESC NULLS LAST, b.label`;
}
