import type { Filters } from './filters.ts';
import { findingCondition, type FindingFilters } from './findings-filter.ts';
import { sql, type Query } from './query.ts';

export interface FindingsReportRow {
  report_id: string;
  project: string | null;
  city: string | null;
  source_file: string | null;
  findings: number;
}

/**
 * The reports having findings under the dashboard's filters and the chosen codes and severities,
 * with their counts, for the report picker: a report it offers has rows to show. The report
 * choice itself is left out, so the list stays put while reports are picked (as the filter bar's
 * facets do). Labels are sorted in JS (no ICU in DuckDB-WASM).
 */
export function findingsReports(filters: Filters, findingFilters: FindingFilters = {}): Query<FindingsReportRow> {
  return sql<FindingsReportRow>('findings-reports')`
    SELECT r.report_id, r.project, r.city, r.source_file, COUNT(*)::INTEGER AS findings
    FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${findingCondition(filters, { code: findingFilters.code, severity: findingFilters.severity })}
    GROUP BY r.report_id, r.project, r.city, r.source_file
    ORDER BY r.report_id`;
}
