/**
 * RFC 4180 CSV writing, shared by the ingest CLI (contract files) and the app's export.
 */
export interface CsvOptions {
  /** Prefix a UTF-8 BOM so that Excel reads Chinese text correctly (exports for people). */
  bom?: boolean;
  /**
   * Prefix `'` to text cells starting with = + - @ (or TAB/CR) so that a spreadsheet never
   * runs them as formulas. For files opened by people, not for the contract files.
   */
  neutralizeFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function formatCsvValue(value: unknown, options: CsvOptions = {}): string {
  if (value == null) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    // Round binary noise (0.1 + 0.2) away; 12 significant digits keep every real figure.
    text = String(Number(value.toPrecision(12)));
  } else if (typeof value === 'bigint') {
    text = value.toString();
  } else {
    text = String(value);
    if (options.neutralizeFormulas && FORMULA_START.test(text)) text = `'${text}`;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[], options: CsvOptions = {}): string {
  const lines = [columns.map((c) => formatCsvValue(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => formatCsvValue(row[c], options)).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
