/**
 * A measure by year (issue 20, years): execution rate, mean self-score or share of indicators met,
 * for all the filtered reports and for each city (or fund) the filters name, over every year the
 * other filters leave — the year filter itself is left out, as a trend needs the other years.
 */
import { reportCondition, type Filters } from './filters.ts';
import { fragment, sql, type Query } from './query.ts';

export const TREND_MEASURES = ['execution_rate', 'mean_score', 'share_met'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export interface YearTrendRow {
  year: number;
  /** null: all the filtered reports; else the city or fund. */
  label: string | null;
  value: number | null;
  reports: number;
}

const MEASURE_SQL: Record<TrendMeasure, string> = {
  execution_rate: 'SUM(r.executed) / NULLIF(SUM(r.budget_adjusted), 0)',
  mean_score: 'AVG(r.total_score)',
  share_met: `SUM(i.met)::DOUBLE / NULLIF(SUM(i.rated), 0)`,
};

/** The cities the filters name, else the funds, else none: the lines beside "all". */
export const trendDimension = (filters: Filters): 'city' | 'fund' | null =>
  (filters.city?.length ?? 0) > 0 ? 'city' : (filters.fund?.length ?? 0) > 0 ? 'fund' : null;

export function yearTrend(filters: Filters, measure: TrendMeasure): Query<YearTrendRow> {
  const scope = { ...filters, year: [] };
  const dimension = trendDimension(filters);
  // Indicator counts per report only for the share met (of the indicators with a verdict).
  const indicators = measure === 'share_met'
    ? fragment(`LEFT JOIN (SELECT report_id, COUNT(*) FILTER (WHERE status = 'met') AS met,
        COUNT(*) FILTER (WHERE status IN ('met', 'partial', 'not_met')) AS rated FROM indicators GROUP BY report_id) i
        ON i.report_id = r.report_id`)
    : fragment('');
  // All the reports of a year, and (when the filters name cities or funds) each of them.
  const groups = dimension ? `GROUPING SETS ((r.year), (r.year, r.${dimension}))` : 'r.year';
  const label = dimension ? `CASE WHEN GROUPING(r.${dimension}) = 0 THEN coalesce(r.${dimension}, '') END` : 'NULL::VARCHAR';
  return sql<YearTrendRow>(`year-trend-${measure}`)`
    SELECT r.year::INTEGER AS year, ${label} AS label, ${MEASURE_SQL[measure]} AS value, COUNT(*)::INTEGER AS reports
    FROM reports r ${indicators}
    WHERE r.year IS NOT NULL AND ${reportCondition(scope)}
    GROUP BY ${groups}
    ORDER BY label NULLS FIRST, year`;
}
