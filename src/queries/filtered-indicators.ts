/**
 * The indicators the URL's filters keep, every column: the report filters on their report, the
 * 一级指标 and status filters on the indicator itself (as in the indicator views).
 */
import { indicatorCondition, reportOnlyCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export function filteredIndicators(filters: Filters): Query<Record<string, unknown>> {
  return sql<Record<string, unknown>>('filtered-indicators')`
    SELECT i.* FROM indicators i JOIN reports r ON r.report_id = i.report_id
    WHERE ${reportOnlyCondition(filters)} AND ${indicatorCondition(filters)}
    ORDER BY i.report_id, i.seq`;
}
