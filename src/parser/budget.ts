/**
 * The budget block: funding rows as printed (budget_lines) and the report's resolved
 * figures (contract: a blank 年度资金总额 row takes the sum of the funding-source rows;
 * points printed on a sub-row belong to the total; points printed twice count once).
 */
import { parseNumberCell } from './numbers.ts';
import type { FindingSink } from './findings.ts';
import type { BudgetRowCells } from './layout/read-table.ts';
import type { BudgetLineRow } from './types.ts';

export interface ResolvedBudget {
  lines: BudgetLineRow[];
  budgetInitial: number | null;
  budgetAdjusted: number | null;
  executed: number | null;
  executionRate: number | null;
  weight: number | null;
  score: number | null;
}

const RATE_TOLERANCE = 0.005;
const POINTS_TOLERANCE = 0.001;
/** Cells that say "nothing here": not a figure, and not a wrong one either. */
const NOTHING = /^(?:[\/／\\]|—{1,8}|-{1,8}|无|不适用|…{1,8})$/;

/**
 * A figure's cell that holds text no number can be read from (`abc`, `12.34.56`, `NaN`, `1e308`),
 * or points below zero. Reported on the row's label, where the budget's findings point.
 */
function checkCells(row: BudgetRowCells, findings: FindingSink): void {
  for (const [key, cell] of Object.entries(row.values)) {
    if (!cell || key === 'reason' || cell.compact === '' || NOTHING.test(cell.compact)) continue;
    const parsed = parseNumberCell(key === 'rate' ? rateText(cell.text) : cell.text);
    const points = key === 'weight' || key === 'score';
    const unit = parsed?.unit ?? null;
    const wrongUnit = unit != null && (points ? unit !== '分' : key === 'rate' ? unit !== '%' : CELL_MONEY[unit] == null);
    if (parsed == null || (points && parsed.value < 0) || wrongUnit) {
      findings.add('FIELD_INVALID', 'error', `budget_lines.${row.kind}.${key}`, points ? '非负数字 / a number of at least 0' : '数字 / a number', cell.text,
        { variant: points ? 'budgetPoints' : 'budgetNumber', label: row.label.text, column: key, text: cell.text }, row.label.line);
    }
  }
}
const MONEY_TOLERANCE = 0.005;

/** Money units a cell may print after its figure, as 万元 per unit. */
const CELL_MONEY: Readonly<Record<string, number>> = { 元: 1 / 10_000, 万元: 1, 万: 1, 亿元: 10_000, 亿: 10_000 };

/**
 * A money cell in 万元: a unit printed in the cell (`2,660,000元`) is the cell's own and wins over
 * the table's; a unit that is no money (`95%`, `3个`) makes no amount (FIELD_INVALID from checkCells).
 */
const money = (row: BudgetRowCells, column: 'budget_initial' | 'budget_adjusted' | 'executed', factor: number) => {
  const parsed = parseNumberCell(row.values[column]?.text ?? '');
  if (!parsed) return null;
  if (parsed.unit == null) return factor === 1 ? parsed.value : round(parsed.value * factor);
  const own = CELL_MONEY[parsed.unit];
  return own == null ? null : round(parsed.value * own);
};

/** Points: a number, `分` at most; below zero or in another unit, no points (FIELD_INVALID from checkCells). */
const points = (row: BudgetRowCells, column: 'weight' | 'score') => {
  const parsed = parseNumberCell(row.values[column]?.text ?? '');
  return parsed == null || parsed.value < 0 || (parsed.unit != null && parsed.unit !== '分') ? null : parsed.value;
};

/** How a figure printed in the table's unit becomes 万元. */
const TO_WAN: Record<'万元' | '元', number> = { 万元: 1, 元: 1 / 10_000 };

/** A rate printed as an aside, in brackets (滁州's sub-rows: `（100%）`). Brackets around money would be a guess (a negative?). */
const BRACKETED = /^[(（](.*)[)）]$/;
const rateText = (text: string) => text.replace(BRACKETED, '$1');

/** `100%` → 1; a bare `1` or `0.95` is already a fraction, a bare `95` is a percentage. */
function rate(row: BudgetRowCells): number | null {
  const parsed = parseNumberCell(rateText(row.values.rate?.text ?? ''));
  if (!parsed) return null;
  return parsed.unit === '%' || parsed.value > 1.5 ? round(parsed.value / 100) : parsed.value;
}

const ratio = (a: number | null, b: number | null) => (a != null && b != null && b !== 0 ? a / b : null);
const sum = (values: (number | null)[]) => (values.some((v) => v != null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null);
const round = (v: number) => Math.round(v * 1e6) / 1e6;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export interface BudgetLayout {
  /** The unit the table prints money in; the contract's figures are in 万元. */
  moneyUnit: '万元' | '元';
  /** The budget's points printed in the block's label, where no 分值 column gives them. */
  points: number | null;
}

export function resolveBudget(reportId: string, rows: BudgetRowCells[], findings: FindingSink, layout: BudgetLayout = { moneyUnit: '万元', points: null }): ResolvedBudget {
  const factor = TO_WAN[layout.moneyUnit];
  const lines: BudgetLineRow[] = rows.map((row) => {
    const budgetAdjusted = money(row, 'budget_adjusted', factor);
    const executed = money(row, 'executed', factor);
    return {
      report_id: reportId,
      line: row.kind,
      line_label: row.label.text,
      budget_initial: money(row, 'budget_initial', factor),
      budget_adjusted: budgetAdjusted,
      executed,
      weight: points(row, 'weight'),
      score: points(row, 'score'),
      execution_rate_declared: rate(row),
      execution_rate: ratio(executed, budgetAdjusted),
      source_line: row.label.line,
      source_ref: row.label.ref,
    };
  });
  rows.forEach((row) => checkCells(row, findings));
  for (const line of lines) {
    for (const key of ['budget_initial', 'budget_adjusted', 'executed'] as const) {
      const amount = line[key];
      if (amount != null && amount < 0) {
        findings.add('NEGATIVE_AMOUNT', 'error', `budget_lines.${line.line}.${key}`, '≥ 0', String(amount),
          { label: line.line_label, column: key, amount }, line.source_line);
      }
    }
    if (line.execution_rate_declared != null && line.execution_rate != null && Math.abs(line.execution_rate_declared - line.execution_rate) > RATE_TOLERANCE) {
      findings.add('EXECUTION_RATE_MISMATCH', 'error', `budget_lines.${line.line}.execution_rate`, percent(line.execution_rate), percent(line.execution_rate_declared),
        { label: line.line_label, declared: line.execution_rate_declared, computed: line.execution_rate }, line.source_line);
    }
  }
  const total = lines.find((l) => l.line === 'total');
  const sources = lines.filter((l) => l.line !== 'total');
  const totalBlank = !total || (total.budget_initial == null && total.budget_adjusted == null && total.executed == null);
  const pick = (key: 'budget_initial' | 'budget_adjusted' | 'executed') => {
    const fromSources = sum(sources.map((l) => l[key]));
    if (totalBlank) return fromSources;
    const printed = total![key];
    if (printed != null && fromSources != null && Math.abs(printed - fromSources) > MONEY_TOLERANCE) {
      findings.add('BUDGET_LINES_MISMATCH', 'error', `reports.${key}`, String(round(fromSources)), String(printed),
        { printed, sum: round(fromSources) }, total!.source_line);
    }
    return printed;
  };
  const budgetInitial = pick('budget_initial');
  const budgetAdjusted = pick('budget_adjusted');
  const executed = pick('executed');
  const resolved = resolvePoints(total ?? null, sources, findings);
  // 湖北's form prints the budget's points in its label only (`预算执行情况（万元）（20分）`).
  const weight = resolved.weight ?? layout.points;
  const score = resolved.score;

  const totalLine = (total && !totalBlank ? total : sources[0] ?? total)?.source_line ?? null;
  if (executed != null && budgetAdjusted != null && budgetAdjusted >= 0 && executed > budgetAdjusted + MONEY_TOLERANCE) {
    findings.add('EXECUTION_OVER_BUDGET', 'error', 'reports.executed', `≤ ${budgetAdjusted}`, String(executed),
      { executed, budget: budgetAdjusted }, totalLine);
  }
  if (weight != null && score != null && score > weight + POINTS_TOLERANCE) {
    findings.add('SCORE_EXCEEDS_WEIGHT', 'error', 'reports.budget_score', String(weight), String(score),
      { variant: 'budget', score, weight }, totalLine);
  }
  if (budgetInitial != null && budgetAdjusted != null && Math.abs(budgetInitial - budgetAdjusted) > MONEY_TOLERANCE) {
    const againstInitial = ratio(executed, budgetInitial);
    findings.add('BUDGET_ADJUSTED', 'warning', 'reports.budget_adjusted', String(budgetInitial), String(budgetAdjusted),
      { variant: budgetAdjusted < budgetInitial ? 'cut' : 'raised', initial: budgetInitial, adjusted: budgetAdjusted, rate: againstInitial }, totalLine);
  }
  return { lines, budgetInitial, budgetAdjusted, executed, executionRate: ratio(executed, budgetAdjusted), weight, score };
}

/** Budget points (分值/得分): on the total row, or on a sub-row (moved), or on both (counted once). */
function resolvePoints(total: BudgetLineRow | null, sources: BudgetLineRow[], findings: FindingSink) {
  const resolve = (key: 'weight' | 'score') => {
    const onSources = sources.filter((l) => l[key] != null);
    const printed = total?.[key] ?? null;
    if (onSources.length === 0) return printed;
    const sub = onSources[0];
    if (printed == null) {
      findings.add('BUDGET_POINTS_MISPLACED', 'info', `budget_lines.${sub.line}.${key}`, '年度资金总额', sub.line_label,
        { variant: 'moved', column: key, value: sub[key], label: sub.line_label }, sub.source_line);
      return sub[key];
    }
    findings.add('BUDGET_POINTS_MISPLACED', 'warning', `budget_lines.${sub.line}.${key}`, String(printed), String(sub[key]),
      { variant: 'twice', column: key, printed, label: sub.line_label }, sub.source_line);
    return printed;
  };
  return { weight: resolve('weight'), score: resolve('score') };
}
