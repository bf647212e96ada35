import { requireTable, type TableName } from './explorer-columns.ts';
import { explorerCondition, type ColumnFilter } from './explorer-filter.ts';
import type { Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export interface ExplorerCountRow {
  rows: number;
}

/** How many rows match: the total the pager shows. */
export function explorerCount(table: TableName, filters: Filters, columnFilters: readonly ColumnFilter[]): Query<ExplorerCountRow> {
  return sql<ExplorerCountRow>(`explorer-count-${table}`)`
    SELECT COUNT(*)::INTEGER AS rows FROM ${requireTable(table)} t WHERE ${explorerCondition(table, filters, columnFilters)}`;
}
