/**
 * Sorting of a console result in memory (it holds at most CONSOLE_ROW_LIMIT rows): numbers by
 * value, text as a Chinese reader expects, blanks last in either direction.
 */
import type { SortKey } from '../../components/data-table-url.ts';
import { zhCollator } from '../../lib/format.ts';

type Row = Record<string, unknown>;

export function compareValues(a: unknown, b: unknown): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1; // blanks last
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return zhCollator.compare(String(a), String(b));
}

export function sortRows(rows: readonly Row[], sorting: readonly SortKey[]): readonly Row[] {
  if (sorting.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const { id, desc } of sorting) {
      const order = compareValues(a[id], b[id]);
      // Blanks stay last in both directions.
      if (order !== 0) return a[id] == null || b[id] == null ? order : desc ? -order : order;
    }
    return 0;
  });
}
