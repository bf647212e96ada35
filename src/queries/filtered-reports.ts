/** The reports the URL's filters keep, every column, for "export the current data". */
import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export function filteredReports(filters: Filters): Query<Record<string, unknown>> {
  return sql<Record<string, unknown>>('filtered-reports')`
    SELECT r.* FROM reports r
    WHERE ${reportCondition(filters)}
    ORDER BY r.report_id`;
}
