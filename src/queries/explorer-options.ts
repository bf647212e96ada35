/**
 * The choice lists of a table's category columns (city, 一级指标, status, code, grade, …): each
 * column's distinct values with their row counts, in one round trip. Counted under the
 * dashboard's filters but not the column filters, so a list never shrinks while it is used.
 */
import { columnSql, EXPLORER_COLUMNS, requireTable, type TableName } from './explorer-columns.ts';
import { BLANK_CHOICE, globalCondition } from './explorer-filter.ts';
import type { Filters } from './filters.ts';
import { joinFragments, sql, type Query, wrapFragment } from './query.ts';

export interface ExplorerOptionRow {
  column: string;
  /** The value as text; blanks as BLANK_CHOICE. */
  value: string;
  rows: number;
}

/** A list longer than this is no choice list: the most frequent values are offered. */
export const MAX_CHOICES = 200;

export const choiceColumns = (table: TableName): string[] =>
  EXPLORER_COLUMNS[table].filter((c) => c.filter === 'choice').map((c) => c.name);

/**
 * `columns` narrows the lists to the choice columns on screen (each list is a scan of the table);
 * names that are not choice columns of the table are ignored.
 */
export function explorerOptions(table: TableName, filters: Filters, columns?: readonly string[]): Query<ExplorerOptionRow> {
  const name = requireTable(table);
  const where = globalCondition(name, filters);
  const wanted = choiceColumns(name).filter((column) => !columns || columns.includes(column));
  if (wanted.length === 0) return sql<ExplorerOptionRow>(`explorer-options-${name}`)`SELECT NULL AS "column", NULL AS value, 0 AS rows WHERE FALSE`;
  const branches = wanted.map((column) => {
    const value = `COALESCE(CAST(${columnSql('t', column)} AS VARCHAR), '${BLANK_CHOICE}')`;
    return wrapFragment(where, (condition) =>
      `(SELECT '${column}' AS "column", ${value} AS value, COUNT(*)::INTEGER AS rows FROM ${name} t WHERE ${condition} ` +
      `GROUP BY 2 ORDER BY rows DESC, value LIMIT ${MAX_CHOICES})`);
  });
  return sql<ExplorerOptionRow>(`explorer-options-${name}`)`${joinFragments(branches, ' UNION ALL ')}`;
}
