/**
 * Sorting and paging that the explorer and the findings list share: sort keys as the URL carries
 * them, one ORDER BY term, and a checked `LIMIT … OFFSET …`.
 */

export interface SortKey {
  id: string;
  desc: boolean;
}

export interface PageRequest {
  pageIndex: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 1000;

/** One ORDER BY term; blanks sort last in both directions (a reader wants the filled ones first). */
export const sortTerm = (expression: string, desc: boolean): string => `${expression} ${desc ? 'DESC' : 'ASC'} NULLS LAST`;

/**
 * `LIMIT n OFFSET m` for a page, checked (`what` names the list in the error). The two numbers
 * are written into the SQL rather than bound: DuckDB plans a bound LIMIT as a full sort, a
 * literal one as a top-N heap — on a million rows the difference between 200 ms and 50 ms.
 * Only whole numbers validated here get in.
 */
export function pageClause({ pageIndex, pageSize }: PageRequest, what: string): string {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new Error(`${what}: page size ${pageSize} out of range 1–${MAX_PAGE_SIZE}`);
  if (!Number.isInteger(pageIndex) || pageIndex < 0) throw new Error(`${what}: page index ${pageIndex} is not a whole number ≥ 0`);
  return `LIMIT ${pageSize} OFFSET ${pageIndex * pageSize}`;
}
