/**
 * The compare view's URL state, pure: `cdim` (city | fund | project) and `cmp`, repeated once per
 * chosen item (`?cdim=fund&cmp=A&cmp=B`), so names need no separator that a name could contain.
 */
import { COMPARE_DIMENSIONS, type CompareDimension } from '../../queries/compare-measures.ts';

export const DIMENSION_PARAM = 'cdim';
export const ITEMS_PARAM = 'cmp';

/** With at most this many items, all are compared by default; with more, the largest few. */
export const SHOW_ALL_UP_TO = 6;
export const DEFAULT_TOP = 4;

export function parseDimension(params: URLSearchParams): CompareDimension {
  const value = params.get(DIMENSION_PARAM);
  return (COMPARE_DIMENSIONS as readonly string[]).includes(value ?? '') ? (value as CompareDimension) : 'city';
}

export const parseItems = (params: URLSearchParams): string[] =>
  [...new Set(params.getAll(ITEMS_PARAM).filter((value) => value !== ''))];

export interface Selection<Row> {
  /** The rows to compare, in the query's order (largest 全年预算 first). */
  rows: Row[];
  /** True when the URL chose nothing (or nothing that the filters leave) and the default applies. */
  isDefault: boolean;
  /** Items named in the URL that the current filters leave out. */
  outOfScope: string[];
}

/**
 * The items to compare: those named in the URL that the filters leave, or by default all of
 * them when there are few, else the top ones (`rows` come largest 全年预算 first).
 */
export function selectItems<Row extends { label: string }>(rows: readonly Row[], chosen: readonly string[]): Selection<Row> {
  const available = new Set(rows.map((row) => row.label));
  const outOfScope = chosen.filter((label) => !available.has(label));
  const picked = rows.filter((row) => chosen.includes(row.label));
  if (picked.length > 0) return { rows: picked, isDefault: false, outOfScope };
  const defaults = rows.length <= SHOW_ALL_UP_TO ? [...rows] : rows.slice(0, DEFAULT_TOP);
  return { rows: defaults, isDefault: true, outOfScope };
}

/**
 * The `cmp` values after a click on `label` in the picker: starting from what is shown (the
 * default too), so unticking one of the default items keeps the others.
 */
export function toggleItem(shown: readonly string[], label: string): string[] {
  return shown.includes(label) ? shown.filter((value) => value !== label) : [...shown, label];
}

/** The query string with the items replaced (none: back to the default). */
export function withItems(params: URLSearchParams, items: readonly string[]): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(ITEMS_PARAM);
  for (const item of items) next.append(ITEMS_PARAM, item);
  return next;
}
