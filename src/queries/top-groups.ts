/**
 * What the charts with many categories share: how many categories a chart draws before the rest
 * are folded into one “其他 / Other” bar (or left out, where a sum means nothing), and the
 * columns every top-N query adds to its rows.
 */

/** Categories a chart draws; the others are folded or left out, and the chart says how many. */
export const TOP_CATEGORIES = 50;

export interface TopColumns {
  /** 1 for the first category; the folded row carries the rank of its first member. */
  rank: number;
  /** Categories in all (shown and folded) under the filters. */
  groups: number;
  /** True on the one row that sums the categories past the top N. */
  is_other: boolean;
  /** Categories behind this row: 1, or how many the folded row sums. */
  members: number;
}

export function checkLimit(limit: number, what: string): number {
  if (!(Number.isInteger(limit) && limit > 0 && limit <= 1000)) throw new Error(`${what}: limit ${limit} out of range 1–1000`);
  return limit;
}
