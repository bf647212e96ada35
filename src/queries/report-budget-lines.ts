import { fragment, sql, type Query } from './query.ts';

export interface ReportBudgetLineRow {
  /** `total`, `appropriation`, `carryover`, `other` (others may be added). */
  line: string;
  line_label: string | null;
  /** 万元, as printed (null when blank). */
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  weight: number | null;
  score: number | null;
  execution_rate_declared: number | null;
  execution_rate: number | null;
  source_line: number | null;
}

/** The 项目资金 rows of one report as printed, in the paper table's order. */
export function reportBudgetLines(reportId: string): Query<ReportBudgetLineRow> {
  const id = fragment('?', [reportId]);
  return sql<ReportBudgetLineRow>('report-budget-lines')`
    SELECT
      b.line, b.line_label, b.budget_initial, b.budget_adjusted, b.executed, b.weight, b.score,
      b.execution_rate_declared, b.execution_rate, b.source_line
    FROM budget_lines b
    WHERE b.report_id = ${id}
    ORDER BY
      CASE b.line WHEN 'total' THEN 1 WHEN 'appropriation' THEN 2 WHEN 'carryover' THEN 3 WHEN 'other' THEN 4 ELSE 5 END,
      b.source_line NULLS LAST, b.line`;
}
