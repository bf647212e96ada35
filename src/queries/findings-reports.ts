import type { Filters } from './filters.ts';
import { findingCondition } from './findings-filter.ts';
import { sql, type Query } from './query.ts';

export interface FindingsReportRow {
  report_id: string;
  project: string | null;
  city: string | null;
  source_file: string | null;
  findings: number;
}

/**
 * The reports having findings under the dashboard's filters, for the report picker. The
 * finding filters are left out so the list (and its counts) stays put while they change.
 * Labels are sorted in JS (no ICU in DuckDB-WASM).
 */
export function findingsReports(filters: Filters): Query<FindingsReportRow> {
  return sql<FindingsReportRow>('findings-reports')`
    SELECT r.report_id, r.project, r.city, r.source_file, COUNT(*)::INTEGER AS findings
    FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${findingCondition(filters, {})}
    GROUP BY r.report_id, r.project, r.city, r.source_file
    ORDER BY r.report_id`;
}
