/**
 * What the explorer knows about each column of the four tables: how it is filtered (text search,
 * number range or choice list), what unit its numbers carry, and how a grouping aggregates it.
 * The column names come from the one schema (src/parser/schema.ts); this catalogue is the only
 * source of identifiers the explorer's queries put into SQL, so a URL can never name another.
 */
import { SCHEMA } from '../parser/schema.ts';
import { TABLE_NAMES, type TableName } from '../parser/types.ts';

export { TABLE_NAMES as EXPLORER_TABLES, type TableName };

/** How a column is filtered: free text, a min–max range, or a list of its distinct values. */
export type FilterKind = 'text' | 'number' | 'choice';

/**
 * What a number means, for display and grouping: 万元 (`money`), a fraction shown as % (`rate`),
 * points (`points`), a count, a plain number (`plain`: targets in mixed units), or an identifier
 * that merely happens to be a number (`ordinal`: years, line numbers, sequence numbers).
 */
export type NumberUnit = 'money' | 'rate' | 'points' | 'count' | 'plain' | 'ordinal';

/** A group's figure for a numeric column: the sum (additive), the mean (ratios), or none. */
export type Aggregate = 'sum' | 'avg';

export interface ExplorerColumn {
  name: string;
  filter: FilterKind;
  /** Set for numeric columns (integer and number in the schema). */
  unit?: NumberUnit;
  aggregate?: Aggregate;
  /** Long free text: clipped in cells, never offered for grouping. */
  long?: boolean;
  /** Hidden until the reader shows it (the table stays readable at a glance). */
  hidden?: boolean;
}

type Spec = Partial<Omit<ExplorerColumn, 'name'>>;

const choice: Spec = { filter: 'choice' };
const long: Spec = { long: true, hidden: true };
const hidden: Spec = { hidden: true };
const money: Spec = { unit: 'money', aggregate: 'sum' };
const points: Spec = { unit: 'points', aggregate: 'sum' };
const meanPoints: Spec = { unit: 'points', aggregate: 'avg' };
const rate: Spec = { unit: 'rate', aggregate: 'avg' };
const ordinal: Spec = { unit: 'ordinal' };
const lineNumber: Spec = { unit: 'ordinal', hidden: true };
/** Rows below a report show its project instead of the id (the id stays one click away). */
const byProject: Spec = { hidden: true };

/** Per-table overrides of what the schema's type implies (text → search, number → plain). */
const SPECS: Record<TableName, Record<string, Spec>> = {
  reports: {
    source_file: hidden, year: { ...choice, unit: 'ordinal' }, province: { ...choice, hidden: true }, city: choice, fund: choice,
    project_name_printed: hidden, department: choice, implementer: hidden, goal_target: long, goal_actual: long,
    budget_initial: money, budget_adjusted: money, executed: money, execution_rate: rate,
    // A report's points are compared, not added up: a group shows their mean.
    budget_weight: { ...meanPoints, hidden: true }, budget_score: meanPoints, total_weight: { ...meanPoints, hidden: true },
    total_score: meanPoints, declared_total_score: { ...meanPoints, hidden: true }, grade: choice, title: long,
    indicator_count: { unit: 'count', aggregate: 'sum' }, finding_count: { unit: 'count', aggregate: 'sum' },
    rule_total_score: meanPoints, rule_coverage: { ...rate, hidden: true }, rule_grade: { ...choice, hidden: true }, rule_gap: meanPoints,
    rule_budget_score: { ...meanPoints, hidden: true },
  },
  budget_lines: {
    report_id: byProject, line: choice, budget_initial: money, budget_adjusted: money, executed: money, weight: points, score: points,
    execution_rate_declared: rate, execution_rate: rate, source_line: lineNumber,
  },
  indicators: {
    report_id: byProject, seq: { ...ordinal, hidden: true }, level1: choice, level2: choice, target_text: hidden, actual_text: hidden, weight: points, score: points,
    group_id: hidden, deviation: long, kind: choice, target_op: { ...choice, hidden: true }, target_value: hidden,
    target_value_max: hidden, target_unit: { ...choice, hidden: true }, actual_value: hidden,
    actual_unit: { ...choice, hidden: true }, status: choice, achievement: rate, line: lineNumber,
    level3_line: lineNumber, level1_printed: hidden, level2_printed: hidden,
    // A merged group's points repeat on each of its rows: summing them would count them twice.
    group_weight: { unit: 'points', hidden: true }, group_score: { unit: 'points', hidden: true },
    rule_score: { ...points, hidden: true }, rule: { ...choice, hidden: true }, rule_note: hidden,
  },
  findings: { report_id: byProject, code: choice, severity: choice, field: hidden, message: long, line: lineNumber },
};

function catalogue(table: TableName): ExplorerColumn[] {
  return SCHEMA[table].map(({ name, type }) => {
    const numeric = type !== 'text';
    const base: ExplorerColumn = numeric ? { name, filter: 'number', unit: 'plain' } : { name, filter: 'text' };
    return { ...base, ...SPECS[table][name] };
  });
}

export const EXPLORER_COLUMNS: Record<TableName, readonly ExplorerColumn[]> = {
  reports: catalogue('reports'),
  budget_lines: catalogue('budget_lines'),
  indicators: catalogue('indicators'),
  findings: catalogue('findings'),
};

export const isExplorerTable = (value: string | null): value is TableName =>
  value != null && (TABLE_NAMES as readonly string[]).includes(value);

/** The table or an error: a table name is an identifier, so only the four of the contract pass. */
export function requireTable(table: string): TableName {
  if (!isExplorerTable(table)) throw new Error(`explorer: unknown table "${table}"`);
  return table;
}

export function explorerColumn(table: TableName, name: string): ExplorerColumn | undefined {
  return EXPLORER_COLUMNS[table].find((column) => column.name === name);
}

/** The column or an error: every identifier that reaches SQL passes through here. */
export function requireColumn(table: TableName, name: string): ExplorerColumn {
  const column = explorerColumn(table, name);
  if (!column) throw new Error(`explorer: ${table} has no column "${name}"`);
  return column;
}

/** Columns a table can be grouped by: categories and short text, not numbers or long prose. */
export const isGroupable = (column: ExplorerColumn): boolean =>
  !column.long && (column.filter !== 'number' || column.unit === 'ordinal');

/** Rows of a table never repeat these, so pages neither overlap nor skip between equal keys. */
export const ROW_KEYS: Record<TableName, readonly string[]> = {
  reports: ['report_id'],
  budget_lines: ['report_id', 'line'],
  indicators: ['report_id', 'seq'],
  findings: ['report_id', 'line', 'code', 'field', 'message'],
};

/** The default order of each table: its natural key. */
export const DEFAULT_SORT: Record<TableName, readonly { id: string; desc: boolean }[]> = {
  reports: [{ id: 'report_id', desc: false }],
  budget_lines: [{ id: 'report_id', desc: false }],
  indicators: [{ id: 'report_id', desc: false }, { id: 'seq', desc: false }],
  findings: [{ id: 'report_id', desc: false }, { id: 'line', desc: false }],
};

/** A column name as an SQL identifier, qualified by `alias`. Only ever called on catalogue names. */
export const columnSql = (alias: string, name: string): string => `${alias}."${name}"`;
