import { FILTER_COLUMNS, FILTER_KEYS, type FilterKey } from './filters.ts';
import { sql, type Query } from './query.ts';

export interface FilterOptionRow {
  dimension: FilterKey;
  /** The value as text (years too); the URL layer turns years back into numbers. */
  value: string;
  /** Reports (or indicators, for indicator filters) having the value, over the whole dataset. */
  rows: number;
}

/** Every value each filter can take, with counts; sorting for display is done in JS (no ICU). */
export function filterOptions(): Query<FilterOptionRow> {
  const branches = FILTER_KEYS.map((key: FilterKey) => {
    const { table, column } = FILTER_COLUMNS[key];
    return `SELECT '${key}' AS dimension, CAST(${column} AS VARCHAR) AS value, COUNT(*)::INTEGER AS rows
      FROM ${table} WHERE ${column} IS NOT NULL GROUP BY ${column}`;
  });
  return sql<FilterOptionRow>('filter-options')`${branches.join('\n    UNION ALL\n    ')}
    ORDER BY dimension, value`;
}
