/**
 * A data table's sorting and paging as URL parameters, so a shared link opens the same page in
 * the same order: `sort=severity,-line` (a leading minus sorts descending), `page=2` (1-based),
 * `size=50`. Unknown columns and sizes are dropped rather than trusted: the URL is user input.
 */
export interface SortKey {
  id: string;
  desc: boolean;
}

export interface PageState {
  pageIndex: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export function parseSorting(value: string | null, isColumn: (id: string) => boolean): SortKey[] {
  if (!value) return [];
  const keys: SortKey[] = [];
  for (const part of value.split(',')) {
    const desc = part.startsWith('-');
    const id = desc ? part.slice(1) : part;
    if (isColumn(id) && !keys.some((k) => k.id === id)) keys.push({ id, desc });
  }
  return keys;
}

/** The parameter value for a sorting, or null (remove the parameter) when unsorted. */
export const formatSorting = (sorting: readonly SortKey[]): string | null =>
  sorting.length === 0 ? null : sorting.map(({ id, desc }) => (desc ? `-${id}` : id)).join(',');

export function parsePage(page: string | null, size: string | null, sizes: readonly number[] = PAGE_SIZES, fallback = DEFAULT_PAGE_SIZE): PageState {
  const pageNumber = Number(page);
  const pageSize = Number(size);
  return {
    pageIndex: Number.isInteger(pageNumber) && pageNumber > 1 ? pageNumber - 1 : 0,
    pageSize: sizes.includes(pageSize) ? pageSize : fallback,
  };
}

/** Parameter values for a page: the first page and the default size leave the URL clean. */
export const formatPage = ({ pageIndex, pageSize }: PageState, fallback = DEFAULT_PAGE_SIZE) => ({
  page: pageIndex > 0 ? String(pageIndex + 1) : null,
  size: pageSize !== fallback ? String(pageSize) : null,
});

/** `params` with a list's page written under `pageParam` / `sizeParam` (dropped when default). */
export function withPageParams(params: URLSearchParams, page: PageState, pageParam: string, sizeParam: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const { page: pageValue, size } = formatPage(page);
  for (const [name, value] of [[pageParam, pageValue], [sizeParam, size]] as const) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  return next;
}
