/**
 * One page of any of the four tables, filtered, sorted and paged by DuckDB (a top-N: the sort
 * keeps only the rows up to the page). Rows of the tables below a report carry their report's
 * project (`report_project`), joined after paging so the join costs a page of rows, not the
 * table. `page = null` returns every row (for the export).
 */
import { requireTable, type TableName } from './explorer-columns.ts';
import { explorerCondition, type ColumnFilter } from './explorer-filter.ts';
import { explorerOrderBy } from './explorer-sort.ts';
import { pageClause, type PageRequest, type SortKey } from './paging.ts';
import type { Filters } from './filters.ts';
import { sql, type Query } from './query.ts';

export type ExplorerValue = string | number | null;

export interface ExplorerRow {
  report_id: string;
  /** The report's project, on rows of budget_lines, indicators and findings. */
  report_project?: string | null;
  [column: string]: ExplorerValue | undefined;
}

/** Excel holds 1,048,576 rows with its header: an export never asks for more. */
export const EXPORT_ROW_LIMIT = 1_048_575;

export function explorerPage(
  table: TableName, filters: Filters, columnFilters: readonly ColumnFilter[], sort: readonly SortKey[], page: PageRequest | null,
): Query<ExplorerRow> {
  const name = requireTable(table);
  const paging = page ? pageClause(page, 'explorer') : `LIMIT ${EXPORT_ROW_LIMIT}`;
  const where = explorerCondition(name, filters, columnFilters);
  if (name === 'reports') {
    return sql<ExplorerRow>('explorer-page-reports')`
      SELECT t.* FROM reports t WHERE ${where} ORDER BY ${explorerOrderBy(name, sort)} ${paging}`;
  }
  return sql<ExplorerRow>(`explorer-page-${name}`)`
    WITH page AS (SELECT t.* FROM ${name} t WHERE ${where} ORDER BY ${explorerOrderBy(name, sort)} ${paging}),
    projects AS (
      SELECT report_id, any_value(project) AS project FROM reports
      WHERE report_id IN (SELECT report_id FROM page) GROUP BY report_id
    )
    SELECT page.*, projects.project AS report_project
    FROM page LEFT JOIN projects ON projects.report_id = page.report_id
    ORDER BY ${explorerOrderBy(name, sort, 'page')}`;
}
