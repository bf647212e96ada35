import type { TableName } from './types.ts';

/** SQL type of a contract column; also drives CSV formatting and import validation. */
export type ColumnType = 'text' | 'integer' | 'number';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** True for columns that may never be blank (ids, codes, messages). */
  required?: boolean;
  /** True for the columns this project added to contract version 1 (a dataset may lack them). */
  added?: boolean;
}

const text = (name: string, required = false): ColumnSpec => ({ name, type: 'text', required });
const int = (name: string, required = false): ColumnSpec => ({ name, type: 'integer', required });
const num = (name: string): ColumnSpec => ({ name, type: 'number' });
/** Marks columns added to the contract. */
const added = (...columns: ColumnSpec[]): ColumnSpec[] => columns.map((c) => ({ ...c, added: true }));

/**
 * Column order of every table, contract version 1 first, added columns after.
 * This is the single source of truth for the CSV writer, the DuckDB DDL and import checks.
 */
export const SCHEMA: Record<TableName, ColumnSpec[]> = {
  reports: [
    text('report_id', true), text('source_file', true), int('year'), text('province'), text('city'),
    text('fund'), text('project'), text('project_name_printed'), text('department'),
    text('implementer'), text('goal_target'), text('goal_actual'), num('budget_initial'),
    num('budget_adjusted'), num('executed'), num('execution_rate'), num('budget_weight'),
    num('budget_score'), num('total_weight'), num('total_score'), num('declared_total_score'),
    text('grade'),
    ...added(text('title'), int('indicator_count'), int('finding_count'), text('source_format'), text('source_ref'), text('money_unit'),
      num('rule_total_score'), num('rule_coverage'), text('rule_grade'), num('rule_gap'), num('rule_budget_score')),
  ],
  budget_lines: [
    text('report_id', true), text('line', true), text('line_label'), num('budget_initial'),
    num('budget_adjusted'), num('executed'), num('weight'), num('score'),
    num('execution_rate_declared'), num('execution_rate'),
    ...added(int('source_line'), text('source_ref')),
  ],
  indicators: [
    text('report_id', true), int('seq', true), text('level1'), text('level2'), text('level3', true),
    text('target_text'), text('actual_text'), num('weight'), num('score'), text('group_id'),
    text('deviation'), text('kind'), text('target_op'), num('target_value'),
    num('target_value_max'), text('target_unit'), num('actual_value'), text('actual_unit'),
    text('status'), text('status_reason'), num('achievement'), int('line'),
    ...added(int('level3_line'), text('level1_printed'), text('level2_printed'), num('group_weight'), num('group_score'), text('source_ref'),
      num('rule_score'), text('rule'), text('rule_note')),
  ],
  findings: [
    text('report_id', true), text('code', true), text('severity', true), text('field'),
    text('expected'), text('found'), text('message', true), int('line'),
    ...added(text('source_ref'), text('params')),
  ],
};

export const SQL_TYPES: Record<ColumnType, 'VARCHAR' | 'INTEGER' | 'DOUBLE'> = { text: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE' };

/** `CREATE TABLE` statement for one contract table (DuckDB dialect). */
export function createTableSql(table: TableName, qualifiedName: string = table): string {
  const columns = SCHEMA[table].map((c) => `"${c.name}" ${SQL_TYPES[c.type]}`).join(', ');
  return `CREATE TABLE ${qualifiedName} (${columns})`;
}

/** Column name → SQL type map, the form DuckDB's `read_csv(columns = {...})` takes. */
export function csvColumnTypes(table: TableName): Record<string, string> {
  return Object.fromEntries(SCHEMA[table].map((c) => [c.name, SQL_TYPES[c.type]]));
}
