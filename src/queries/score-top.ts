/**
 * The scores view at any size. Its project charts show the `limit` best totals (totals, declared
 * against computed, the rates' heat map) and the `limit` largest gaps above the rules (复核);
 * the gap distribution counts every report by band in DuckDB. Only those rows reach the page.
 */
import { reportCondition, type Filters } from './filters.ts';
import { numberLiteral, sql, type Query } from './query.ts';
import { scoreRates, type ScoreRateRow } from './score-rates.ts';
import { scoreTotals, type ScoreTotalRow } from './score-totals.ts';
import { checkLimit, TOP_CATEGORIES } from './top-groups.ts';

/** Bands of 自评 − 复核 in points: none (≤ 0), then [from, to). */
export const GAP_BANDS = [
  { id: '0', from: 0, to: 0 },
  { id: '0-1', from: 0, to: 1 },
  { id: '1-3', from: 1, to: 3 },
  { id: '3-5', from: 3, to: 5 },
  { id: '5-10', from: 5, to: 10 },
  { id: '10+', from: 10, to: Infinity },
] as const;

export interface ScoreTotalTopRow extends ScoreTotalRow {
  /** 1 for the best total (scoreTotals' order). */
  score_rank: number;
  /** 1 for the largest 自评 − 复核 among reports with both totals; null without them. */
  gap_rank: number | null;
  /** Reports under the filters, and those with both totals (the rules could score them). */
  reports: number;
  rule_scored: number;
}

export function scoreTotalsTop(filters: Filters, limit = TOP_CATEGORIES): Query<ScoreTotalTopRow> {
  const top = numberLiteral(checkLimit(limit, 'scoreTotalsTop'));
  return sql<ScoreTotalTopRow>('score-totals-top')`
    WITH totals AS (${scoreTotals(filters)}),
    ranked AS (
      SELECT *,
        row_number() OVER (ORDER BY total_score DESC NULLS LAST, report_id)::INTEGER AS score_rank,
        CASE WHEN rule_total_score IS NOT NULL AND total_score IS NOT NULL THEN row_number() OVER (
          PARTITION BY rule_total_score IS NOT NULL AND total_score IS NOT NULL
          ORDER BY rule_gap DESC NULLS LAST, total_score DESC NULLS LAST, report_id) END::INTEGER AS gap_rank,
        (COUNT(*) OVER ())::INTEGER AS reports,
        (COUNT(*) FILTER (WHERE rule_total_score IS NOT NULL AND total_score IS NOT NULL) OVER ())::INTEGER AS rule_scored
      FROM totals
    )
    SELECT * FROM ranked WHERE score_rank <= ${top} OR gap_rank <= ${top}
    ORDER BY score_rank`;
}

/** scoreRates' cells of the `limit` best totals only (the heat map's rows). */
export function scoreRatesTop(filters: Filters, limit = TOP_CATEGORIES): Query<ScoreRateRow> {
  const top = numberLiteral(checkLimit(limit, 'scoreRatesTop'));
  return sql<ScoreRateRow>('score-rates-top')`
    WITH rates AS (${scoreRates(filters)}),
    best AS (
      SELECT r.report_id FROM reports r WHERE ${reportCondition(filters)}
      ORDER BY r.total_score DESC NULLS LAST, r.report_id LIMIT ${top}
    )
    SELECT * FROM rates WHERE report_id IN (SELECT report_id FROM best) ORDER BY report_id, category`;
}

/** Reports per band of 自评 − 复核 (GAP_BANDS; ≤ 0 in the first), those without a gap left out. */
export function scoreGapBands(filters: Filters): Query<{ id: string; reports: number }> {
  const cases = GAP_BANDS.slice(1).map((band) =>
    `WHEN r.rule_gap < ${Number.isFinite(band.to) ? numberLiteral(band.to).sql : "'Infinity'::DOUBLE"} THEN '${band.id}'`).join(' ');
  return sql<{ id: string; reports: number }>('score-gap-bands')`
    SELECT CASE WHEN r.rule_gap <= 0 THEN '${GAP_BANDS[0].id}' ${cases} END AS id, COUNT(*)::INTEGER AS reports
    FROM reports r WHERE r.rule_gap IS NOT NULL AND ${reportCondition(filters)}
    GROUP BY id`;
}
