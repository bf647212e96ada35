/** The budget lines of the reports the URL's filters keep, every column, in table order. */
import { reportCondition, type Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export function filteredBudgetLines(filters: Filters): Query<Record<string, unknown>> {
  return sql<Record<string, unknown>>('filtered-budget-lines')`
    SELECT b.* FROM budget_lines b JOIN reports r ON r.report_id = b.report_id
    WHERE ${reportCondition(filters)}
    ORDER BY b.report_id,
      CASE b.line WHEN 'total' THEN 1 WHEN 'appropriation' THEN 2 WHEN 'carryover' THEN 3 WHEN 'other' THEN 4 ELSE 5 END,
      b.source_line`;
}
