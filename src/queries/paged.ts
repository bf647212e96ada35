/**
 * A page of a query that already orders its rows completely (ties broken by a key): the same
 * statement with a checked `LIMIT … OFFSET …` (paging.ts), named `<name>-page`. For the views'
 * lists whose order is the query's own (budget projects), so the page and the whole list can
 * never disagree.
 */
import { pageClause, type PageRequest } from './paging.ts';
import type { Query } from './query.ts';

export function pageOf<Row>(query: Query<Row>, page: PageRequest): Query<Row> {
  if (!/\bORDER BY\b[^)]*$/i.test(query.sql)) throw new Error(`${query.name}: a page needs the query's own ORDER BY last`);
  return { name: `${query.name}-page`, sql: `${query.sql}\n    ${pageClause(page, query.name)}`, params: query.params };
}
