import { reportCondition, type Filters } from './filters.ts';
import { fragment, sql, type Query } from './query.ts';

export interface ReportListRow {
  report_id: string;
  year: number | null;
  city: string | null;
  fund: string | null;
  project: string | null;
  project_name_printed: string | null;
  /** 万元 */
  budget_adjusted: number | null;
  execution_rate: number | null;
  total_score: number | null;
  declared_total_score: number | null;
  grade: string | null;
  /** 复核 (src/parser/rescore.ts): the score by the published rules, and the self-score above it. */
  rule_total_score: number | null;
  rule_gap: number | null;
  findings: number;
  errors: number;
}

/**
 * Every report passing the filters whose names contain `search` (case-insensitive; plain text,
 * not a pattern). Unsorted: Chinese labels are sorted in JS (DuckDB-WASM has no ICU).
 */
export function reportList(filters: Filters, search = ''): Query<ReportListRow> {
  const term = search.trim();
  const matches = term === ''
    ? fragment('TRUE')
    : fragment(
      `contains(lower(concat_ws(' ', r.report_id, r.source_file, r.title, r.city, r.fund, r.project,
        r.project_name_printed, r.department, r.implementer)), lower(?))`,
      [term],
    );
  return sql<ReportListRow>('report-list')`
    WITH counts AS (
      SELECT report_id, COUNT(*)::INTEGER AS findings, COUNT(*) FILTER (WHERE severity = 'error')::INTEGER AS errors
      FROM findings GROUP BY report_id
    )
    SELECT
      r.report_id, r.year, r.city, r.fund, r.project, r.project_name_printed,
      r.budget_adjusted, r.execution_rate, r.total_score, r.declared_total_score, r.grade, r.rule_total_score, r.rule_gap,
      COALESCE(c.findings, 0)::INTEGER AS findings, COALESCE(c.errors, 0)::INTEGER AS errors
    FROM reports r LEFT JOIN counts c ON c.report_id = r.report_id
    WHERE ${reportCondition(filters)} AND ${matches}
    ORDER BY r.report_id`;
}
