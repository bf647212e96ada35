/** The budget view's queries, in one place, for the view and for anyone snapshotting them. */
import { budgetBy } from '../../queries/budget-by.ts';
import { budgetFundingSources } from '../../queries/budget-funding-sources.ts';
import { budgetProjects, type BudgetProjectSort } from '../../queries/budget-projects.ts';
import { budgetSummary } from '../../queries/budget-summary.ts';
import type { Filters } from '../../queries/filters.ts';
import type { BudgetViewDimension } from './budget-bars.ts';

export function budgetQueryset(filters: Filters, dimension: BudgetViewDimension, sort: BudgetProjectSort) {
  return {
    summary: budgetSummary(filters),
    // Cities and funds come grouped; for projects the charts use `projects` (one bar per report,
    // which a click can open), and this query, then by city, only keeps the hook count fixed.
    groups: budgetBy(dimension === 'project' ? 'city' : dimension, filters),
    projects: budgetProjects(filters),
    table: budgetProjects(filters, sort),
    sources: budgetFundingSources(filters),
  };
}
