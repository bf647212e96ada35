/**
 * The project table's sort order in the URL: `bsort=adjustment` (ascending) or
 * `bsort=-budget_adjusted` (descending). The default (largest 全年预算 first) stays out of the URL.
 */
import {
  BUDGET_PROJECT_SORTS, DEFAULT_PROJECT_SORT, type BudgetProjectSort, type BudgetProjectSortColumn,
} from '../../queries/budget-projects.ts';

export const SORT_PARAM = 'bsort';

export function parseProjectSort(value: string | null): BudgetProjectSort {
  if (!value) return DEFAULT_PROJECT_SORT;
  const descending = value.startsWith('-');
  const column = descending ? value.slice(1) : value;
  return (BUDGET_PROJECT_SORTS as readonly string[]).includes(column)
    ? { column: column as BudgetProjectSortColumn, descending }
    : DEFAULT_PROJECT_SORT;
}

/** The parameter value, or null for the default order. */
export function formatProjectSort(sort: BudgetProjectSort): string | null {
  const same = sort.column === DEFAULT_PROJECT_SORT.column && sort.descending === DEFAULT_PROJECT_SORT.descending;
  return same ? null : `${sort.descending ? '-' : ''}${sort.column}`;
}

/**
 * The order a first click on a header asks for: amounts largest first; rates and adjustments
 * smallest first, because the lowest execution and the deepest cuts are what a reader looks for.
 */
export const firstSortDescending = (column: BudgetProjectSortColumn): boolean =>
  !['execution_rate', 'execution_rate_initial', 'adjustment'].includes(column);

/** A click on a header: the other direction on the sorted column, the first direction elsewhere. */
export function nextProjectSort(current: BudgetProjectSort, column: BudgetProjectSortColumn): BudgetProjectSort {
  return current.column === column
    ? { column, descending: !current.descending }
    : { column, descending: firstSortDescending(column) };
}
