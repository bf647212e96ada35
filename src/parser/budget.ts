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
const MONEY_NAMES = { budget_initial: '年初预算数', budget_adjusted: '全年预算数', executed: '全年执行数' } as const;
const MONEY_NAMES_EN = { budget_initial: 'initial budget', budget_adjusted: 'adjusted budget', executed: 'amount executed' } as const;
const CELL_NAMES: Record<string, string> = { ...MONEY_NAMES, weight: '分值', rate: '执行率', score: '得分' };
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
        `“${row.label.text}”的${CELL_NAMES[key] ?? key}“${cell.text}”不是${points ? '可能的分数' : '数字'}，按空白处理 / the ${key.replace('_', ' ')} of “${row.label.text}” is “${cell.text}”, not ${points ? 'a possible number of points' : 'a number'}: read as blank`, row.label.line);
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
/** 万元 in the English half of a message, as the app's English pages give money: `CNY 5.9304 M`. */
const inMillions = (wan: number) => `CNY ${round(wan / 100)} M`;
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
          `“${line.line_label}”的${MONEY_NAMES[key]}为负数（${amount} 万元）/ the ${MONEY_NAMES_EN[key]} of “${line.line_label}” is negative (${inMillions(amount)})`, line.source_line);
      }
    }
    if (line.execution_rate_declared != null && line.execution_rate != null && Math.abs(line.execution_rate_declared - line.execution_rate) > RATE_TOLERANCE) {
      findings.add('EXECUTION_RATE_MISMATCH', 'error', `budget_lines.${line.line}.execution_rate`, percent(line.execution_rate), percent(line.execution_rate_declared),
        `“${line.line_label}”执行率填报 ${percent(line.execution_rate_declared)}，按全年执行数/全年预算数应为 ${percent(line.execution_rate)} / execution rate of “${line.line_label}” declared as ${percent(line.execution_rate_declared)}, executed ÷ adjusted budget gives ${percent(line.execution_rate)}`, line.source_line);
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
        `年度资金总额 ${printed} 万元与各资金来源之和 ${round(fromSources)} 万元不符 / the total row’s ${inMillions(printed)} differs from the sum of its funding sources, ${inMillions(round(fromSources))}`, total!.source_line);
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
      `全年执行数 ${executed} 万元超过全年预算数 ${budgetAdjusted} 万元 / executed ${inMillions(executed)}, more than the adjusted budget of ${inMillions(budgetAdjusted)}`, totalLine);
  }
  if (weight != null && score != null && score > weight + POINTS_TOLERANCE) {
    findings.add('SCORE_EXCEEDS_WEIGHT', 'error', 'reports.budget_score', String(weight), String(score),
      `预算执行得分 ${score} 超过分值 ${weight} / the budget's score ${score} exceeds its weight ${weight}`, totalLine);
  }
  if (budgetInitial != null && budgetAdjusted != null && Math.abs(budgetInitial - budgetAdjusted) > MONEY_TOLERANCE) {
    const againstInitial = ratio(executed, budgetInitial);
    const direction = budgetAdjusted < budgetInitial ? '调减' : '调增';
    findings.add('BUDGET_ADJUSTED', 'warning', 'reports.budget_adjusted', String(budgetInitial), String(budgetAdjusted),
      `年中预算${direction}：年初 ${budgetInitial} 万元，全年 ${budgetAdjusted} 万元${againstInitial != null ? `，按年初预算的执行率为 ${percent(againstInitial)}` : ''} / budget ${direction === '调减' ? 'cut' : 'raised'} during the year: initial ${inMillions(budgetInitial)}, adjusted ${inMillions(budgetAdjusted)}${againstInitial != null ? `; execution against the initial budget ${percent(againstInitial)}` : ''}`,
      totalLine);
  }
  return { lines, budgetInitial, budgetAdjusted, executed, executionRate: ratio(executed, budgetAdjusted), weight, score };
}

/** Budget points (分值/得分): on the total row, or on a sub-row (moved), or on both (counted once). */
function resolvePoints(total: BudgetLineRow | null, sources: BudgetLineRow[], findings: FindingSink) {
  const resolve = (key: 'weight' | 'score', name: string) => {
    const onSources = sources.filter((l) => l[key] != null);
    const printed = total?.[key] ?? null;
    if (onSources.length === 0) return printed;
    const sub = onSources[0];
    if (printed == null) {
      findings.add('BUDGET_POINTS_MISPLACED', 'info', `budget_lines.${sub.line}.${key}`, '年度资金总额', sub.line_label,
        `预算执行${name}（${sub[key]}）填在“${sub.line_label}”行，已计入年度资金总额 / budget ${key} (${sub[key]}) printed on the row “${sub.line_label}”, counted in the total`, sub.source_line);
      return sub[key];
    }
    findings.add('BUDGET_POINTS_MISPLACED', 'warning', `budget_lines.${sub.line}.${key}`, String(printed), String(sub[key]),
      `预算执行${name}在“年度资金总额”和“${sub.line_label}”行各填一次，只计一次（${printed}）/ budget ${key} printed on “年度资金总额” and on “${sub.line_label}”, counted once (${printed})`, sub.source_line);
    return printed;
  };
  return { weight: resolve('weight', '分值'), score: resolve('score', '得分') };
}
