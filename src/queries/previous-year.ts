/**
 * The year the filtered reports belong to, when they belong to one, and the latest earlier year
 * the data holds: what the overview's key figures are compared with (issue 20, years).
 */
import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export interface PreviousYearRow {
  /** The one year of the filtered reports (null when they span several, or none). */
  year: number | null;
  /** The latest year before it with reports (under the filters other than the year). */
  previous: number | null;
}

export function previousYear(filters: Filters): Query<PreviousYearRow> {
  const others: Filters = { ...filters, year: [] };
  return sql<PreviousYearRow>('previous-year')`
    WITH scope AS (SELECT DISTINCT r.year FROM reports r WHERE ${reportCondition(filters)} AND r.year IS NOT NULL),
    one AS (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(year) END AS year FROM scope)
    SELECT one.year,
      (SELECT MAX(r.year) FROM reports r WHERE r.year < one.year AND ${reportCondition(others)})::INTEGER AS previous
    FROM one`;
}
