/**
 * The normalized data contract, version 1 (see README "Data contract").
 * Money in 万元, rates as fractions, unknown = null (never 0).
 */

export type Level1 = '产出指标' | '效益指标' | '满意度指标';

export type IndicatorKind =
  | 'quantity'
  | 'rank'
  | 'frequency'
  | 'deadline'
  | 'range'
  | 'relative'
  | 'qualitative';

export type TargetOp = '>=' | '<=' | '=' | 'between';

/**
 * `claimed`: the actual restates the target or the indicator's name, or says done with no figure
 * (claimed, not verifiable); `unknown`: no target or no actual to compare.
 */
export type IndicatorStatus = 'met' | 'partial' | 'not_met' | 'claimed' | 'unknown';

export type Severity = 'error' | 'warning' | 'info';

/** The languages a finding's message is rendered in (src/lib/findings/messages.ts). */
export type MessageLang = 'zh' | 'en';

export type FindingCode =
  | 'TOTAL_SCORE_MISMATCH'
  | 'BUDGET_POINTS_MISPLACED'
  | 'EXECUTION_RATE_MISMATCH'
  | 'BUDGET_ADJUSTED'
  | 'LEVEL1_WEIGHT_MISMATCH'
  | 'FULL_SCORE_TARGET_MISSED'
  | 'DEDUCTION_WITHOUT_REASON'
  | 'TARGET_MISSING'
  | 'ACTUAL_UNVERIFIABLE'
  | 'FIELD_MISSING'
  | 'ROW_REPAIRED'
  | 'SCORE_EXCEEDS_WEIGHT'
  // 复核 (issue 19): a self-score beyond the published scoring rules
  | 'SELF_SCORE_INFLATED'
  // added codes (contract: "more may be added")
  | 'NARRATIVE_MISMATCH'
  | 'BUDGET_LINES_MISMATCH'
  | 'LEVEL2_MISFILED'
  // impossible figures and repaired bytes (issue 16)
  | 'NEGATIVE_AMOUNT'
  | 'FIELD_INVALID'
  | 'EXECUTION_OVER_BUDGET'
  | 'ENCODING_REPAIRED';

export interface ReportRow {
  report_id: string;
  source_file: string;
  year: number | null;
  province: string | null;
  city: string | null;
  fund: string | null;
  project: string | null;
  project_name_printed: string | null;
  department: string | null;
  implementer: string | null;
  goal_target: string | null;
  goal_actual: string | null;
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  execution_rate: number | null;
  budget_weight: number | null;
  budget_score: number | null;
  total_weight: number | null;
  total_score: number | null;
  declared_total_score: number | null;
  grade: string | null;
  /** Added column: title line as printed (provenance). */
  title: string | null;
  /** Added column: number of indicators. */
  indicator_count: number;
  /** Added column: number of findings. */
  finding_count: number;
  /** Added column: how the file was read: `text`, `pipe`, `docx`, `xlsx` or `html`. */
  source_format: string;
  /** Added column: where the table starts in the file (`L23`, `T2.R1.C1 ¶40`, `Sheet1!A3`, `T1.R1.C1 L88`). */
  source_ref: string | null;
  /** Added column: the unit the table printed money in (`万元`, or `元` converted to 万元 in every money column). */
  money_unit: string;
  /** Added column (复核, src/parser/rescore.ts): the self-score capped, unit by unit, at what the published rules allow. */
  rule_total_score: number | null;
  /** Added column: share of the points (budget and indicators) whose rule could be checked, 0–1. */
  rule_coverage: number | null;
  /** Added column: the grade of rule_total_score. */
  rule_grade: string | null;
  /** Added column: total_score − rule_total_score (≥ 0): points claimed beyond the rules. */
  rule_gap: number | null;
  /** Added column: the budget's points under 执行率 × 分值 (or its self-score where that cannot be checked). */
  rule_budget_score: number | null;
}

export const BUDGET_LINE_KINDS = ['total', 'appropriation', 'carryover', 'other'] as const;

/** The normalized 一级 indicators, in the order the self-evaluation table prints them (domain.md). */
export const LEVEL1_ORDER = ['产出指标', '效益指标', '满意度指标'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

export interface BudgetLineRow {
  report_id: string;
  line: BudgetLineKind;
  line_label: string;
  budget_initial: number | null;
  budget_adjusted: number | null;
  executed: number | null;
  weight: number | null;
  score: number | null;
  execution_rate_declared: number | null;
  execution_rate: number | null;
  /** Added column: line of the source file where the row starts. */
  source_line: number;
  /** Added column: the position of the row's label in the file's own terms (see reports.source_ref). */
  source_ref: string | null;
}

export interface IndicatorRow {
  report_id: string;
  seq: number;
  level1: Level1 | null;
  level2: string | null;
  level3: string;
  target_text: string | null;
  actual_text: string | null;
  weight: number | null;
  score: number | null;
  group_id: string | null;
  deviation: string | null;
  kind: IndicatorKind;
  target_op: TargetOp | null;
  target_value: number | null;
  target_value_max: number | null;
  target_unit: string | null;
  actual_value: number | null;
  actual_unit: string | null;
  status: IndicatorStatus;
  status_reason: string | null;
  achievement: number | null;
  line: number;
  /** Added column: line of the 三级 cell, where the indicator's own text is (findings point here). */
  level3_line: number;
  /** Added column: 一级 label as printed, e.g. `产出指标(50分)`. */
  level1_printed: string | null;
  /** Added column: 二级 label as printed. */
  level2_printed: string | null;
  /** Added column: the weight of the merged group this row belongs to (every row of the group). */
  group_weight: number | null;
  /** Added column: the score of the merged group (every row of the group). */
  group_score: number | null;
  /** Added column: the position of the 三级 cell in the file's own terms (see reports.source_ref). */
  source_ref: string | null;
  /** Added column (复核): what the rules allow the indicator (its share of a merged group's points). */
  rule_score: number | null;
  /** Added column: the rule applied (src/parser/rescore.ts RuleCode: met_full, ratio_up, not_verifiable…). */
  rule: string | null;
  /** Added column: the rule's arithmetic, language-neutral (`6 ÷ 10 × 4 = 2.4`). */
  rule_note: string | null;
}

export interface FindingRow {
  report_id: string;
  code: FindingCode;
  severity: Severity;
  field: string | null;
  expected: string | null;
  found: string | null;
  message: string;
  line: number | null;
  /** Added column: the position `line` points at, in the file's own terms (see reports.source_ref). */
  source_ref: string | null;
  /** Added column: the message's named parameters as JSON (`{"seq":3,"name":"…"}`); `message` is rendered from code and these. */
  params: string | null;
}

export interface NormalizedTables {
  reports: ReportRow[];
  budget_lines: BudgetLineRow[];
  indicators: IndicatorRow[];
  findings: FindingRow[];
}

export const TABLE_NAMES = ['reports', 'budget_lines', 'indicators', 'findings'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Why a file, or one table of it, could not be read as a report. */
export class ReportParseError extends Error {
  readonly file: string;
  readonly line: number | null;
  /** The position in the file's own terms when it is not a line of text: `T1.R3.C2 ¶45`, `Sheet1!B7`. */
  readonly ref: string | null;
  constructor(file: string, message: string, line: number | null = null, ref: string | null = null) {
    super(`${file}${ref != null ? `:${ref}` : line != null ? `:${line}` : ''}: ${message}`);
    this.name = 'ReportParseError';
    this.file = file;
    this.line = line;
    this.ref = ref;
  }
}
