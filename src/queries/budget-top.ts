/**
 * The budget charts' rows at any size: the `limit` cities, funds or projects (reports) with the
 * largest 全年预算, in budgetBy's / budgetProjects' order, and one more row summing all the
 * others (`is_other`), so the totals still add up and the chart can say how many it folded.
 */
import { BUDGET_TOTALS, type BudgetTotals } from './budget-totals.ts';
import { reportCondition, type Filters } from './filters.ts';
import { numberLiteral, sql, type Query } from './query.ts';
import { checkLimit, TOP_CATEGORIES, type TopColumns } from './top-groups.ts';
import type { BudgetDimension } from './budget-by.ts';

export interface BudgetTopRow extends BudgetTotals, TopColumns {
  /** The city or fund (null when blank), or the report id of a project; null on the folded row. */
  key: string | null;
  reports: number;
  /** A project's report: its year, city, fund and name (one report, so one value each). */
  year: number | null;
  city: string | null;
  fund: string | null;
  project: string | null;
}

// A project is a report: grouped by report id, so two reports of one project stay two bars.
const GROUP_KEY: Record<BudgetDimension, string> = { city: 'r.city', fund: 'r.fund', project: 'r.report_id' };

export function budgetTop(dimension: BudgetDimension, filters: Filters, limit = TOP_CATEGORIES): Query<BudgetTopRow> {
  if (!Object.hasOwn(GROUP_KEY, dimension)) throw new Error(`budgetTop: unknown dimension ${String(dimension)}`);
  const top = numberLiteral(checkLimit(limit, 'budgetTop'));
  return sql<BudgetTopRow>(`budget-top-${dimension}`)`
    WITH scope AS (
      SELECT r.*, ${GROUP_KEY[dimension]} AS group_key FROM reports r WHERE ${reportCondition(filters)}
    ),
    ranked AS (
      SELECT group_key,
        row_number() OVER (ORDER BY SUM(budget_adjusted) DESC NULLS LAST, group_key ASC NULLS LAST)::INTEGER AS rank,
        (COUNT(*) OVER ())::INTEGER AS groups
      FROM scope GROUP BY group_key
    )
    SELECT
      CASE WHEN k.rank <= ${top} THEN s.group_key END AS key,
      k.rank > ${top} AS is_other,
      MIN(k.rank)::INTEGER AS rank,
      any_value(k.groups)::INTEGER AS groups,
      COUNT(DISTINCT k.rank)::INTEGER AS members,
      COUNT(*)::INTEGER AS reports,
      any_value(s.year) AS year, any_value(s.city) AS city, any_value(s.fund) AS fund, any_value(s.project) AS project,
      ${BUDGET_TOTALS}
    FROM scope s JOIN ranked k ON k.group_key IS NOT DISTINCT FROM s.group_key
    GROUP BY ALL
    ORDER BY is_other, rank`;
}
