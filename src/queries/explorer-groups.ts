/**
 * A table grouped by one column, in one GROUP BY: the row count and, for each numeric column, its
 * sum (money, points, counts) or mean (rates) — named after the column it aggregates, so the
 * grouped result shows in the same table with the same formats. Sorted and paged by DuckDB.
 */
import { columnSql, EXPLORER_COLUMNS, isGroupable, requireColumn, requireTable, type ExplorerColumn, type TableName } from './explorer-columns.ts';
import { explorerCondition, type ColumnFilter } from './explorer-filter.ts';
import { pageClause, type PageRequest, type SortKey } from './paging.ts';
import type { Filters } from './filters.ts';
import { sql, type Query } from './query.ts';
import { EXPORT_ROW_LIMIT, type ExplorerRow } from './explorer-page.ts';

/** The group's row count; no contract column has this name. */
export const GROUP_COUNT = 'row_count';

/** The grouping column itself, checked: it must be a column fit for grouping. */
export function groupColumn(table: TableName, name: string): ExplorerColumn {
  const column = requireColumn(table, name);
  if (!isGroupable(column)) throw new Error(`explorer: ${table}.${name} cannot be grouped`);
  return column;
}

/** The aggregated columns of a grouping, in table order. */
export const aggregatedColumns = (table: TableName, by: string): ExplorerColumn[] =>
  EXPLORER_COLUMNS[table].filter((c) => c.aggregate !== undefined && c.name !== by);

/** Sort ids a grouped result accepts: the group column, the count, the aggregates. */
export const groupSortIds = (table: TableName, by: string): string[] =>
  [by, GROUP_COUNT, ...aggregatedColumns(table, by).map((c) => c.name)];

/** Largest groups first unless the reader sorts otherwise. */
export const defaultGroupSort = (): SortKey[] => [{ id: GROUP_COUNT, desc: true }];

export function explorerGroups(
  table: TableName, by: string, filters: Filters, columnFilters: readonly ColumnFilter[], sort: readonly SortKey[], page: PageRequest | null,
): Query<ExplorerRow> {
  const name = requireTable(table);
  const key = groupColumn(name, by).name;
  const aggregates = aggregatedColumns(name, key)
    .map((c) => `${c.aggregate === 'sum' ? 'SUM' : 'AVG'}(${columnSql('t', c.name)}) AS "${c.name}"`);
  const allowed = groupSortIds(name, key);
  const keys = sort.length > 0 ? sort : defaultGroupSort();
  const order = keys.map(({ id, desc }) => {
    if (!allowed.includes(id)) throw new Error(`explorer: cannot sort ${table} grouped by ${key} on "${id}"`);
    return `"${id}" ${desc ? 'DESC' : 'ASC'} NULLS LAST`;
  });
  // The group value breaks ties, so pages of groups are stable.
  if (!keys.some((k) => k.id === key)) order.push(`"${key}" ASC NULLS LAST`);
  return sql<ExplorerRow>(`explorer-groups-${name}`)`
    SELECT ${columnSql('t', key)} AS "${key}", COUNT(*)::INTEGER AS ${GROUP_COUNT}${aggregates.map((a) => `, ${a}`).join('')}
    FROM ${name} t WHERE ${explorerCondition(name, filters, columnFilters)}
    GROUP BY 1 ORDER BY ${order.join(', ')}
    ${page ? pageClause(page, 'explorer') : `LIMIT ${EXPORT_ROW_LIMIT}`}`;
}

export interface ExplorerGroupCountRow {
  groups: number;
  rows: number;
}

/** How many groups (the pager's total) and how many rows they hold. */
export function explorerGroupCount(table: TableName, by: string, filters: Filters, columnFilters: readonly ColumnFilter[]): Query<ExplorerGroupCountRow> {
  const name = requireTable(table);
  const key = groupColumn(name, by).name;
  return sql<ExplorerGroupCountRow>(`explorer-group-count-${name}`)`
    SELECT COUNT(*)::INTEGER AS groups, COALESCE(SUM(n), 0)::INTEGER AS rows
    FROM (SELECT COUNT(*) AS n FROM ${name} t WHERE ${explorerCondition(name, filters, columnFilters)} GROUP BY ${columnSql('t', key)})`;
}
