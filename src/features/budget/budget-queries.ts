/** The budget view's queries, in one place, for the view and for anyone snapshotting them. */
import type { PageState } from '../../components/data-table-url.ts';
import { budgetAdjustmentsTop } from '../../queries/budget-adjustments-top.ts';
import { budgetFundingSources } from '../../queries/budget-funding-sources.ts';
import { budgetProjects, type BudgetProjectSort } from '../../queries/budget-projects.ts';
import { budgetSummary } from '../../queries/budget-summary.ts';
import { budgetTop } from '../../queries/budget-top.ts';
import type { Filters } from '../../queries/filters.ts';
import { pageOf } from '../../queries/paged.ts';
import type { BudgetViewDimension } from './budget-bars.ts';

/**
 * Every query returns a bounded number of rows whatever the dataset: the charts the top
 * categories and one folded row, the adjustments the deepest cuts and largest increases, the
 * project table one page (its row count is the summary's `reports`).
 */
export function budgetQueryset(filters: Filters, dimension: BudgetViewDimension, sort: BudgetProjectSort, page: PageState) {
  return {
    summary: budgetSummary(filters),
    groups: budgetTop(dimension, filters),
    adjustments: budgetAdjustmentsTop(filters),
    table: pageOf(budgetProjects(filters, sort), page),
    sources: budgetFundingSources(filters),
  };
}
