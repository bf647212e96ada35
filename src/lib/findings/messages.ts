/**
 * Finding messages, one catalogue for every language. The parser emits a finding's code and its
 * named parameters (`findings.params`, JSON); the sentence is rendered from them here: by the
 * ingest into `findings.message` in the language it is asked for (`--lang`), and by the app in the
 * reader's language. A code says one thing in several ways; `params.variant` picks the way
 * (`TARGET_MISSING.fromName`). Pure: the parser, the CLI and the page share it.
 *
 * Templates: `{name}` is a parameter as it is, `{name:format}` through the language's format
 * (FINDING_FORMATS), `{name?…}` the text inside only when `name` is not null.
 */
import { reasonInEnglish } from '../../parser/reasons.ts';
import { fillTemplate } from '../template.ts';
import type { Lang } from '../url-params.ts';

export type FindingParam = string | number | null;
export type FindingParams = Readonly<Record<string, FindingParam>>;

type Templates = Readonly<Record<Lang, string>>;

export const FINDING_MESSAGES = {
  TARGET_MISSING: { zh: '第 {seq} 个指标“{name}”没有年度指标值', en: 'indicator {seq} “{name}”: no target' },
  'TARGET_MISSING.fromName': {
    zh: '第 {seq} 个指标“{name}”的指标值栏为空，目标取自指标名称',
    en: 'indicator {seq} “{name}”: target cell blank, target read from the indicator name',
  },
  ACTUAL_UNVERIFIABLE: { zh: '第 {seq} 个指标“{name}”：{reason}', en: 'indicator {seq} “{name}”: {reason:reason}' },
  'ACTUAL_UNVERIFIABLE.unexplained': { zh: '第 {seq} 个指标“{name}”：实际完成值无法核实', en: 'indicator {seq} “{name}”: the actual value cannot be checked' },
  SCORE_EXCEEDS_WEIGHT: { zh: '第 {seq} 个指标“{name}”得分 {score} 超过分值 {weight}', en: 'indicator {seq} “{name}”: score {score} exceeds weight {weight}' },
  'SCORE_EXCEEDS_WEIGHT.group': {
    zh: '“{name}”等 {count} 个合并计分的指标得分 {score} 超过分值 {weight}',
    en: 'the group of {count} indicators scored together, led by “{name}”: score {score} exceeds weight {weight}',
  },
  'SCORE_EXCEEDS_WEIGHT.budget': { zh: '预算执行得分 {score} 超过分值 {weight}', en: 'the budget\'s score {score} exceeds its weight {weight}' },
  SELF_SCORE_INFLATED: {
    zh: '第 {seq} 个指标“{name}”自评 {declared} 分，按评分规则最多 {allowed} 分（全表自评 {total} 分，复核 {rule} 分，高出 {gap} 分）',
    en: 'indicator {seq} “{name}”: self-scored {declared}, the scoring rules allow {allowed} (report: {total} self-scored, {rule} by the rules, {gap} above)',
  },
  'SELF_SCORE_INFLATED.group': {
    zh: '“{name}”等 {count} 个合并计分的指标自评 {declared} 分，按评分规则最多 {allowed} 分（全表自评 {total} 分，复核 {rule} 分，高出 {gap} 分）',
    en: 'the group of {count} indicators scored together, led by “{name}”: self-scored {declared}, the scoring rules allow {allowed} (report: {total} self-scored, {rule} by the rules, {gap} above)',
  },
  'SELF_SCORE_INFLATED.budget': {
    zh: '预算执行自评 {declared} 分，按执行率 × 分值最多 {allowed} 分（全表自评 {total} 分，复核 {rule} 分，高出 {gap} 分）',
    en: 'budget execution self-scored {declared}, execution rate × points allows {allowed} (report: {total} self-scored, {rule} by the rules, {gap} above)',
  },
  DEDUCTION_WITHOUT_REASON: {
    zh: '第 {seq} 个指标“{name}”扣了 {deducted} 分，但未填写偏差原因',
    en: 'indicator {seq} “{name}”: {deducted} point(s) deducted with no reason given',
  },
  'DEDUCTION_WITHOUT_REASON.group': {
    zh: '“{name}”等 {count} 个合并计分的指标扣了 {deducted} 分，但未填写偏差原因',
    en: 'the group of {count} indicators scored together, led by “{name}”: {deducted} point(s) deducted with no reason given',
  },
  FULL_SCORE_TARGET_MISSED: {
    zh: '“{name}”未达到目标（{target} → {actual:orBlank}），却得满分 {score}/{weight}',
    en: 'full score {score}/{weight} on a missed target: “{name}” ({target} → {actual:orBlank})',
  },
  LEVEL2_MISFILED: {
    zh: '二级指标“{level2}”属于{level1}，却列在“{label}”下',
    en: 'level-2 category “{level2}” belongs to {level1} but is filed under “{label}”',
  },
  LEVEL1_WEIGHT_MISMATCH: {
    zh: '“{label}”标明 {declared} 分，其下指标分值合计 {sum} 分',
    en: 'category “{label}” declares {declared} points; the weights under it add up to {sum}',
  },
  ENCODING_REPAIRED: {
    zh: '第 {line} 行第 {offset} 字节不是有效的 UTF-8 字符，已替换为 �，该处文字可能有误',
    en: 'byte {offset} (line {line}) is no UTF-8 character: replaced by �, the text there may be wrong',
  },
  // The English sentences name the repair only, as they always have.
  'ROW_REPAIRED.split': { zh: '第 {seq} 个指标所在行已修复：与相邻行粘连，已按列数拆开', en: 'fused with a neighbouring row, split by column count' },
  'ROW_REPAIRED.alignedFused': {
    zh: '第 {seq} 个指标所在行已修复：与相邻行粘连：该行只有 {cells} 个单元格（应为 {of} 个），按内容对齐到第 {column} 列起',
    en: '{cells} of {of} cells, aligned from column {column}',
  },
  'ROW_REPAIRED.alignedShort': {
    zh: '第 {seq} 个指标所在行已修复：单元格不全：该行只有 {cells} 个单元格（应为 {of} 个），按内容对齐到第 {column} 列起',
    en: '{cells} of {of} cells, aligned from column {column}',
  },
  'FIELD_INVALID.indicator': {
    zh: '第 {seq} 个指标“{name}”的{column:pointsColumn}“{text}”不是可能的分数，按空白处理',
    en: 'the {column:pointsColumn} of indicator {seq} “{name}” is “{text}”, not a possible number of points: read as blank',
  },
  'FIELD_INVALID.budgetPoints': {
    zh: '“{label}”的{column:cellColumn}“{text}”不是可能的分数，按空白处理',
    en: 'the {column:cellColumn} of “{label}” is “{text}”, not a possible number of points: read as blank',
  },
  'FIELD_INVALID.budgetNumber': {
    zh: '“{label}”的{column:cellColumn}“{text}”不是数字，按空白处理',
    en: 'the {column:cellColumn} of “{label}” is “{text}”, not a number: read as blank',
  },
  'FIELD_MISSING.totalRow': { zh: '表格没有“总分”行（表格可能不完整）', en: 'no “总分” row: the table may be cut off' },
  FIELD_MISSING: { zh: '“{name}”未填写', en: 'the “{name}” field is blank' },
  TOTAL_SCORE_MISMATCH: { zh: '总分填报 {declared}，各项得分合计 {sum}', en: 'declared total score {declared}, but the scores add up to {sum}' },
  'TOTAL_SCORE_MISMATCH.weight': { zh: '总分值填报 {declared}，各项分值合计 {sum}', en: 'declared total weight {declared}, but the weights add up to {sum}' },
  NEGATIVE_AMOUNT: {
    zh: '“{label}”的{column:moneyColumn}为负数（{amount:money}）',
    en: 'the {column:moneyColumn} of “{label}” is negative ({amount:money})',
  },
  EXECUTION_RATE_MISMATCH: {
    zh: '“{label}”执行率填报 {declared:percent}，按全年执行数/全年预算数应为 {computed:percent}',
    en: 'execution rate of “{label}” declared as {declared:percent}, executed ÷ adjusted budget gives {computed:percent}',
  },
  BUDGET_LINES_MISMATCH: {
    zh: '年度资金总额 {printed:money}与各资金来源之和 {sum:money}不符',
    en: 'the total row’s {printed:money} differs from the sum of its funding sources, {sum:money}',
  },
  EXECUTION_OVER_BUDGET: {
    zh: '全年执行数 {executed:money}超过全年预算数 {budget:money}',
    en: 'executed {executed:money}, more than the adjusted budget of {budget:money}',
  },
  'BUDGET_ADJUSTED.cut': {
    zh: '年中预算调减：年初 {initial:money}，全年 {adjusted:money}{rate?，按年初预算的执行率为 {rate:percent}}',
    en: 'budget cut during the year: initial {initial:money}, adjusted {adjusted:money}{rate?; execution against the initial budget {rate:percent}}',
  },
  'BUDGET_ADJUSTED.raised': {
    zh: '年中预算调增：年初 {initial:money}，全年 {adjusted:money}{rate?，按年初预算的执行率为 {rate:percent}}',
    en: 'budget raised during the year: initial {initial:money}, adjusted {adjusted:money}{rate?; execution against the initial budget {rate:percent}}',
  },
  'BUDGET_POINTS_MISPLACED.moved': {
    zh: '预算执行{column:pointsColumn}（{value}）填在“{label}”行，已计入年度资金总额',
    en: 'budget {column:pointsColumn} ({value}) printed on the row “{label}”, counted in the total',
  },
  'BUDGET_POINTS_MISPLACED.twice': {
    zh: '预算执行{column:pointsColumn}在“年度资金总额”和“{label}”行各填一次，只计一次（{printed}）',
    en: 'budget {column:pointsColumn} printed on “年度资金总额” and on “{label}”, counted once ({printed})',
  },
  'NARRATIVE_MISMATCH.score': {
    zh: '报告正文称“{what}为{stated}分”，自评表合计为 {actual} 分',
    en: 'the narrative says “{what}为{stated}分”; the table adds up to {actual}',
  },
  'NARRATIVE_MISMATCH.money': {
    zh: '报告正文称“{quoted}”，与自评表“{name}”的实际完成值 {actual} 不符',
    en: 'the narrative says “{quoted}”, but the table’s actual for “{name}” is {actual}',
  },
} as const satisfies Readonly<Record<string, Templates>>;

export type FindingMessageKey = keyof typeof FINDING_MESSAGES;

/** A value as a format of one language writes it; null comes in only where a template allows a blank. */
type Format = (value: FindingParam) => string;

/** 万元, the contract's unit, rounded as the parser rounds: `5930.4` → `5930.4`. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;
const percent: Format = (v) => `${(Number(v) * 100).toFixed(1)}%`;
const cellNames = { budget_initial: '年初预算数', budget_adjusted: '全年预算数', executed: '全年执行数', weight: '分值', rate: '执行率', score: '得分' } as const;
const lookup = (names: Readonly<Record<string, string>>, otherwise: (v: string) => string): Format => (v) => names[String(v)] ?? otherwise(String(v));

/** How each language writes the values of a message: the one place a finding's wording varies by locale beyond its template. */
export const FINDING_FORMATS: Readonly<Record<Lang, Readonly<Record<string, Format>>>> = {
  zh: {
    money: (v) => `${v} 万元`,
    percent,
    reason: (v) => String(v),
    orBlank: (v) => (v == null ? '空' : String(v)),
    pointsColumn: lookup({ weight: '分值', score: '得分' }, (v) => v),
    cellColumn: lookup(cellNames, (v) => v),
    moneyColumn: lookup(cellNames, (v) => v),
  },
  en: {
    // As the app's English pages give money, to the figure's last digit: `CNY 5.9304 M`.
    money: (v) => `CNY ${round(Number(v) / 100)} M`,
    percent,
    reason: (v) => reasonInEnglish(String(v)),
    orBlank: (v) => (v == null ? 'blank' : String(v)),
    pointsColumn: (v) => String(v),
    cellColumn: (v) => String(v).replace('_', ' '),
    moneyColumn: lookup({ budget_initial: 'initial budget', budget_adjusted: 'adjusted budget', executed: 'amount executed' }, (v) => v),
  },
};

export { templateFormats, templateParams } from '../template.ts';

/** `TARGET_MISSING` or, with a variant, `TARGET_MISSING.fromName`. */
export const findingMessageKey = (code: string, params: FindingParams): string =>
  (typeof params.variant === 'string' ? `${code}.${params.variant}` : code);

export const isFindingMessageKey = (key: string): key is FindingMessageKey => Object.hasOwn(FINDING_MESSAGES, key);

/** The sentence for a code and its parameters in `lang`, or null when the catalogue has no such message. */
export function renderFinding(code: string, params: FindingParams, lang: Lang): string | null {
  const key = findingMessageKey(code, params);
  if (!isFindingMessageKey(key)) return null;
  const formats = FINDING_FORMATS[lang];
  return fillTemplate(FINDING_MESSAGES[key][lang], (name) => params[name] != null, (name, format) => {
    const value = params[name] ?? null;
    if (format) return formats[format](value);
    return value == null ? '' : String(value);
  });
}

/** `findings.params` as stored (JSON text) → the parameters; null when absent or not an object. */
export function parseFindingParams(text: string | null | undefined): FindingParams | null {
  if (text == null || text === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return value != null && typeof value === 'object' && !Array.isArray(value) ? (value as FindingParams) : null;
  } catch {
    return null;
  }
}
