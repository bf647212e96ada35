import { SEVERITY_RANK_SQL } from './findings-filter.ts';
import { fragment, sql, type Query } from './query.ts';
import type { Severity } from '../parser/types.ts';

export interface ReportFindingRow {
  code: string;
  severity: Severity;
  field: string | null;
  expected: string | null;
  found: string | null;
  /** One sentence, Chinese first, often `中文 / English`. */
  message: string | null;
  /** Line of the source file. */
  line: number | null;
  /** Where in the file's own terms (`L12`, `T1.R5.C3 ¶24`, `Sheet1!B7`); null in datasets without the column. */
  source_ref: string | null;
}

/** The findings of one report: errors first, then by source line. */
export function reportFindings(reportId: string): Query<ReportFindingRow> {
  const id = fragment('?', [reportId]);
  return sql<ReportFindingRow>('report-findings')`
    SELECT f.code, f.severity, f.field, f.expected, f.found, f.message, f.line, f.source_ref
    FROM findings f
    WHERE f.report_id = ${id}
    ORDER BY ${SEVERITY_RANK_SQL}, f.line NULLS LAST, f.code`;
}
