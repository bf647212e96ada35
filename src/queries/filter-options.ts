import { FILTER_COLUMNS, FILTER_KEYS, filterValueSql, indicatorCondition, isBlankable, reportCondition, REPORT_INDICATORS, reportFiltersOf, reportScope, NO_FILTERS, type FilterKey, type Filters } from './filters.ts';
import { joinFragments, sql, wrapFragment, type Query } from './query.ts';

export interface FilterOptionRow {
  dimension: FilterKey;
  /** The value as text (years too); the URL layer turns years back into numbers. */
  value: string;
  /** Reports (or indicators, for indicator filters) having the value under the other filters. */
  rows: number;
}

/** `filters` without `key`: each filter's options follow every filter but its own. */
const without = (filters: Filters, key: FilterKey): Filters => ({ ...filters, [key]: undefined });

/**
 * The values each filter can take under the other filters set (faceted: choosing 株洲市 narrows
 * the funds and projects to those of 株洲市, and the city list keeps every city to switch to),
 * with counts; blank text values come as BLANK_VALUE. Sorting for display is done in JS (no ICU in
 * DuckDB-WASM).
 */
export function filterOptions(filters: Filters = NO_FILTERS): Query<FilterOptionRow> {
  const branches = FILTER_KEYS.map((key: FilterKey) => {
    const { table, column } = FILTER_COLUMNS[key];
    const others = without(filters, key);
    if (table === 'reports') {
      const where = reportCondition(others, 'r');
      // A text column's blank (NULL or '') is an option of its own, BLANK_VALUE; a year's is not.
      const value = filterValueSql(key, `r.${column}`);
      return wrapFragment(where, (condition) => `SELECT '${key}' AS dimension, CAST(${value} AS VARCHAR) AS value, COUNT(*)::INTEGER AS rows
      FROM reports r WHERE ${isBlankable(key) ? '' : `r.${column} IS NOT NULL AND `}${condition} GROUP BY ${value}`);
    }
    // Indicator counts: sums of the per-report × 一级 × status counts.
    const reportWhere = reportScope(reportFiltersOf(others), 'i');
    const indicatorWhere = indicatorCondition(others, 'i');
    const where = joinFragments([reportWhere, indicatorWhere], ' AND ');
    return wrapFragment(where, (condition) => `SELECT '${key}' AS dimension, CAST(i.${column} AS VARCHAR) AS value, SUM(i.indicators)::INTEGER AS rows
      FROM ${REPORT_INDICATORS} i
      WHERE i.${column} IS NOT NULL AND ${condition} GROUP BY i.${column}`);
  });
  return sql<FilterOptionRow>('filter-options')`${joinFragments(branches, '\n    UNION ALL\n    ')}
    ORDER BY dimension, value`;
}
