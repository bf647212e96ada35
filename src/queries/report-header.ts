import { fragment, sql, type Query } from './query.ts';

export interface ReportHeaderRow {
  report_id: string;
  source_file: string | null;
  title: string | null;
  year: number | null;
  province: string | null;
  city: string | null;
  fund: string | null;
  project: string | null;
  project_name_printed: string | null;
  department: string | null;
  implementer: string | null;
  goal_target: string | null;
  goal_actual: string | null;
  /** 万元, resolved (a blank 年度资金总额 row is summed from its funding sources). */
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  execution_rate: number | null;
  budget_weight: number | null;
  budget_score: number | null;
  total_weight: number | null;
  /** Computed by the ingest: budget score + the indicator scores. */
  total_score: number | null;
  /** The 总分 row as printed. */
  declared_total_score: number | null;
  grade: string | null;
  findings: number;
  errors: number;
}

/** The report's header, goals and totals: one row, or none when the id is unknown. */
export function reportHeader(reportId: string): Query<ReportHeaderRow> {
  const id = fragment('?', [reportId]);
  return sql<ReportHeaderRow>('report-header')`
    SELECT
      r.report_id, r.source_file, r.title, r.year, r.province, r.city, r.fund, r.project,
      r.project_name_printed, r.department, r.implementer, r.goal_target, r.goal_actual,
      r.budget_initial, r.budget_adjusted, r.executed, r.execution_rate,
      r.budget_weight, r.budget_score, r.total_weight, r.total_score, r.declared_total_score, r.grade,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.report_id)::INTEGER AS findings,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.report_id AND f.severity = 'error')::INTEGER AS errors
    FROM reports r
    WHERE r.report_id = ${id}
    LIMIT 1`;
}
