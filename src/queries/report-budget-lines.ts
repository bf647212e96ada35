import type { BudgetLineRow } from '../parser/types.ts';
import { fragment, sql, type Query } from './query.ts';

/** A 项目资金 row of the contract (万元 as printed, null when blank). */
export type ReportBudgetLineRow = Omit<BudgetLineRow, 'report_id'>;

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
