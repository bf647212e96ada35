/**
 * ORDER BY for the explorer, from sort keys the URL carries: each id must be a column of the
 * table (or of the grouped result), anything else is refused. Blanks sort last both ways, and
 * the table's natural key ends every order so pages never overlap or skip rows.
 */
import { columnSql, DEFAULT_SORT, requireColumn, ROW_KEYS, type TableName } from './explorer-columns.ts';
import { sortTerm, type SortKey } from './paging.ts';

/** The order of table rows aliased `alias`; throws on a column the table does not have. */
export function explorerOrderBy(table: TableName, sort: readonly SortKey[], alias = 't'): string {
  const keys = sort.length > 0 ? sort : DEFAULT_SORT[table];
  const terms = keys.map(({ id, desc }) => sortTerm(columnSql(alias, requireColumn(table, id).name), desc));
  const ties = ROW_KEYS[table].filter((key) => !keys.some((k) => k.id === key)).map((key) => sortTerm(columnSql(alias, key), false));
  return [...terms, ...ties].join(', ');
}
