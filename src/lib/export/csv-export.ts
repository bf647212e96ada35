/**
 * CSV for people: UTF-8 with a BOM (so that Excel reads Chinese right) and every text cell that
 * a spreadsheet would take for a formula (= + - @ TAB CR at the start) prefixed with `'`.
 */
import { toCsv } from '../csv.ts';
import type { ExportTable } from './export-table.ts';

export const CSV_MIME = 'text/csv;charset=utf-8';

export const csvText = (table: ExportTable): string =>
  toCsv(table.rows, table.columns, { bom: true, neutralizeFormulas: true });

export const csvBlob = (table: ExportTable): Blob => new Blob([csvText(table)], { type: CSV_MIME });
