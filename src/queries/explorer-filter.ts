/**
 * The explorer's WHERE clause: the dashboard's filters (through the row's report) and one filter
 * per column: a text search (contains or equals), a number range, or a choice of values. Values
 * are always bound parameters; column names come from the catalogue (explorer-columns.ts).
 */
import { explorerColumn, isGroupable, requireColumn, columnSql, type ExplorerColumn, type TableName } from './explorer-columns.ts';
import { indicatorCondition, reportCondition, reportOnlyCondition, REPORT_FILTER_KEYS, type Filters } from './filters.ts';
import { fragment, joinFragments, wrapFragment, type SqlFragment, type SqlParam } from './query.ts';

/** The value a choice list shows for NULL, and how a choice filter asks for blanks. */
export const BLANK_CHOICE = '—';

export type ColumnFilter =
  | { column: string; kind: 'choice'; values: readonly string[] }
  | { column: string; kind: 'contains' | 'equals'; text: string }
  | { column: string; kind: 'range'; min?: number | null; max?: number | null };

export type ColumnFilterKind = ColumnFilter['kind'];

/** Whether `kind` fits `column`: search on text, ranges on numbers, choices on categories. */
export function filterFits(column: ExplorerColumn, kind: ColumnFilterKind): boolean {
  if (kind === 'range') return column.unit !== undefined;
  if (kind === 'choice') return column.filter === 'choice' || isGroupable(column);
  return column.unit === undefined;
}

const TRUE = fragment('TRUE');

const and = (parts: readonly SqlFragment[]): SqlFragment =>
  parts.length === 0 ? TRUE : joinFragments(parts.map((p) => wrapFragment(p, (sql) => `(${sql})`)), ' AND ');

/** `%text%` for ILIKE, with the pattern characters of the text itself escaped. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function choiceCondition(expression: string, column: ExplorerColumn, values: readonly string[]): SqlFragment {
  const blank = values.includes(BLANK_CHOICE);
  const typed: SqlParam[] = values
    .filter((v) => v !== BLANK_CHOICE)
    // A number column compares with numbers: a bound string would not match an INTEGER.
    .map((v) => (column.unit ? Number(v) : v))
    .filter((v) => typeof v === 'string' || Number.isFinite(v));
  const parts: SqlFragment[] = [];
  if (typed.length > 0) parts.push(fragment(`${expression} IN (${typed.map(() => '?').join(', ')})`, typed));
  if (blank) parts.push(fragment(`${expression} IS NULL`));
  // Only unusable values (e.g. `year=abc`): nothing matches, as the reader asked.
  return parts.length === 0 ? fragment('FALSE') : joinFragments(parts, ' OR ');
}

/** One column filter as SQL on table alias `alias`; throws on a column or kind that doesn't fit. */
export function columnFilterCondition(table: TableName, filter: ColumnFilter, alias = 't'): SqlFragment {
  const column = requireColumn(table, filter.column);
  if (!filterFits(column, filter.kind)) throw new Error(`explorer: a ${filter.kind} filter does not fit ${table}.${column.name}`);
  const expression = columnSql(alias, column.name);
  switch (filter.kind) {
    case 'choice':
      return choiceCondition(expression, column, filter.values);
    case 'contains':
      return fragment(`${expression} ILIKE ? ESCAPE '\\'`, [containsPattern(filter.text)]);
    case 'equals':
      return fragment(`${expression} = ?`, [filter.text]);
    case 'range': {
      const parts: SqlFragment[] = [];
      if (filter.min != null) parts.push(fragment(`${expression} >= ?`, [filter.min]));
      if (filter.max != null) parts.push(fragment(`${expression} <= ?`, [filter.max]));
      return and(parts);
    }
  }
}

const hasReportFilters = (filters: Filters): boolean => REPORT_FILTER_KEYS.some((key) => (filters[key]?.length ?? 0) > 0);
const hasAnyFilters = (filters: Filters): boolean => Object.values(filters).some((values) => (values?.length ?? 0) > 0);

/**
 * The dashboard's filters on rows of `table` aliased `alias`: on reports directly; on the other
 * tables through their report (a semi-join, so no join is paid when no filter is set). The 一级
 * and status filters act on indicator rows themselves, as in the indicator views and the export.
 */
export function globalCondition(table: TableName, filters: Filters, alias = 't'): SqlFragment {
  if (table === 'reports') return reportCondition(filters, alias);
  const reportIds = (condition: SqlFragment) =>
    wrapFragment(condition, (where) => `${alias}.report_id IN (SELECT r.report_id FROM reports r WHERE ${where})`);
  if (table === 'indicators') {
    const parts = [indicatorCondition(filters, alias)];
    if (hasReportFilters(filters)) parts.push(reportIds(reportOnlyCondition(filters, 'r')));
    return and(parts.filter((p) => p.sql !== 'TRUE'));
  }
  return hasAnyFilters(filters) ? reportIds(reportCondition(filters, 'r')) : TRUE;
}

/**
 * Everything that narrows the rows: the dashboard's filters and the column filters. `omit` leaves
 * one column's filter out, so that column's choice list still offers every value.
 */
export function explorerCondition(
  table: TableName, filters: Filters, columnFilters: readonly ColumnFilter[], { alias = 't', omit }: { alias?: string; omit?: string } = {},
): SqlFragment {
  const parts = [globalCondition(table, filters, alias)]
    .concat(columnFilters.filter((f) => f.column !== omit).map((f) => columnFilterCondition(table, f, alias)))
    .filter((p) => p.sql !== 'TRUE');
  return and(parts);
}

/** Drops filters on unknown columns or of a kind that doesn't fit (for filters read from a URL). */
export function validColumnFilters(table: TableName, filters: readonly ColumnFilter[]): ColumnFilter[] {
  return filters.filter((f) => {
    const column = explorerColumn(table, f.column);
    return column !== undefined && filterFits(column, f.kind);
  });
}
