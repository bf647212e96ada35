/**
 * Checks rows of a contract table read from a CSV file or a sheet against the one schema
 * (src/parser/schema.ts) and types their values: text, whole numbers, numbers, the few columns
 * with a fixed set of values. Every problem names the file, the line and the column.
 */
import { SCHEMA, type ColumnSpec } from '../../parser/schema.ts';
import { contractColumnName } from '../column-labels.ts';
import { BUDGET_LINE_KINDS, type TableName } from '../../parser/types.ts';
import { removeNeutralizing } from '../export/neutralize.ts';
import type { ProblemList } from './import-problem.ts';

export type ContractValue = string | number | null;
export type ContractRow = Record<string, ContractValue>;

/** Columns whose values the views rely on: a value outside the list would vanish from charts. */
export const ALLOWED_VALUES: Partial<Record<TableName, Record<string, readonly string[]>>> = {
  budget_lines: { line: BUDGET_LINE_KINDS },
  indicators: {
    kind: ['quantity', 'rank', 'frequency', 'deadline', 'range', 'relative', 'qualitative'],
    target_op: ['>=', '<=', '=', 'between'],
    status: ['met', 'partial', 'not_met', 'claimed', 'unknown'],
  },
  findings: { severity: ['error', 'warning', 'info'] },
};

/** Columns an export of the app may add that carry nothing to import. */
const IGNORED_COLUMNS = new Set(['origin']);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+(\.0*)?$/;
/** The range of the contract's whole-number columns (SQL INTEGER). */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export const requiredColumns = (table: TableName): string[] => SCHEMA[table].filter((c) => !c.added).map((c) => c.name);
export const knownColumns = (table: TableName): string[] => SCHEMA[table].map((c) => c.name);

export const listNames = (names: readonly string[]): string => names.join('、');

/** A table of one file being read: check the header once, then each row. */
export class ContractTableReader {
  readonly rows: ContractRow[] = [];
  /** The line (or sheet row) of each row, for messages about it later. */
  readonly lines: number[] = [];
  private readonly columns: { index: number; spec: ColumnSpec }[] = [];
  readonly headerOk: boolean;
  /** How many fields the header has: every line of a CSV file must have as many. */
  readonly width: number;

  constructor(readonly table: TableName, readonly file: string, header: readonly string[], private readonly problems: ProblemList) {
    // A header as the export writes it for people (labels in either language) reads as the contract's names.
    const names = header.map((name) => contractColumnName(table, String(name ?? '').replace(/^\uFEFF/, '').trim()));
    this.width = names.length;
    const missing = requiredColumns(table).filter((name) => !names.includes(name));
    const known = new Map(SCHEMA[table].map((spec) => [spec.name, spec]));
    const unknown = names.filter((name) => name !== '' && !known.has(name) && !IGNORED_COLUMNS.has(name));
    if (missing.length > 0) problems.add({ kind: 'missingColumns', file, line: 1, found: listNames(missing), expected: listNames(requiredColumns(table)) });
    if (unknown.length > 0) problems.add({ kind: 'unknownColumns', file, line: 1, found: listNames(unknown), expected: listNames(knownColumns(table)) });
    names.forEach((name, index) => {
      const spec = known.get(name);
      if (spec) this.columns.push({ index, spec });
    });
    this.headerOk = missing.length === 0 && unknown.length === 0;
  }

  /** Adds one data row (cells in header order); returns false when it had a problem. */
  add(cells: readonly unknown[], line: number): boolean {
    if (!this.headerOk) return false;
    const row: ContractRow = {};
    let ok = true;
    for (const { index, spec } of this.columns) {
      const value = this.convert(spec, cells[index], line);
      if (value === undefined) ok = false;
      else row[spec.name] = value;
    }
    if (ok) {
      this.rows.push(row);
      this.lines.push(line);
    }
    return ok;
  }

  /** The typed value, or undefined after recording a problem. */
  private convert(spec: ColumnSpec, cell: unknown, line: number): ContractValue | undefined {
    const where = { file: this.file, line, column: spec.name };
    if (cell == null || (typeof cell === 'string' && cell.trim() === '')) {
      if (spec.required) {
        this.problems.add({ kind: 'required', ...where });
        return undefined;
      }
      return null;
    }
    if (spec.type === 'text') {
      // An export neutralizes formulas with a leading `'`, which may stand before white space.
      const text = removeNeutralizing((cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim()).trim();
      const allowed = ALLOWED_VALUES[this.table]?.[spec.name];
      if (allowed && !allowed.includes(text)) {
        this.problems.add({ kind: 'notAllowed', ...where, found: text, expected: allowed.join(' / ') });
        return undefined;
      }
      return text;
    }
    const text = typeof cell === 'number' ? null : String(cell).trim();
    const number = typeof cell === 'number' ? cell : text !== null && NUMBER.test(text) ? Number(text) : NaN;
    if (spec.type === 'integer') {
      const whole = Number.isInteger(number) && (text === null || INTEGER.test(text));
      if (whole && number >= INT32_MIN && number <= INT32_MAX) return number;
      // Beyond DuckDB's INTEGER the load would fail later, naming its own copy of the rows.
      this.problems.add({ kind: whole ? 'integerRange' : 'notInteger', ...where, found: text ?? String(cell) });
      return undefined;
    }
    if (Number.isFinite(number)) return number;
    this.problems.add({ kind: 'notNumber', ...where, found: text ?? String(cell) });
    return undefined;
  }
}

/** The table a CSV file holds: by its name (`reports.csv`, `2023-reports.csv`), else by its header. */
export function tableOfCsv(fileName: string, header: readonly string[]): TableName | null {
  const stem = fileName.toLowerCase().replace(/\.[^.]*$/, '');
  const tables = Object.keys(SCHEMA) as TableName[];
  const byName = tables.find((table) => stem === table) ?? tables.find((table) => new RegExp(`(^|[^a-z])${table}$`).test(stem));
  if (byName) return byName;
  const cells = header.map((name) => String(name).replace(/^\uFEFF/, '').trim());
  // The table whose required columns are all there and that explains the most header names.
  let best: { table: TableName; known: number } | null = null;
  for (const table of tables) {
    const names = new Set(cells.map((cell) => contractColumnName(table, cell)));
    if (!requiredColumns(table).every((name) => names.has(name))) continue;
    const known = knownColumns(table).filter((name) => names.has(name)).length;
    if (!best || known > best.known) best = { table, known };
  }
  return best?.table ?? null;
}
