/** The findings of the reports the URL's filters keep, every column, in source order. */
import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export function filteredFindings(filters: Filters): Query<Record<string, unknown>> {
  return sql<Record<string, unknown>>('filtered-findings')`
    SELECT f.* FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${reportCondition(filters)}
    ORDER BY f.report_id, f.line`;
}
