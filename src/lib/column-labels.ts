/**
 * The contract's columns and tables by the names people read: the explorer's column labels and
 * the export's table names, in every language. Exports write them as headers and sheet names;
 * imports read them back to the contract's names, so an export re-imports as it is. Pure (no
 * React): the import worker uses it.
 */
import { SCHEMA } from '../parser/schema.ts';
import { TABLE_NAMES, type TableName } from '../parser/types.ts';
import * as explorer from './messages/explorer.ts';
import * as importExport from './messages/import-export.ts';
import { LANGS, type Lang } from './url-params.ts';

const COLUMN_LABELS: Record<Lang, Readonly<Record<string, string>>> = { zh: explorer.zh, en: explorer.en };
const TABLE_LABELS: Record<Lang, Readonly<Record<string, string>>> = { zh: importExport.zh, en: importExport.en };

/** The message key of a column's label (budget_lines.line is a funding row, not a source line). */
export const columnLabelKeyOf = (table: TableName, column: string): string =>
  (table === 'budget_lines' && column === 'line' ? 'explorer.col.line_kind' : `explorer.col.${column}`);

/** A column's label in `lang`, or its name when it has none. */
export const columnLabel = (lang: Lang, table: TableName, column: string): string =>
  COLUMN_LABELS[lang][columnLabelKeyOf(table, column)] ?? column;

/** Labels of `columns` of a contract table (other columns, a SQL alias say, keep their name). */
export const columnLabels = (lang: Lang, table: TableName, columns: readonly string[]): Record<string, string> =>
  Object.fromEntries(columns.map((column) => [column, columnLabel(lang, table, column)]));

/** A header cell as the contract's column name: the name itself, or its label in any language. */
export function contractColumnName(table: TableName, cell: string): string {
  if (SCHEMA[table].some((spec) => spec.name === cell)) return cell;
  for (const lang of LANGS) {
    const spec = SCHEMA[table].find(({ name }) => columnLabel(lang, table, name) === cell);
    if (spec) return spec.name;
  }
  return cell;
}

/** The table a sheet holds by its name: the table's name, or the export's name for it in any language. */
export function tableOfSheetName(sheet: string): TableName | null {
  const name = sheet.trim();
  const lower = name.toLowerCase();
  return TABLE_NAMES.find((table) => table === lower || LANGS.some((lang) => TABLE_LABELS[lang][`export.table.${table}`] === name)) ?? null;
}
