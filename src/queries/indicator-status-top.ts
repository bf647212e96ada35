/**
 * The status-by-project chart at any size: indicators per report × status for the `limit`
 * reports with the most indicators missed (not met, then partly met, then in all), and one more
 * report_id-less row per status summing every other report (`is_other`).
 */
import { indicatorCondition, reportOnlyCondition, type Filters } from './filters.ts';
import { numberLiteral, sql, type Query } from './query.ts';
import { checkLimit, TOP_CATEGORIES, type TopColumns } from './top-groups.ts';
import type { IndicatorStatusByReportRow } from './indicator-status-by-report.ts';

export interface IndicatorStatusTopRow extends Omit<IndicatorStatusByReportRow, 'report_id'>, TopColumns {
  /** Null on the folded rows. */
  report_id: string | null;
}

export function indicatorStatusTop(filters: Filters, limit = TOP_CATEGORIES): Query<IndicatorStatusTopRow> {
  const top = numberLiteral(checkLimit(limit, 'indicatorStatusTop'));
  return sql<IndicatorStatusTopRow>('indicator-status-top')`
    WITH counted AS (
      SELECT i.report_id, i.status, COUNT(*)::INTEGER AS indicators
      FROM indicators i JOIN reports r ON r.report_id = i.report_id
      WHERE ${reportOnlyCondition(filters)} AND ${indicatorCondition(filters)}
      GROUP BY i.report_id, i.status
    ),
    ranked AS (
      SELECT report_id,
        row_number() OVER (ORDER BY
          SUM(indicators) FILTER (WHERE status = 'not_met') DESC NULLS LAST,
          SUM(indicators) FILTER (WHERE status = 'partial') DESC NULLS LAST,
          SUM(indicators) DESC, report_id)::INTEGER AS rank,
        (COUNT(*) OVER ())::INTEGER AS groups
      FROM counted GROUP BY report_id
    ),
    folded AS (
      SELECT CASE WHEN k.rank <= ${top} THEN c.report_id END AS report_id, k.rank > ${top} AS is_other, c.status,
        MIN(k.rank)::INTEGER AS rank, any_value(k.groups)::INTEGER AS groups, COUNT(DISTINCT k.rank)::INTEGER AS members,
        SUM(c.indicators)::INTEGER AS indicators
      FROM counted c JOIN ranked k ON k.report_id = c.report_id
      GROUP BY ALL
    )
    SELECT f.report_id, f.is_other, f.status, f.rank, f.groups, f.members, f.indicators, r.project, r.city, r.year
    FROM folded f LEFT JOIN reports r ON r.report_id = f.report_id
    ORDER BY f.is_other, f.rank, f.status`;
}
