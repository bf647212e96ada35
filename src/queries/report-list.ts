import { REPORT_FINDINGS, reportCondition, type Filters } from './filters.ts';
import { fragment, sql, type Query, type SqlFragment } from './query.ts';

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

/** Reports whose names contain `search` (case-insensitive; plain text, not a pattern); TRUE when blank. */
export function reportSearchCondition(search: string, alias = 'r'): SqlFragment {
  const term = search.trim();
  if (term === '') return fragment('TRUE');
  const columns = ['report_id', 'source_file', 'title', 'city', 'fund', 'project', 'project_name_printed', 'department', 'implementer'];
  return fragment(`contains(lower(concat_ws(' ', ${columns.map((c) => `${alias}.${c}`).join(', ')})), lower(?))`, [term]);
}

/** The list's columns from `reports` aliased `r` (the finding counts come from elsewhere). */
export const REPORT_LIST_COLUMNS = `r.report_id, r.year, r.city, r.fund, r.project, r.project_name_printed,
      r.budget_adjusted, r.execution_rate, r.total_score, r.declared_total_score, r.grade, r.rule_total_score, r.rule_gap`;

/**
 * Every report passing the filters whose names contain `search` (case-insensitive; plain text,
 * not a pattern). Unsorted: Chinese labels are sorted in JS (DuckDB-WASM has no ICU).
 */
export function reportList(filters: Filters, search = ''): Query<ReportListRow> {
  const matches = reportSearchCondition(search);
  return sql<ReportListRow>('report-list')`
    SELECT
      ${REPORT_LIST_COLUMNS},
      COALESCE(c.findings, 0)::INTEGER AS findings, COALESCE(c.errors, 0)::INTEGER AS errors
    FROM reports r LEFT JOIN ${REPORT_FINDINGS} c ON c.report_id = r.report_id
    WHERE ${reportCondition(filters)} AND ${matches}
    ORDER BY r.report_id`;
}
