import type { Filters } from './filters.ts';
import { findingCondition, SEVERITY_RANK_SQL, type FindingFacet, type FindingFilters } from './findings-filter.ts';
import { sql, type Query } from './query.ts';
import type { Severity } from '../parser/types.ts';

export interface FindingsFacetRow {
  facet: FindingFacet;
  value: string;
  /** The severity itself, or for a code the most severe of its findings (the bar's colour). */
  severity: Severity;
  findings: number;
}

/**
 * Counts by severity and by code in one round trip. Each facet ignores its own filter, so the
 * bars of the other codes stay visible (and clickable) while one code is selected.
 */
export function findingsFacets(filters: Filters, findingFilters: FindingFilters): Query<FindingsFacetRow> {
  const worst = `CASE MIN(${SEVERITY_RANK_SQL}) WHEN 1 THEN 'error' WHEN 2 THEN 'warning' ELSE 'info' END`;
  return sql<FindingsFacetRow>('findings-facets')`
    SELECT 'severity' AS facet, f.severity AS value, f.severity AS severity, COUNT(*)::INTEGER AS findings
    FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${findingCondition(filters, findingFilters, 'severity')}
    GROUP BY f.severity
    UNION ALL
    SELECT 'code' AS facet, f.code AS value, ${worst} AS severity, COUNT(*)::INTEGER AS findings
    FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${findingCondition(filters, findingFilters, 'code')}
    GROUP BY f.code
    ORDER BY facet DESC, findings DESC, value`;
}
