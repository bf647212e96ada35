/**
 * The explorer's state in the URL, all parameters prefixed `x` so they never meet the filter
 * bar's or another view's. Column filters name their column after a dot:
 *
 *   ?view=explorer&xt=indicators&xc.status=not_met&xc.status=partial&xs.level3=满意&xe.level2=数量指标
 *     &xmin.score=5&xmax.score=20&xg=level1&xsort=-score&xpage=2&xsize=50&xhide=deviation,line
 *
 * xc = choice (repeatable), xs = contains, xe = equals, xmin/xmax = range, xg = group by,
 * xhide = hidden columns (absent: the table's default). Whatever doesn't fit the table is dropped.
 */
import { formatPage, formatSorting, parsePage, parseSorting, type PageState, type SortKey } from '../../components/data-table-url.ts';
import { EXPLORER_COLUMNS, explorerColumn, isExplorerTable, isGroupable, type TableName } from '../../queries/explorer-columns.ts';
import { validColumnFilters, type ColumnFilter } from '../../queries/explorer-filter.ts';
import { defaultGroupSort, groupSortIds } from '../../queries/explorer-groups.ts';

export const TABLE_PARAM = 'xt';
export const DEFAULT_TABLE: TableName = 'reports';
const GROUP_PARAM = 'xg';
const SORT_PARAM = 'xsort';
const PAGE_PARAM = 'xpage';
const SIZE_PARAM = 'xsize';
const HIDE_PARAM = 'xhide';
const FILTER_PREFIXES = { choice: 'xc.', contains: 'xs.', equals: 'xe.', min: 'xmin.', max: 'xmax.' } as const;

export interface ExplorerState {
  table: TableName;
  columnFilters: ColumnFilter[];
  groupBy: string | null;
  /** Empty means the default order (of the table, or largest groups first). */
  sorting: SortKey[];
  page: PageState;
  hidden: string[];
}

const number = (value: string | null): number | null => (value === null || value.trim() === '' || !Number.isFinite(Number(value)) ? null : Number(value));

function readColumnFilters(params: URLSearchParams, table: TableName): ColumnFilter[] {
  const filters: ColumnFilter[] = [];
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const [prefix, column] = [key.slice(0, key.indexOf('.') + 1), key.slice(key.indexOf('.') + 1)];
    if (prefix === FILTER_PREFIXES.choice) {
      const values = [...new Set(params.getAll(key).filter((v) => v !== ''))];
      if (values.length > 0) filters.push({ column, kind: 'choice', values });
    } else if (prefix === FILTER_PREFIXES.contains || prefix === FILTER_PREFIXES.equals) {
      const text = params.get(key)!.trim();
      if (text !== '') filters.push({ column, kind: prefix === FILTER_PREFIXES.contains ? 'contains' : 'equals', text });
    } else if (prefix === FILTER_PREFIXES.min || prefix === FILTER_PREFIXES.max) {
      if (filters.some((f) => f.column === column && f.kind === 'range')) continue;
      const min = number(params.get(FILTER_PREFIXES.min + column));
      const max = number(params.get(FILTER_PREFIXES.max + column));
      if (min !== null || max !== null) filters.push({ column, kind: 'range', min, max });
    }
  }
  return validColumnFilters(table, filters);
}

export function readExplorerState(params: URLSearchParams): ExplorerState {
  const tableParam = params.get(TABLE_PARAM);
  const table = isExplorerTable(tableParam) ? tableParam : DEFAULT_TABLE;
  const groupColumn = explorerColumn(table, params.get(GROUP_PARAM) ?? '');
  const groupBy = groupColumn && isGroupable(groupColumn) ? groupColumn.name : null;
  const sortable = groupBy ? new Set(groupSortIds(table, groupBy)) : new Set(EXPLORER_COLUMNS[table].map((c) => c.name));
  const hideParam = params.get(HIDE_PARAM);
  const hidden = hideParam === null
    ? EXPLORER_COLUMNS[table].filter((c) => c.hidden).map((c) => c.name)
    : hideParam.split(',').filter((name) => explorerColumn(table, name) !== undefined || name === 'report_project');
  return {
    table,
    columnFilters: readColumnFilters(params, table),
    groupBy,
    sorting: parseSorting(params.get(SORT_PARAM), (id) => sortable.has(id)),
    page: parsePage(params.get(PAGE_PARAM), params.get(SIZE_PARAM)),
    hidden,
  };
}

/** The sort shown in the headers when the URL has none. */
export const effectiveSorting = (state: ExplorerState): SortKey[] =>
  state.sorting.length > 0 ? state.sorting : state.groupBy ? defaultGroupSort() : [];

const isExplorerParam = (key: string) =>
  key === TABLE_PARAM || key === GROUP_PARAM || key === SORT_PARAM || key === PAGE_PARAM || key === HIDE_PARAM ||
  Object.values(FILTER_PREFIXES).some((prefix) => key.startsWith(prefix));

const isColumnFilterParam = (key: string, column?: string) =>
  Object.values(FILTER_PREFIXES).some((prefix) => (column === undefined ? key.startsWith(prefix) : key === prefix + column));

function without(params: URLSearchParams, drop: (key: string) => boolean): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [...new Set(next.keys())]) if (drop(key)) next.delete(key);
  return next;
}

/** Another table starts afresh: its own columns, no filters, no grouping (the page size stays). */
export function withTable(params: URLSearchParams, table: TableName): URLSearchParams {
  const next = without(params, isExplorerParam);
  if (table !== DEFAULT_TABLE) next.set(TABLE_PARAM, table);
  return next;
}

/** Replaces one column's filter (null removes it); a changed filter shows the first page. */
export function withColumnFilter(params: URLSearchParams, column: string, filter: ColumnFilter | null): URLSearchParams {
  const next = without(params, (key) => isColumnFilterParam(key, column) || key === PAGE_PARAM);
  if (filter === null) return next;
  if (filter.kind === 'choice') for (const value of filter.values) next.append(FILTER_PREFIXES.choice + column, value);
  else if (filter.kind === 'range') {
    if (filter.min != null) next.set(FILTER_PREFIXES.min + column, String(filter.min));
    if (filter.max != null) next.set(FILTER_PREFIXES.max + column, String(filter.max));
  } else if (filter.text.trim() !== '') next.set(FILTER_PREFIXES[filter.kind] + column, filter.text.trim());
  return next;
}

export const clearColumnFilters = (params: URLSearchParams): URLSearchParams =>
  without(params, (key) => isColumnFilterParam(key) || key === PAGE_PARAM);

/** Grouping (or ungrouping) changes the columns: the order and page start again. */
export function withGroup(params: URLSearchParams, column: string | null): URLSearchParams {
  const next = without(params, (key) => key === GROUP_PARAM || key === SORT_PARAM || key === PAGE_PARAM);
  if (column) next.set(GROUP_PARAM, column);
  return next;
}

/** A click on a group: keep only that group's rows (a choice filter) and leave the grouping. */
export function drillDown(params: URLSearchParams, column: string, value: string): URLSearchParams {
  return withColumnFilter(withGroup(params, null), column, { column, kind: 'choice', values: [value] });
}

export function withSorting(params: URLSearchParams, sorting: readonly SortKey[]): URLSearchParams {
  const next = without(params, (key) => key === SORT_PARAM || key === PAGE_PARAM);
  const value = formatSorting(sorting);
  if (value !== null) next.set(SORT_PARAM, value);
  return next;
}

export function withPage(params: URLSearchParams, page: PageState): URLSearchParams {
  const next = without(params, (key) => key === PAGE_PARAM || key === SIZE_PARAM);
  const { page: pageValue, size } = formatPage(page);
  if (pageValue !== null) next.set(PAGE_PARAM, pageValue);
  if (size !== null) next.set(SIZE_PARAM, size);
  return next;
}

/** Hidden columns; the table's default set leaves no parameter. */
export function withHidden(params: URLSearchParams, table: TableName, hidden: readonly string[]): URLSearchParams {
  const next = without(params, (key) => key === HIDE_PARAM);
  const defaults = EXPLORER_COLUMNS[table].filter((c) => c.hidden).map((c) => c.name);
  const same = hidden.length === defaults.length && defaults.every((name) => hidden.includes(name));
  if (!same) next.set(HIDE_PARAM, [...hidden].join(','));
  return next;
}
