/** What an export writes: a named table of rows with its columns in order. */
export interface ExportTable {
  /** The sheet name in a workbook (and a readable name for the table). */
  name: string;
  columns: string[];
  rows: readonly Record<string, unknown>[];
}

/** Columns of rows in first-seen order, for results that carry no column list. */
export function columnsOf(rows: readonly Record<string, unknown>[], fallback: readonly string[] = []): string[] {
  if (rows.length === 0) return [...fallback];
  const seen = new Set<string>(Object.keys(rows[0]));
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}
