import { REPORT_CODES, reportScope, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';
import type { Severity } from '../parser/types.ts';

export interface FindingsByCodeRow {
  code: string;
  /** The most severe severity among the code's findings. */
  severity: Severity;
  findings: number;
  reports: number;
}

/** Data-quality findings per code, most frequent first: sums of the per-report × code counts (one row per report and code). */
export function findingsByCode(filters: Filters): Query<FindingsByCodeRow> {
  return sql<FindingsByCodeRow>('findings-by-code')`
    SELECT
      f.code,
      CASE MIN(f.severity_rank)
        WHEN 1 THEN 'error' WHEN 2 THEN 'warning' ELSE 'info' END AS severity,
      SUM(f.findings)::INTEGER AS findings,
      COUNT(*)::INTEGER AS reports
    FROM ${REPORT_CODES} f
    WHERE ${reportScope(filters, 'f')}
    GROUP BY f.code
    ORDER BY findings DESC, f.code`;
}
