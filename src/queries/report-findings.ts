import { SEVERITY_RANK_SQL } from './findings-filter.ts';
import { FINDING_COLUMNS_SQL, type FindingColumns } from './finding-columns.ts';
import { fragment, sql, type Query } from './query.ts';

export interface ReportFindingRow extends FindingColumns {
  /** Where in the file's own terms (`L12`, `T1.R5.C3 ¶24`, `Sheet1!B7`); null in datasets without the column. */
  source_ref: string | null;
}

/** The findings of one report: errors first, then by source line. */
export function reportFindings(reportId: string): Query<ReportFindingRow> {
  const id = fragment('?', [reportId]);
  return sql<ReportFindingRow>('report-findings')`
    SELECT ${FINDING_COLUMNS_SQL}, f.source_ref
    FROM findings f
    WHERE f.report_id = ${id}
    ORDER BY ${SEVERITY_RANK_SQL}, f.line NULLS LAST, f.code`;
}
