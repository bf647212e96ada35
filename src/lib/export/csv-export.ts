/**
 * CSV for people: UTF-8 with a BOM (so that Excel reads Chinese right) and every header and text
 * cell that a spreadsheet could take for a formula prefixed with `'` (the rule: neutralize.ts).
 */
import { toCsv } from '../csv.ts';
import { headerCells, type ExportTable } from './export-table.ts';

export const CSV_MIME = 'text/csv;charset=utf-8';

export const csvText = (table: ExportTable): string =>
  toCsv(table.rows, table.columns, { bom: true, neutralizeFormulas: true, header: headerCells(table) });

export const csvBlob = (table: ExportTable): Blob => new Blob([csvText(table)], { type: CSV_MIME });
