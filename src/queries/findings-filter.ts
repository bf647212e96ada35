/**
 * The findings view's own filters (finding code, severity, report) on top of the dashboard's
 * filters, which reach findings through their report. Shared by the findings-* queries.
 */
import { reportCondition, type Filters } from './filters.ts';
import { inList, joinFragments, wrapFragment, type SqlFragment } from './query.ts';
import type { Severity } from '../parser/types.ts';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Severity as a rank (error first), for ordering and for a code's worst severity. */
export const SEVERITY_RANK_SQL = "CASE f.severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 WHEN 'info' THEN 3 ELSE 4 END";

export interface FindingFilters {
  code?: readonly string[];
  severity?: readonly string[];
  report?: readonly string[];
}

export type FindingFacet = 'code' | 'severity';

const COLUMNS: Record<keyof FindingFilters, string> = { code: 'f.code', severity: 'f.severity', report: 'f.report_id' };

/**
 * Conditions on findings `f` joined to reports `r`. `omit` leaves one facet out, so the counts
 * of that facet still show every value while it is being filtered (cross-filtering).
 */
export function findingCondition(filters: Filters, findingFilters: FindingFilters, omit?: FindingFacet): SqlFragment {
  const parts = [reportCondition(filters)];
  for (const key of Object.keys(COLUMNS) as (keyof FindingFilters)[]) {
    const values = findingFilters[key];
    if (key !== omit && values && values.length > 0) parts.push(inList(COLUMNS[key], values));
  }
  return joinFragments(parts.map((p) => wrapFragment(p, (sql) => `(${sql})`)), ' AND ');
}
