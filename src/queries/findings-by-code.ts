import { reportCondition, type Filters } from './filters.ts';
import { SEVERITY_RANK_SQL } from './findings-filter.ts';
import { sql, type Query } from './query.ts';
import type { Severity } from '../parser/types.ts';

export interface FindingsByCodeRow {
  code: string;
  /** The most severe severity among the code's findings. */
  severity: Severity;
  findings: number;
  reports: number;
}

/** Data-quality findings per code, most frequent first. */
export function findingsByCode(filters: Filters): Query<FindingsByCodeRow> {
  return sql<FindingsByCodeRow>('findings-by-code')`
    SELECT
      f.code,
      CASE MIN(${SEVERITY_RANK_SQL})
        WHEN 1 THEN 'error' WHEN 2 THEN 'warning' ELSE 'info' END AS severity,
      COUNT(*)::INTEGER AS findings,
      COUNT(DISTINCT f.report_id)::INTEGER AS reports
    FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${reportCondition(filters)}
    GROUP BY f.code
    ORDER BY findings DESC, f.code`;
}
