/**
 * Numbers as the reports write them: padded with U+3000, in full-width digits, in Chinese
 * numerals (前三, 第一), with a unit inside the cell (`10分`, `810.24万元`), and the unit
 * conversions needed to compare a target with an actual (亿元 vs 万元).
 * Pure functions: no DOM, no Node APIs, never throw on any string.
 */
import {
  RE_BOX_PADDING,
  RE_FULL_WIDTH_COMMA,
  RE_HAS_DIGIT,
  RE_LINE_BREAKS,
  RE_LIST_SEPARATOR,
  RE_NEEDS_HALF_WIDTH,
  RE_NUMBER_CELL,
  RE_NUMBER_TOKEN,
  RE_PLAIN_DECIMAL,
  RE_THOUSANDS_COMMA,
} from './rules.ts';

/** Padding String#trim leaves: C0/C1 controls, zero-width marks (U+200B–U+200D, U+2060). */
function isExtraPadding(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x200b && code <= 0x200d) || code === 0x2060;
}

/**
 * Trims: String#trim first (native; knows U+3000, NBSP, BOM and all Unicode spaces), then a
 * loop for what it leaves. No `/\s+$/` regex: that is quadratic on long runs of blanks.
 */
function trimWith(s: string, isPad: (code: number) => boolean): string {
  let t = s.trim();
  for (;;) {
    let start = 0;
    let end = t.length;
    while (start < end && isPad(t.charCodeAt(start))) start++;
    while (end > start && isPad(t.charCodeAt(end - 1))) end--;
    if (start === 0 && end === t.length) return t;
    t = t.slice(start, end).trim(); // a space may hide behind a zero-width mark: go round again
  }
}

/** Trims white space (incl. U+3000, NBSP); null for null, undefined, non-strings and blanks. */
export function cleanText(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = trimWith(s, isExtraPadding);
  return t === '' ? null : t;
}

/** ％．，＋－＝＜＞／ and full-width digits and letters (U+FF01–U+FF5E) that have ASCII twins. */
function isMappedFullWidth(c: number): boolean {
  return (
    (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) ||
    c === 0xff05 || (c >= 0xff0b && c <= 0xff0f) || (c >= 0xff1c && c <= 0xff1e)
  );
}

/** CJK ideographs and CJK / full-width punctuation: the company ー keeps when it means 一. */
const isCjk = (c: number): boolean =>
  (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff20);
/** Kana other than ー itself: next to these ー is a real long mark (`データー`). */
const isKana = (c: number): boolean => c >= 0x3041 && c <= 0x30ff && c !== 0x30fc;

/**
 * Full-width digits, letters and ％．，＋－＝＜＞／ → ASCII; CJK text is left alone. ー (U+30FC)
 * becomes 一 when it stands next to a CJK character and not next to kana (`ー、基本情况`):
 * these reports are typed with a Japanese IME now and then, but a real long mark follows kana.
 * A loop over char codes, not a replace callback: 100 KB of full-width digits stays cheap.
 */
export function toHalfWidth(s: string): string {
  if (typeof s !== 'string') return '';
  if (!RE_NEEDS_HALF_WIDTH.test(s)) return s;
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isMappedFullWidth(c)) codes[i] = c - 0xfee0;
    else if (c !== 0x30fc) codes[i] = c;
    else {
      const before = i > 0 ? s.charCodeAt(i - 1) : 0;
      const after = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      const meansYi = !isKana(before) && !isKana(after) && (isCjk(before) || isCjk(after));
      codes[i] = meansYi ? 0x4e00 : c;
    }
  }
  let out = '';
  // chunks of 1024 keep the argument list small; measured ~1.5 ms per 100 KB of full-width text
  for (let i = 0; i < codes.length; i += 1024) out += String.fromCharCode.apply(null, codes.subarray(i, i + 1024) as unknown as number[]);
  return out;
}

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A Chinese numeral or a plain decimal: 十 → 10, 十一 → 11, 二十三 → 23, 一百零五 → 105,
 * 两 → 2, 百 → 100, 二〇二二 → 2022 (digit by digit), '12' → 12. Null for anything else:
 * 三四 (an estimate), and prefixes such as 前 / 第, which are the caller's business.
 */
export function parseChineseNumeral(s: string): number | null {
  const t = cleanText(s);
  if (t === null || t.length > 24) return null;
  const h = toHalfWidth(t);
  if (RE_PLAIN_DECIMAL.test(h)) return Number(h);
  const chars = [...h];
  // 二〇二二 is read digit by digit; 三四 (= "three or four") is an estimate, not 34
  if ((chars.length >= 4 || chars.includes('〇')) && chars.every((c) => c in CN_DIGIT)) {
    return chars.reduce((acc, c) => acc * 10 + CN_DIGIT[c], 0);
  }
  let total = 0; // completed 万 sections
  let section = 0; // value below 万
  let digit: number | null = null;
  for (const c of chars) {
    if (c in CN_DIGIT) {
      if (CN_DIGIT[c] === 0 && section > 0 && digit === null) continue; // 一百零五: 零 holds a place
      if (digit !== null) return null; // 三四 without a unit between is not a number
      digit = CN_DIGIT[c];
    } else if (c in CN_SMALL_UNIT) {
      section += (digit ?? 1) * CN_SMALL_UNIT[c];
      digit = null;
    } else if (c === '万') {
      total += (section + (digit ?? 0) || 1) * 10000;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** Strips □ (U+25A1) padding (and what trim leaves) around a numeric cell. */
function isCellPadding(code: number): boolean {
  return isExtraPadding(code) || code === 0x25a1;
}

/**
 * A numeric table cell: '□10' → 10, '10分' → {10,'分'}, '100%' → {100,'%'}, '1,234.5',
 * '８１０．２４万元'. Null when there is no number or anything besides one number and a unit.
 */
export function parseNumberCell(s: string | null | undefined): { value: number; unit: string | null } | null {
  const t = cleanText(s);
  if (t === null || t.length > 64) return null; // a numeric cell is short; don't scan essays
  // The usual cell (`10`, `9.5`): what the full pattern below would find, without its unit alternation.
  if (RE_PLAIN_DECIMAL.test(t)) return { value: Number(t), unit: null };
  const m = RE_NUMBER_CELL.exec(trimWith(toHalfWidth(t), isCellPadding));
  if (!m) return null;
  const value = numberOf(m[2]) * (m[1] === '-' ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  return { value, unit: m[3] ?? null };
}

/**
 * Units that convert into each other: same family, value × factor is the base amount.
 * 万 and 亿 on their own are multipliers; the reports also use them for money (`66万`), so
 * 万 ↔ 万元 is allowed (see convertUnit). 场/场次 and 批/批次 count the same events.
 * 个 and 家 are deliberately different families: 个 projects are not 家 firms.
 */
export const UNIT_FACTORS: Readonly<Record<string, { family: string; factor: number }>> = {
  元: { family: 'money', factor: 1 },
  万元: { family: 'money', factor: 1e4 },
  亿元: { family: 'money', factor: 1e8 },
  万: { family: 'multiple', factor: 1e4 },
  亿: { family: 'multiple', factor: 1e8 },
  场: { family: 'event', factor: 1 },
  场次: { family: 'event', factor: 1 },
  批: { family: 'batch', factor: 1 },
  批次: { family: 'batch', factor: 1 },
};

/** Families that may be converted although their names differ: bare 万/亿 next to 元 money. */
function familiesCompatible(a: string, b: string): boolean {
  return a === b || (a === 'money' && b === 'multiple') || (a === 'multiple' && b === 'money');
}

/** A matched number (`1,234.5`) as a number; the comma replace only when there is a comma. */
const numberOf = (digits: string): number =>
  Number(digits.indexOf(',') < 0 ? digits : digits.replace(RE_THOUSANDS_COMMA, ''));

/** Rounds away binary noise (0.6 × 1e8 / 1e4 = 6000.000000000001). */
export function tidy(x: number): number {
  // An integer of up to 12 digits is its own 12-digit rounding: skip the string round trip
  // (toPrecision is slow), but keep its one effect on integers: -0 comes back as 0.
  if (Number.isInteger(x) && Math.abs(x) < 1e12) return x === 0 ? 0 : x;
  return Number(x.toPrecision(12));
}

/**
 * `value` in `fromUnit` expressed in `toUnit`: 7000 亿元 → 70000000 万元, 24 场次 → 24 场,
 * 40 万/家 → 400000 元/家 (per-unit money converts when the denominators agree).
 * Null when the units are not convertible (% vs 家, 个 vs 家) or one side has no unit.
 */
export function convertUnit(value: number, fromUnit: string | null, toUnit: string | null): number | null {
  if (!Number.isFinite(value)) return null;
  if (fromUnit === toUnit) return value;
  if (!fromUnit || !toUnit) return null;
  const fromSlash = fromUnit.indexOf('/');
  const toSlash = toUnit.indexOf('/');
  if (fromSlash >= 0 || toSlash >= 0) {
    if (fromSlash < 0 || toSlash < 0) return null;
    if (fromUnit.slice(fromSlash) !== toUnit.slice(toSlash)) return null;
    return convertUnit(value, fromUnit.slice(0, fromSlash), toUnit.slice(0, toSlash));
  }
  // hasOwn: a unit named `constructor` must not find Object.prototype members
  const from = Object.hasOwn(UNIT_FACTORS, fromUnit) ? UNIT_FACTORS[fromUnit] : undefined;
  const to = Object.hasOwn(UNIT_FACTORS, toUnit) ? UNIT_FACTORS[toUnit] : undefined;
  if (!from || !to || !familiesCompatible(from.family, to.family)) return null;
  return tidy((value * from.factor) / to.factor);
}

/**
 * A target/actual cell made ready for the grammar: trimmed, half-width, □ padding and line
 * breaks removed, cut to `maxChars` (a longer text is not a value; the cap keeps hostile input
 * cheap). ， becomes 、 first: in Chinese prose it separates clauses and list items, while a
 * thousands separator is typed as an ASCII comma.
 */
export function normaliseCell(s: unknown, maxChars = 1000): string | null {
  const c = typeof s === 'string' ? cleanText(s) : null;
  if (c === null) return null;
  const cut = c.length > maxChars ? c.slice(0, maxChars) : c;
  // Each rewrite only when its character is there: most cells need none of them.
  const commas = cut.indexOf('，') < 0 ? cut : cut.replace(RE_FULL_WIDTH_COMMA, '、');
  const half = toHalfWidth(commas);
  const boxes = half.indexOf('□') < 0 ? half : half.replace(RE_BOX_PADDING, '');
  const lines = boxes.indexOf('\n') < 0 && boxes.indexOf('\r') < 0 ? boxes : boxes.replace(RE_LINE_BREAKS, '');
  // Nothing was removed or rewritten: `cut` is already trimmed, so it is the answer as it is.
  return lines === c ? c : cleanText(lines);
}

/** A number found in prose, with the unit written right after it and its position. */
export interface NumberToken {
  value: number;
  unit: string | null;
  start: number;
  end: number;
}

/** Every number of a (normalised) text in order: `6场沙龙、1场企业家年会` → 6 场, 1 场. */
export function scanNumbers(text: string, maxTokens = 64): NumberToken[] {
  const out: NumberToken[] = [];
  if (!RE_HAS_DIGIT.test(text)) return out; // most prose has no figure: skip the scan
  // exec on the shared /g pattern, restarted here, rather than matchAll, which builds a
  // copy of the pattern and an iterator on every call (this runs on every cell).
  RE_NUMBER_TOKEN.lastIndex = 0;
  for (let m = RE_NUMBER_TOKEN.exec(text); m !== null; m = RE_NUMBER_TOKEN.exec(text)) {
    const value = numberOf(m[1]);
    if (Number.isFinite(value)) out.push({ value, unit: m[2] ?? null, start: m.index, end: m.index + m[0].length });
    if (out.length >= maxTokens) break;
  }
  return out;
}

/**
 * Lists of values: runs of ≥ 2 tokens separated only by 、 or ； and sharing one unit. Items
 * without a unit take the last item's (`145、130、110个` → three 个); mixed units are no list.
 */
export function numberLists(text: string, tokens: NumberToken[]): NumberToken[][] {
  const groups: NumberToken[][] = [];
  let run: NumberToken[] = [];
  for (const t of [...tokens, null]) {
    const prev = run[run.length - 1];
    if (t && prev && RE_LIST_SEPARATOR.test(text.slice(prev.end, t.start))) {
      run.push(t);
      continue;
    }
    if (run.length >= 2) {
      const unit = run[run.length - 1].unit;
      const shared = run.map((x) => (x.unit === null ? { ...x, unit } : x));
      if (shared.every((x) => x.unit === unit)) groups.push(shared);
    }
    run = t ? [t] : [];
  }
  return groups;
}

/** A token's value in `unit`, or null; a unit-less token only fits a unit-less target. */
export function valueInUnit(t: NumberToken, unit: string | null): number | null {
  if (t.unit === null || unit === null) return t.unit === unit ? t.value : null;
  return convertUnit(t.value, t.unit, unit);
}

/**
 * The figure of `text` in `unit` (an actual read for its target): the first token whose unit
 * converts (`6场沙龙、1场企业家年会` in 场 → 6); a bare number only when it is the whole cell,
 * then taken to be in `unit`. With no `unit`, the whole cell or the text's only number.
 */
export function pickValueInUnit(
  text: string,
  tokens: NumberToken[],
  unit: string | null,
): { value: number; unit: string | null } | null {
  const cell = parseNumberCell(text);
  if (unit === null) {
    if (cell) return cell;
    return tokens.length === 1 ? { value: tokens[0].value, unit: tokens[0].unit } : null;
  }
  for (const t of tokens) {
    const v = t.unit === null ? null : valueInUnit(t, unit);
    if (v !== null) return { value: v, unit };
  }
  // a bare number is taken in the target's unit only when it is the whole cell (`12` for 每月)
  return cell && cell.unit === null ? { value: cell.value, unit } : null;
}
