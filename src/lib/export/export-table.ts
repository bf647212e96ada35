/** What an export writes: a named table of rows with its columns in order. */
export interface ExportTable {
  /** The sheet name in a workbook (and a readable name for the table). */
  name: string;
  columns: string[];
  rows: readonly Record<string, unknown>[];
  /** Header labels for people (the UI's language), by column; absent: the columns' own names. */
  headers?: Readonly<Record<string, string>>;
}

/** The header cells a writer puts above `table`'s columns. */
export const headerCells = (table: ExportTable): string[] => table.columns.map((column) => table.headers?.[column] ?? column);

/** The table with the contract's column names as its header (for re-import and for tools). */
export const withFieldNames = (table: ExportTable): ExportTable => ({ ...table, headers: undefined });

/** Columns of rows in first-seen order, for results that carry no column list. */
export function columnsOf(rows: readonly Record<string, unknown>[], fallback: readonly string[] = []): string[] {
  if (rows.length === 0) return [...fallback];
  const seen = new Set<string>(Object.keys(rows[0]));
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}
