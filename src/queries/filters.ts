/**
 * The dashboard's filters (issue 3) and the SQL that applies them. Every filter is multi-valued;
 * an empty list means "all". Column names come only from the whitelists below.
 */
import { fragment, hash, inList, joinFragments, wrapFragment, type SqlFragment, type SqlParam } from './query.ts';

export const REPORT_FILTER_KEYS = ['year', 'province', 'city', 'fund', 'project', 'department'] as const;
export const INDICATOR_FILTER_KEYS = ['level1', 'status'] as const;
export const FILTER_KEYS = [...REPORT_FILTER_KEYS, ...INDICATOR_FILTER_KEYS] as const;

export type ReportFilterKey = (typeof REPORT_FILTER_KEYS)[number];
export type IndicatorFilterKey = (typeof INDICATOR_FILTER_KEYS)[number];
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface Filters {
  year?: readonly number[];
  province?: readonly string[];
  city?: readonly string[];
  fund?: readonly string[];
  project?: readonly string[];
  department?: readonly string[];
  level1?: readonly string[];
  status?: readonly string[];
}

export const NO_FILTERS: Filters = Object.freeze({});

/**
 * The value that selects the reports a text filter's column leaves blank (NULL or ''): in the
 * URL, `?department=` (report 003 names no department). Only the report filters over text take it.
 * (Not lib/format.ts's BLANK, the dash shown where a figure is missing.)
 */
export const BLANK_VALUE = '';
const BLANKABLE_KEYS = ['province', 'city', 'fund', 'project', 'department'] as const satisfies readonly ReportFilterKey[];
export const isBlankable = (key: FilterKey): boolean => (BLANKABLE_KEYS as readonly FilterKey[]).includes(key);

/** The SQL of a filter's value for `column`: blank as '' where the filter takes BLANK_VALUE. */
export const filterValueSql = (key: FilterKey, column: string): string => (isBlankable(key) ? `coalesce(${column}, '')` : column);

export const isFilterKey = (key: string): key is FilterKey => (FILTER_KEYS as readonly string[]).includes(key);

export const hasFilters = (filters: Filters): boolean =>
  FILTER_KEYS.some((key) => (filters[key]?.length ?? 0) > 0);

/** The table and column each filter reads; the only identifiers filters put into SQL. */
export const FILTER_COLUMNS: Record<FilterKey, { table: 'reports' | 'indicators'; column: string }> = {
  year: { table: 'reports', column: 'year' },
  province: { table: 'reports', column: 'province' },
  city: { table: 'reports', column: 'city' },
  fund: { table: 'reports', column: 'fund' },
  project: { table: 'reports', column: 'project' },
  department: { table: 'reports', column: 'department' },
  level1: { table: 'indicators', column: 'level1' },
  status: { table: 'indicators', column: 'status' },
};

const TRUE = fragment('TRUE');

function conditions(filters: Filters, keys: readonly FilterKey[], alias: string): SqlFragment[] {
  return keys
    .filter((key) => (filters[key]?.length ?? 0) > 0)
    .map((key) => {
      const values = filters[key]!;
      const column = `${alias}.${FILTER_COLUMNS[key].column}`;
      // coalesce() only when blank is asked for: a plain column lets DuckDB skip row groups.
      return inList((values as readonly SqlParam[]).includes(BLANK_VALUE) ? filterValueSql(key, column) : column, values);
    });
}

const and = (parts: SqlFragment[]): SqlFragment =>
  parts.length === 0 ? TRUE : joinFragments(parts.map((p) => wrapFragment(p, (sql) => `(${sql})`)), ' AND ');

/** Conditions on indicator rows aliased `alias` (一级 indicator, status). */
export function indicatorCondition(filters: Filters, alias = 'i'): SqlFragment {
  return and(conditions(filters, INDICATOR_FILTER_KEYS, alias));
}

/**
 * The per-report aggregates (src/lib/db/dataset/aggregates.ts, built when the data is loaded):
 * one row per report × 一级 × status (`indicators`, sums of weight and score), per report
 * (`findings`, `errors`), per report × finding code. Figures read them instead of the indicator
 * and finding rows.
 */
export const REPORT_INDICATORS = 'agg.report_indicators';
export const REPORT_FINDINGS = 'agg.report_findings';
export const REPORT_CODES = 'agg.report_codes';
/** Where the report sets of the 一级/status filters are kept, one table per filter (src/lib/db/dataset/aggregates.ts empties it with every data change). */
export const SCOPE_SCHEMA = 'agg_scope';

/**
 * Conditions on report rows aliased `alias`. With an indicator filter, a report qualifies when
 * at least one of its indicators matches, so report-level figures follow the indicator filters.
 * That is read from the report × 一级 × status aggregate (a report has a matching indicator
 * exactly when it has a matching row there), not from the indicators, and only once per filter:
 * the reports are kept in a table of their own, made by the first query that needs it (the
 * query's `needs`, run by every query runner first) and read by every query after it.
 */
export function reportCondition(filters: Filters, alias = 'r'): SqlFragment {
  const parts = conditions(filters, REPORT_FILTER_KEYS, alias);
  const indicatorParts = conditions(filters, INDICATOR_FILTER_KEYS, 'fi');
  if (indicatorParts.length > 0) {
    const inner = and(indicatorParts);
    // Named after the condition and its values: the same filter always finds the same table.
    const table = `${SCOPE_SCHEMA}.r_${hash(inner.sql + '\u0000' + JSON.stringify(inner.params))}`;
    const make = { table, sql: `CREATE TABLE IF NOT EXISTS ${table} AS SELECT DISTINCT fi.report_id FROM ${REPORT_INDICATORS} fi WHERE ${inner.sql}`, params: inner.params };
    parts.push(fragment(`${alias}.report_id IN (SELECT report_id FROM ${table})`, [], [make]));
  }
  return and(parts);
}

/**
 * Conditions on a relation aliased `alias` with a `report_id` column, keeping the rows of the
 * reports the filters keep: TRUE without filters (every aggregate row belongs to a report).
 */
export function reportScope(filters: Filters, alias: string): SqlFragment {
  if (!hasFilters(filters)) return TRUE;
  return wrapFragment(reportCondition(filters, 'sr'), (where) => `${alias}.report_id IN (SELECT sr.report_id FROM reports sr WHERE ${where})`);
}

/** `filters` without the 一级 and status filters. */
export const reportFiltersOf = (filters: Filters): Filters =>
  Object.fromEntries(REPORT_FILTER_KEYS.filter((key) => filters[key] !== undefined).map((key) => [key, filters[key]])) as Filters;

/** Report conditions only: for indicator queries, which filter indicator rows themselves. */
export function reportOnlyCondition(filters: Filters, alias = 'r'): SqlFragment {
  return and(conditions(filters, REPORT_FILTER_KEYS, alias));
}
