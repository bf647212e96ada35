import type { Filters } from './filters.ts';
import { findingCondition, type FindingFilters } from './findings-filter.ts';
import { sql, type Query } from './query.ts';

export interface FindingsCountRow {
  findings: number;
  reports: number;
}

/** How many findings (and reports with findings) match: the row count the pager shows. */
export function findingsCount(filters: Filters, findingFilters: FindingFilters): Query<FindingsCountRow> {
  return sql<FindingsCountRow>('findings-count')`
    SELECT COUNT(*)::INTEGER AS findings, COUNT(DISTINCT f.report_id)::INTEGER AS reports
    FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${findingCondition(filters, findingFilters)}`;
}
