/**
 * RFC 4180 CSV writing, shared by the ingest CLI (contract files) and the app's export.
 */
import { neutralizeFormula } from './export/neutralize.ts';

export interface CsvOptions {
  /** Prefix a UTF-8 BOM so that Excel reads Chinese text correctly (exports for people). */
  bom?: boolean;
  /**
   * Prefix `'` to the header and text cells a spreadsheet could run as formulas (the rule is in
   * export/neutralize.ts). For files opened by people, not for the contract files.
   */
  neutralizeFormulas?: boolean;
  /** The header line's cells, when they differ from the column names (labels for people). */
  header?: readonly string[];
}

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
    if (options.neutralizeFormulas) text = neutralizeFormula(text);
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[], options: CsvOptions = {}): string {
  const lines = [(options.header ?? columns).map((c) => formatCsvValue(c, options)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => formatCsvValue(row[c], options)).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
