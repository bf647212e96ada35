/**
 * Column types of the data contract (shared/data-contract.md, version 1), and the DDL that
 * loads the four CSV files. Used by the browser (DuckDB-WASM), the build-time snapshot and the
 * unit tests (native DuckDB), so every path types the columns the same way and never lets
 * DuckDB guess: a blank cell is NULL, an id like `002_…` stays text.
 */
import { LocalizedError, type ErrorKey, type ErrorParams } from '../../localized-error.ts';
import { TABLE_NAMES, type TableName } from '../../../parser/types.ts';
import { SCHEMA, SQL_TYPES } from '../../../parser/schema.ts';

export { TABLE_NAMES, type TableName };

type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE';

/** Contract columns (required in every dataset) then the ingest's added columns (optional), from the one schema. */
export const TABLE_COLUMNS: Record<TableName, { required: Record<string, SqlType>; optional: Record<string, SqlType> }> = Object.fromEntries(
  TABLE_NAMES.map((table) => {
    const pick = (isAdded: boolean) => Object.fromEntries(SCHEMA[table].filter((c) => !!c.added === isAdded).map((c) => [c.name, SQL_TYPES[c.type]]));
    return [table, { required: pick(false), optional: pick(true) }];
  }),
) as Record<TableName, { required: Record<string, SqlType>; optional: Record<string, SqlType> }>;

export const csvFileName = (table: TableName): string => `${table}.csv`;

/** The bundled dataset's CSVs as a DuckDB database, written by the build next to them (src/build/data-plugin.ts). */
export const STARTUP_DATABASE_FILE = 'dataset.duckdb';

/**
 * The header line of a CSV file from its start (a few kB), whichever line ending the file uses:
 * LF, CR LF (Windows) or CR alone (Excel's "CSV (Macintosh)"). DuckDB's reader copes with all
 * three; splitting at LF only took a CR file's whole start for its header.
 */
export const csvHeaderLine = (start: string): string => start.split(/\r\n|\r|\n/, 1)[0];

/** Splits a CSV header line (RFC 4180 quoting, optional BOM) into column names. */
export function parseCsvHeader(firstLine: string): string[] {
  const names: string[] = [];
  const line = firstLine.replace(/^\uFEFF/, '').replace(/\r?\n?$/, '');
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { current += '"'; i++; }
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { names.push(current.trim()); current = ''; }
    else current += ch;
  }
  names.push(current.trim());
  return names;
}

/** A dataset file that cannot be used, named with what is wrong (a message of ERROR_MESSAGES, `dataset.…`). */
export class DatasetError extends LocalizedError {
  constructor(readonly file: string, key: ErrorKey & `dataset.${string}`, params: ErrorParams = {}) {
    super(key, { file, ...params });
    this.name = 'DatasetError';
  }
}

/**
 * Types every column of the header: contract types, VARCHAR for columns the contract doesn't know.
 * A column without a name (the trailing comma Excel may leave on every line) is read as
 * `column<N>` (N its position); a name given twice is refused.
 */
export function csvColumnTypes(table: TableName, header: string[], file = csvFileName(table)): [string, SqlType][] {
  const { required, optional } = TABLE_COLUMNS[table];
  const missing = Object.keys(required).filter((name) => !header.includes(name));
  if (missing.length > 0) throw new DatasetError(file, 'dataset.missingColumns', { columns: missing });
  const twice = [...new Set(header.filter((name, i) => name !== '' && header.indexOf(name) !== i))];
  if (twice.length > 0) throw new DatasetError(file, 'dataset.repeatedColumns', { columns: twice });
  return header.map((name, i) => (name === '' ? [`column${i + 1}`, 'VARCHAR'] : [name, required[name] ?? optional[name] ?? 'VARCHAR']));
}

/** An identifier (a column name) quoted for SQL. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A string literal for SQL. */
export const quoteString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * `CREATE TABLE <target> AS SELECT * FROM read_csv(…)` with every column typed and no sniffing.
 * `source` is a path or registered file name; `target` a (schema-qualified) table name.
 */
export function createTableFromCsvSql(table: TableName, target: string, source: string, header: string[], file = source): string {
  return `CREATE TABLE ${target} AS ${selectFromCsvSql(table, source, header, file)}`;
}

/** Appends the rows of the CSV file `source` (with header `header`) to the table `target`. */
export function insertFromCsvSql(table: TableName, target: string, source: string, header: string[], file = source): string {
  return `INSERT INTO ${target} ${selectFromCsvSql(table, source, header, file)}`;
}

function selectFromCsvSql(table: TableName, source: string, header: string[], file: string): string {
  const columns = csvColumnTypes(table, header, file);
  const columnSpec = columns.map(([name, type]) => `${quoteString(name)}: ${quoteString(type)}`).join(', ');
  return (
    `SELECT * FROM read_csv(${quoteString(source)}, ` +
    `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '', columns = {${columnSpec}})`
  );
}

/** Names the contract requires that `present` lacks (for a table of a DuckDB database file). */
export function missingColumns(table: TableName, present: readonly string[]): string[] {
  return Object.keys(TABLE_COLUMNS[table].required).filter((name) => !present.includes(name));
}

/**
 * `source.<table>` as the app sees it, over one loaded dataset (`source` is a schema of CSV
 * tables or an attached database): contract columns cast to their contract types, and optional
 * columns the dataset lacks as typed NULLs, so queries can rely on all of them.
 */
export function datasetSelectSql(table: TableName, source: string, present: readonly string[]): string {
  const { required, optional } = TABLE_COLUMNS[table];
  const known = { ...required, ...optional };
  const casts = Object.entries(known)
    .filter(([name]) => present.includes(name))
    .map(([name, type]) => `CAST(${quoteIdent(name)} AS ${type}) AS ${quoteIdent(name)}`);
  const absent = Object.entries(optional)
    .filter(([name]) => !present.includes(name))
    .map(([name, type]) => `, CAST(NULL AS ${type}) AS ${quoteIdent(name)}`);
  const replace = casts.length > 0 ? ` REPLACE (${casts.join(', ')})` : '';
  return `SELECT *${replace}${absent.join('')} FROM ${source}.${table}`;
}

/** Every contract column of `table`, required then optional: what a build's start-up database holds. */
export const contractColumns = (table: TableName): string[] => [...Object.keys(TABLE_COLUMNS[table].required), ...Object.keys(TABLE_COLUMNS[table].optional)];
