import type { ReportRow } from '../parser/types.ts';
import { fragment, sql, type Query } from './query.ts';

/** A report row of the contract, with its findings counted. */
export type ReportHeaderRow = Omit<ReportRow, 'indicator_count' | 'finding_count'> & { findings: number; errors: number };

/** The report's header, goals and totals: one row, or none when the id is unknown. */
export function reportHeader(reportId: string): Query<ReportHeaderRow> {
  const id = fragment('?', [reportId]);
  return sql<ReportHeaderRow>('report-header')`
    SELECT
      r.report_id, r.source_file, r.title, r.year, r.province, r.city, r.fund, r.project,
      r.project_name_printed, r.department, r.implementer, r.goal_target, r.goal_actual,
      r.budget_initial, r.budget_adjusted, r.executed, r.execution_rate,
      r.budget_weight, r.budget_score, r.total_weight, r.total_score, r.declared_total_score, r.grade,
      r.rule_total_score, r.rule_coverage, r.rule_grade, r.rule_gap, r.rule_budget_score,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.report_id)::INTEGER AS findings,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.report_id AND f.severity = 'error')::INTEGER AS errors
    FROM reports r
    WHERE r.report_id = ${id}
    LIMIT 1`;
}
