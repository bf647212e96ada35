/**
 * Reads one indicator's 年度指标值 (target) and 实际完成值 (actual) and decides whether the target
 * was met (see domain.md, "How targets and actuals are written"). Pure; never throws.
 *
 * Judgement calls (each also noted where it is made):
 * - A bare count/amount/percentage target (`135家`, `64万元`, `100%`) is a minimum (`>=`); rates and
 *   counts of bad things (`安全事故发生率0%`) and any target of 0 are maxima (`<=`). `>` reads as `>=`.
 * - Several values (`145、130、110个`): target_value and actual_value are sums; each item is judged
 *   on its own (all met → met, some → partial, none → not_met); achievement is the smallest
 *   per-item ratio, so one missed item shows however well the others did.
 * - achievement = actual / target (contract), also for `<=` targets; null for a target of 0, for
 *   ranks (ordinal), ranges, deadlines and qualitative targets.
 * - An actual identical to the target proves nothing (unverifiable) unless the target is a plain
 *   value (`12家` → `12家` states the figure reached).
 * - An actual with several numbers is read through the target's unit: the first number whose unit
 *   converts (`6场沙龙、1场企业家年会` → 6 场); a bare number only when it is the whole cell.
 * - A count target answered by prose without a count (`争创2家…` → `醴陵经开区获评…`) is unknown.
 * - actual_value is in the target's unit when convertible, and actual_unit is then the target's.
 */
import { REASONS, relativeReason } from './reasons.ts';
import type { IndicatorKind, IndicatorStatus, TargetOp } from './types.ts';
import {
  convertUnit, normaliseCell, numberLists, parseChineseNumeral, pickValueInUnit, scanNumbers, tidy, valueInUnit,
  type NumberToken,
} from './numbers.ts';
import {
  RE_AT_LEAST, RE_AT_MOST, RE_COMPARE_IGNORED, RE_COMPLETION_TARGET, RE_DATE, RE_DEADLINE_DATED,
  RE_DEADLINE_UNDATED, RE_DONE, RE_EQUALS, RE_FREQUENCY, RE_HAS_DIGIT, RE_MAXIMUM_WORDS, RE_NAME_LEADING_COUNT,
  RE_NAME_TRAILING_PERCENT, RE_NEGATIVE, RE_PARTIAL, RE_PLACEHOLDER, RE_QUALITATIVE_ENDING, RE_RANGE,
  RE_RANK_POSITION, RE_RANK_STRONG, RE_RANK_TOP, RE_RELATIVE, RE_THOUSANDS_COMMA, RE_ZERO_EVENTS,
} from './rules.ts';

export interface IndicatorEvaluation {
  kind: IndicatorKind; target_op: TargetOp | null; target_value: number | null; target_value_max: number | null;
  target_unit: string | null; actual_value: number | null; actual_unit: string | null;
  status: IndicatorStatus; status_reason: string | null; achievement: number | null;
  /** True when the target was read out of the indicator name (blank target cell). */
  targetFromName: boolean;
  /** No target anywhere. */
  targetMissing: boolean;
  /** Actual blank, or repeats the target text, or repeats the indicator name. */
  actualUnverifiable: boolean;
}

/** Short Chinese reasons for statuses that are not plainly met / not met. */
export { REASONS };

const MAX_TOKENS = 64;
const DATE_UNITS = new Set(['年', '月', '日']);
/** Units a frequency's actual count may carry (`12`, `12次`, `4场`). */
const COUNT_UNITS = new Set(['次', '场', '场次', '期', '批', '批次']);
const PER_YEAR: Readonly<Record<string, number>> = { 周: 52, 旬: 36, 月: 12, 季度: 4, 季: 4, 半年: 2, 年: 1 };

interface Target {
  kind: IndicatorKind; op: TargetOp | null; value: number | null; max: number | null; unit: string | null;
  /** The items of a several-values target. */
  items: NumberToken[] | null;
  /** True when an identical actual would only restate it (anything but a plain value). */
  restatable: boolean;
  deadline: { year: number | null; month: number } | null;
  relativeTo: string | null;
}

const compact = (s: string): string => s.replace(RE_COMPARE_IGNORED, '');
/**
 * An actual, already compacted, says the same as `other` (compared in compact form). Compacting
 * only removes characters, so an `other` shorter than the key cannot match and is not compacted.
 */
const sameAs = (actualKey: string, other: string): boolean =>
  actualKey !== '' && actualKey.length <= other.length && actualKey === compact(other);
const isDate = (t: NumberToken, targetUnit: string | null): boolean =>
  t.unit !== null && DATE_UNITS.has(t.unit) && t.unit !== targetUnit;

/** Numbers of a text, dates (`2022年度`) left out unless the target counts in them. */
const scan = (text: string, targetUnit: string | null): NumberToken[] =>
  scanNumbers(text, MAX_TOKENS).filter((t) => !isDate(t, targetUnit));

/** The operator a text states; the earliest wins when both directions appear. */
function detectOp(text: string): TargetOp | null {
  const least = RE_AT_LEAST.exec(text);
  const most = RE_AT_MOST.exec(text);
  if (least && most) return least.index <= most.index ? '>=' : '<=';
  if (least) return '>=';
  if (most) return '<=';
  return RE_EQUALS.test(text) ? '=' : null;
}

/** True when every number of the text lies inside the match (`每月2次`, `前3`). */
const onlyNumbersIn = (tokens: NumberToken[], m: RegExpExecArray): boolean =>
  tokens.every((t) => t.start >= m.index && t.end <= m.index + m[0].length);

const emptyTarget = (kind: IndicatorKind): Target =>
  ({ kind, op: null, value: null, max: null, unit: null, items: null, restatable: true, deadline: null, relativeTo: null });

function parseTarget(text: string, name: string): Target {
  const relative = RE_RELATIVE.exec(text);
  if (relative) {
    const base = relative[0].endsWith('平均') ? `${relative[0]}水平` : relative[0];
    return { ...emptyTarget('relative'), op: detectOp(text) ?? '>=', relativeTo: base };
  }
  const tokens = scan(text, null);
  const freq = RE_FREQUENCY.exec(text);
  if (freq && onlyNumbersIn(tokens, freq)) {
    const times = freq[2] ? parseChineseNumeral(freq[2]) ?? 1 : 1;
    return { ...emptyTarget('frequency'), op: '>=', value: PER_YEAR[freq[1]] * times, unit: '次/年' };
  }
  const dated = RE_DEADLINE_DATED.exec(text);
  const deadline = dated ?? RE_DEADLINE_UNDATED.exec(text);
  if (deadline && onlyNumbersIn(tokens, deadline)) {
    const month = dated ? dated[2] : deadline[1]; // the month group differs between the two patterns
    return { ...emptyTarget('deadline'), deadline: { year: dated ? Number(dated[1]) : null, month: month ? Number(month) : 12 } };
  }
  const rank = RE_RANK_TOP.exec(text) ?? RE_RANK_STRONG.exec(text) ?? RE_RANK_POSITION.exec(text);
  const rankValue = rank && onlyNumbersIn(tokens, rank) ? parseChineseNumeral(rank[1]) : null;
  if (rankValue !== null && rankValue > 0) return { ...emptyTarget('rank'), op: '<=', value: rankValue, unit: '名' };
  const range = RE_RANGE.exec(text);
  if (range && Number(range[1]) <= Number(range[3])) {
    return { ...emptyTarget('range'), op: 'between', value: Number(range[1]), max: Number(range[3]), unit: range[4] ?? range[2] ?? null };
  }
  if (tokens.length === 0 || RE_QUALITATIVE_ENDING.test(text)) return emptyTarget('qualitative');
  const explicitOp = detectOp(text);
  const list = numberLists(text, tokens)[0];
  const sameUnit = tokens.every((t) => t.unit !== null && t.unit === tokens[0].unit);
  // several values: a 、-list, or (with no operator) several numbers of one unit (`66万，…17.5万`)
  const items = list ?? (!explicitOp && tokens.length >= 2 && sameUnit ? tokens : null);
  const value = items ? items.reduce((sum, t) => sum + t.value, 0) : tokens[0].value;
  // a bare value is a minimum, except for bad things and zero targets (a ">= 0" would be empty)
  const op = explicitOp ?? (RE_MAXIMUM_WORDS.test(text) || RE_MAXIMUM_WORDS.test(name) || value === 0 ? '<=' : '>=');
  const unit = items ? items[items.length - 1].unit : tokens[0].unit;
  // `=100%` answered `100%` states the value reached; only a bound (`≥80%`, `80%以上`) can be restated.
  return { ...emptyTarget('quantity'), op, value: tidy(value), unit, items, restatable: explicitOp !== null && explicitOp !== '=' };
}

/** A target hidden in the name of an indicator whose target cell is blank (`2场长株潭…活动`). */
function parseNameTarget(name: string): Target | null {
  const lead = RE_NAME_LEADING_COUNT.exec(name);
  if (lead && !DATE_UNITS.has(lead[2])) {
    return { ...emptyTarget('quantity'), op: '>=', value: Number(lead[1].replace(RE_THOUSANDS_COMMA, '')), unit: lead[2], restatable: false };
  }
  const pct = RE_NAME_TRAILING_PERCENT.exec(name);
  if (pct) return { ...emptyTarget('quantity'), op: detectOp(name) ?? '>=', value: Number(pct[1]), unit: '%', restatable: false };
  return null;
}

type Out = IndicatorEvaluation;
const finish = (out: Out, status: IndicatorStatus, reason: string | null): Out =>
  Object.assign(out, { status, status_reason: reason });
const unverifiable = (out: Out, reason: string): Out => finish(Object.assign(out, { actualUnverifiable: true }), 'unknown', reason);
/** Claimed, not shown: the actual restates the target or the name, or says done with no figure. */
const claimed = (out: Out, reason: string): Out => finish(Object.assign(out, { actualUnverifiable: true }), 'claimed', reason);
const setActual = (out: Out, value: number, unit: string | null): void => void Object.assign(out, { actual_value: value, actual_unit: unit });

function compare(out: Out, op: TargetOp, target: number, actual: number): Out {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  const met = op === '>=' ? actual >= target - eps : op === '<=' ? actual <= target + eps : Math.abs(actual - target) <= eps;
  out.achievement = target !== 0 ? tidy(actual / target) : null;
  return finish(out, met ? 'met' : 'not_met', null);
}

function judgeItems(out: Out, target: Target, actual: string, tokens: NumberToken[]): Out {
  const items = target.items as NumberToken[];
  const fits = (ts: NumberToken[]) => ts.map((t) => valueInUnit(t, target.unit));
  let values = numberLists(actual, tokens).map(fits).find((vs) => vs.length === items.length && vs.every((v) => v !== null));
  const loose = fits(tokens).filter((v) => v !== null);
  if (!values && loose.length === items.length) values = loose;
  if (!values) return finish(out, 'unknown', tokens.length ? REASONS.itemsMismatch : REASONS.noNumber);
  const got = values as number[];
  setActual(out, tidy(got.reduce((a, b) => a + b, 0)), target.unit);
  const metCount = items.filter((t, i) => (target.op === '<=' ? got[i] <= t.value : got[i] >= t.value)).length;
  out.achievement = items.some((t) => t.value === 0) ? null : tidy(Math.min(...items.map((t, i) => got[i] / t.value)));
  if (metCount === items.length) return finish(out, 'met', null);
  return metCount === 0 ? finish(out, 'not_met', null) : finish(out, 'partial', REASONS.someItemsMissed);
}

function judgeQuantity(out: Out, target: Target, actual: string, tokens: NumberToken[], context: string): Out {
  if (target.items) return judgeItems(out, target, actual, tokens);
  // `全年园区0事故` against `安全事故发生率0%`: zero bad events meets a zero maximum, whatever the unit
  if (target.op === '<=' && target.value === 0 && RE_ZERO_EVENTS.test(actual)) {
    setActual(out, 0, target.unit);
    return finish(out, 'met', REASONS.zeroEvents);
  }
  const pick = pickValueInUnit(actual, tokens, target.unit);
  if (!pick) {
    if (RE_NEGATIVE.test(actual)) return finish(out, 'not_met', REASONS.saysNotDone);
    // `完成率100%` answered by `已完成`: met, though there is no figure to show
    if (!tokens.length && target.value === 100 && target.unit === '%' && RE_COMPLETION_TARGET.test(context) && RE_DONE.test(actual)) {
      return finish(out, 'claimed', REASONS.doneWithoutNumber);
    }
    return finish(out, 'unknown', tokens.length ? REASONS.noComparable : REASONS.noNumber);
  }
  setActual(out, pick.value, pick.unit);
  // `企业满意度80%以上` for `80%以上` restates the bound rather than reporting a figure
  if (target.restatable && pick.value === target.value && detectOp(actual) === target.op) {
    return claimed(out, REASONS.repeatsTarget);
  }
  return compare(out, target.op ?? '>=', target.value as number, pick.value);
}

function judgeRank(out: Out, target: Target, actual: string): Out {
  if (RE_NEGATIVE.test(actual)) return finish(out, 'not_met', REASONS.saysNotDone); // 未进入前三
  // an exact place (第84位) beats a bound (10强, 前三); a bound N counts as rank N
  const top = RE_RANK_TOP.exec(actual);
  const strong = RE_RANK_STRONG.exec(actual);
  const bound = top && strong ? (top.index <= strong.index ? top : strong) : top ?? strong;
  const m = RE_RANK_POSITION.exec(actual) ?? bound;
  const rank = m ? parseChineseNumeral(m[1]) : null;
  if (rank === null || rank <= 0) return finish(out, 'unknown', REASONS.noRank);
  setActual(out, rank, '名');
  return finish(out, rank <= (target.value as number) ? 'met' : 'not_met', null);
}

function judgeFrequency(out: Out, target: Target, actual: string, tokens: NumberToken[]): Out {
  const freq = RE_FREQUENCY.exec(actual);
  const counts = tokens.filter((t) => (t.unit === null || COUNT_UNITS.has(t.unit)) && !(freq && t.start >= freq.index && t.end <= freq.index + freq[0].length));
  if (!counts.length) {
    if (freq) return claimed(out, REASONS.repeatsTarget); // `每月调度` again
    return RE_NEGATIVE.test(actual) ? finish(out, 'not_met', REASONS.saysNotDone) : finish(out, 'unknown', REASONS.noCount);
  }
  setActual(out, counts[0].value, target.unit);
  return compare(out, '>=', target.value as number, counts[0].value);
}

function judgeDeadline(out: Out, target: Target, actual: string): Out {
  if (RE_NEGATIVE.test(actual)) return finish(out, 'not_met', REASONS.saysNotDone);
  const restated = RE_DEADLINE_DATED.test(actual) || RE_DEADLINE_UNDATED.test(actual);
  const date = RE_DATE.exec(actual);
  const due = target.deadline;
  if (date && !restated && due && due.year !== null) {
    const year = Number(date[1]);
    const month = date[2] ? Number(date[2]) : null;
    if (year !== due.year) return finish(out, year < due.year ? 'met' : 'not_met', null);
    if (month !== null) return finish(out, month <= due.month ? 'met' : 'not_met', null);
    if (due.month === 12) return finish(out, 'met', null);
  }
  if (RE_DONE.test(actual)) return finish(out, 'met', null);
  if (restated) return claimed(out, REASONS.repeatsTarget);
  return finish(out, 'unknown', REASONS.noDate);
}

function judgeQualitative(out: Out, actual: string): Out {
  if (RE_NEGATIVE.test(actual)) return finish(out, 'not_met', REASONS.saysNotDone);
  if (RE_PARTIAL.test(actual)) return finish(out, 'partial', REASONS.partlyDone);
  return finish(out, 'met', null); // any other wording affirms (成效显著, 已完成…)
}

function judgeRange(out: Out, target: Target, actual: string, tokens: NumberToken[]): Out {
  const [lo, hi] = [target.value as number, target.max as number];
  const r = RE_RANGE.exec(actual);
  if (r) { // an actual range is met when it lies inside the target range
    const unit = r[4] ?? r[2] ?? null;
    const [a, b] = [convertUnit(Number(r[1]), unit, target.unit), convertUnit(Number(r[3]), unit, target.unit)];
    if (a === null || b === null) return finish(out, 'unknown', REASONS.noComparable);
    return finish(out, a >= lo && b <= hi ? 'met' : 'not_met', REASONS.actualIsRange);
  }
  const pick = pickValueInUnit(actual, tokens, target.unit);
  if (!pick) return finish(out, 'unknown', tokens.length ? REASONS.noComparable : REASONS.noNumber);
  setActual(out, pick.value, pick.unit);
  return finish(out, pick.value >= lo && pick.value <= hi ? 'met' : 'not_met', null);
}

const blankEvaluation = (target: Target | null, reason: string | null = null): Out => ({
  kind: target?.kind ?? 'qualitative', target_op: target?.op ?? null, target_value: target?.value ?? null,
  target_value_max: target?.max ?? null, target_unit: target?.unit ?? null, actual_value: null, actual_unit: null,
  status: 'unknown', status_reason: reason, achievement: null, targetFromName: false, targetMissing: false, actualUnverifiable: false,
});

function evaluate(input: { level3?: unknown; targetText?: unknown; actualText?: unknown }): Out {
  const name = normaliseCell(input.level3) ?? '';
  const targetText = normaliseCell(input.targetText);
  const actualText = normaliseCell(input.actualText);
  const parsed = targetText !== null && !RE_PLACEHOLDER.test(targetText) ? parseTarget(targetText, name) : null;
  const target = parsed ?? (name ? parseNameTarget(name) : null);
  // placeholders (/, ——, 无) are blanks, except 无 answering a zero maximum (无事故 → 0)
  const zeroMax = target?.op === '<=' && target.value === 0;
  const actual = actualText !== null && (!RE_PLACEHOLDER.test(actualText) || (zeroMax && actualText === '无')) ? actualText : null;
  const out = blankEvaluation(target);
  out.targetFromName = parsed === null && target !== null;
  const tokens = actual ? scan(actual, target?.unit ?? null) : [];
  if (!target) { // still report what the actual says
    out.targetMissing = true;
    out.kind = tokens.length ? 'quantity' : 'qualitative';
    if (tokens.length) setActual(out, tokens[0].value, tokens[0].unit);
    out.actualUnverifiable = actual === null || sameAs(compact(actual), name);
    return finish(out, 'unknown', REASONS.targetMissing);
  }
  if (actual === null) return unverifiable(out, REASONS.actualBlank);
  // restating: the same text, or a figure-less fragment of it (`稳定发展` for `13条产业链稳定发展`)
  const actualKey = compact(actual); // compacted once for the three comparisons below
  const fragment = !RE_HAS_DIGIT.test(actual) && actualKey.length >= 3 && compact(targetText ?? '').includes(actualKey);
  if (targetText !== null && target.restatable && (sameAs(actualKey, targetText) || fragment)) return claimed(out, REASONS.repeatsTarget);
  if (name && sameAs(actualKey, name)) return claimed(out, REASONS.repeatsName);
  switch (target.kind) {
    case 'relative':
      if (tokens.length) setActual(out, tokens[0].value, tokens[0].unit);
      return finish(out, 'unknown', relativeReason(target.relativeTo ?? ''));
    case 'frequency': return judgeFrequency(out, target, actual, tokens);
    case 'deadline': return judgeDeadline(out, target, actual);
    case 'rank': return judgeRank(out, target, actual);
    case 'range': return judgeRange(out, target, actual, tokens);
    case 'qualitative': return judgeQualitative(out, actual);
    default: return judgeQuantity(out, target, actual, tokens, `${targetText ?? ''}${name}`);
  }
}

/** Evaluates one indicator row. Never throws: on an internal error the status is unknown. */
export function evaluateIndicator(input: { level3: string; targetText: string | null; actualText: string | null }): IndicatorEvaluation {
  try {
    return evaluate(input ?? {});
  } catch {
    return blankEvaluation(null, REASONS.unreadable);
  }
}
