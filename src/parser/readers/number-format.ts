/**
 * Excel number formats (ECMA-376 §18.8.31), read for one question: what number does the sheet
 * show? A number is written at its stored precision (37.24, not a rounded 37.2) but at the
 * magnitude its format shows, because the printed table is what the report says:
 * - `%` shows the value × 100 (0.8619 → `86.19%`);
 * - a comma after the last digit placeholder divides by 1,000, once per comma (`0.0,` shows
 *   12345 as 12.3 → `12.345`; `#,##0,,` shows 2660000 as 3 → `2.66`);
 * - a literal between digit placeholders is printed where it stands: `0!.0000`, `0"."0000` and
 *   `0\.0000` are the common way to show 元 as 万元 (3000000 shows as `300.0000`), `000-0000`
 *   a number cut by a dash. Such a format has no decimal point of its own, so the value is
 *   rounded to a whole number and its digits placed from the right, as Excel places them.
 * Formats that neither scale nor insert (currency signs, colours, `0.00"万元"`, `[DBNum1]`,
 * fractions, scientific notation) show the stored value's own magnitude: it is kept as stored.
 * A format this reader cannot place digits in for certain (a literal between digits together with
 * a decimal point, a thousands separator or a `%`) is `unreadable`: the caller refuses the cell.
 */

type DigitItem = { digit: '0' | '#' | '?' } | { literal: string };

/** How one section of a format shows a number. */
export type NumberPlan =
  | { kind: 'scaled'; exponent: number; percent: boolean }
  | { kind: 'digits'; items: DigitItem[]; exponent: number }
  | { kind: 'unreadable' };

export interface ValueFormat {
  /** The format shows a date (or a time): the serial day is written as a date. */
  date: boolean;
  /** The number sections (positive, negative, zero), each with the condition that picks it, if any. */
  sections: { plan: NumberPlan; condition: ((v: number) => boolean) | null }[];
  code: string;
}

const AS_STORED: NumberPlan = { kind: 'scaled', exponent: 0, percent: false };
export const GENERAL: ValueFormat = { date: false, sections: [{ plan: AS_STORED, condition: null }], code: 'General' };
const PERCENT: ValueFormat = { date: false, sections: [{ plan: { kind: 'scaled', exponent: 2, percent: true }, condition: null }], code: '0%' };
const DATE: ValueFormat = { date: true, sections: [], code: 'date' };

/**
 * Built-in formats that show a percentage or a date (ECMA-376 §18.8.30), the East Asian ones
 * included: 27–36 and 50–58 are dates and times in the Chinese, Japanese and Korean editions
 * (31 is `yyyy"年"m"月"d"日"`), and those editions write the ids without a `<numFmt>`.
 */
const PERCENT_FORMATS = new Set([9, 10]);
const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A built-in format by its id; every id not listed shows the stored value (General, `0.00`, `#,##0`, currency, …). */
export function builtinFormat(id: number): ValueFormat {
  return PERCENT_FORMATS.has(id) ? PERCENT : DATE_FORMATS.has(id) ? DATE : GENERAL;
}

/** Splits a code at the `;` that separate its sections (not those inside quotes, brackets or after `\`). */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === '\\' || ch === '!' || ch === '_' || ch === '*') i++;
    else if (ch === ';') {
      sections.push(code.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(code.slice(start));
  return sections;
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\]/;

function conditionOf(section: string): ((v: number) => boolean) | null {
  const match = CONDITION.exec(section.trimStart());
  if (!match) return null;
  const bound = Number(match[2]);
  switch (match[1]) {
    case '<': return (v) => v < bound;
    case '>': return (v) => v > bound;
    case '=': return (v) => v === bound;
    case '<=': return (v) => v <= bound;
    case '>=': return (v) => v >= bound;
    default: return (v) => v !== bound;
  }
}

type Token = { type: 'digit'; ch: '0' | '#' | '?' } | { type: 'point' } | { type: 'comma' } | { type: 'percent' } | { type: 'literal'; text: string } | { type: 'other' };

/** A section's tokens: digit placeholders, the decimal point, commas, `%` and literals; `other` for what changes nothing here. */
function tokensOf(section: string): Token[] {
  const tokens: Token[] = [];
  let point = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ type: 'literal', text: section.slice(i + 1, end < 0 ? section.length : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' || ch === '!') tokens.push({ type: 'literal', text: section[++i] ?? '' });
    else if (ch === '_') tokens.push({ type: 'literal', text: section[++i] === undefined ? '' : ' ' }); // a space as wide as the next character
    else if (ch === '*') {
      i++; // a fill character: repeated to the column's width, never a digit
      tokens.push({ type: 'other' });
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      i = end < 0 ? section.length : end; // a colour, a condition, a locale, [DBNum1]: no digit moves
      tokens.push({ type: 'other' });
    } else if (ch === '0' || ch === '#' || ch === '?') tokens.push({ type: 'digit', ch });
    else if (ch === '.' && !point) {
      point = true;
      tokens.push({ type: 'point' });
    } else if (ch === ',') tokens.push({ type: 'comma' });
    else if (ch === '%') tokens.push({ type: 'percent' });
    else tokens.push({ type: 'literal', text: ch });
  }
  return tokens;
}

/** What one section of a custom format does to a number's digits. */
function planOf(section: string): NumberPlan {
  if (/general/i.test(section.replace(/"[^"]*"/g, ''))) return AS_STORED;
  const bare = section.replace(/"[^"]*"|\\.|!.|\[[^\]]*\]/g, '');
  // Scientific notation and fractions show the stored value's own magnitude.
  if (/[eE][+-]/.test(bare) || /[0#?]\s*\/\s*[0-9#?]/.test(bare)) return AS_STORED;
  const tokens = tokensOf(section);
  const digitAt = tokens.map((t, i) => (t.type === 'digit' ? i : -1)).filter((i) => i >= 0);
  if (digitAt.length === 0) return AS_STORED; // no digit shown (`"-"`, `@`): nothing to scale
  const first = digitAt[0];
  const last = digitAt[digitAt.length - 1];
  const pointAt = tokens.findIndex((t) => t.type === 'point');
  let percents = 0;
  let scaling = 0;
  let grouping = false;
  let between = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'percent') {
      percents++;
      if (i > first && i < last) between = true;
    } else if (token.type === 'literal' && token.text !== '' && i > first && i < last) between = true;
    else if (token.type === 'comma') {
      // A run of commas right after a digit: a thousands separator when a digit of the whole part
      // follows, else each comma divides by 1,000. A comma after anything else is printed as it is.
      let end = i;
      while (tokens[end + 1]?.type === 'comma') end++;
      const after = tokens[end + 1];
      if (tokens[i - 1]?.type === 'digit') {
        if (after?.type === 'digit' && (pointAt < 0 || end < pointAt)) grouping = true;
        else scaling += end - i + 1;
      } else if (i > first && i < last) between = true;
      i = end;
    }
  }
  const exponent = 2 * percents - 3 * scaling;
  if (!between) return { kind: 'scaled', exponent, percent: percents > 0 };
  if (pointAt >= 0 || grouping || percents > 0) return { kind: 'unreadable' };
  const items: DigitItem[] = [];
  for (let i = first; i <= last; i++) {
    const token = tokens[i];
    if (token.type === 'digit') items.push({ digit: token.ch });
    else if (token.type === 'literal') items.push({ literal: token.text });
  }
  return { kind: 'digits', items, exponent };
}

/** A custom format code (`formatCode` of a `<numFmt>`). */
export function formatOfCode(code: string): ValueFormat {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  // y/m/d outside quotes and brackets: a date.
  if (/[ymd]/i.test(bare) && !/^[#0.,\s]*$/.test(bare)) return DATE;
  const sections = splitSections(code).slice(0, 3).map((section) => ({ plan: planOf(section), condition: conditionOf(section) }));
  return { date: false, sections, code };
}

/** The section that shows `value`: by the sections' conditions when they have some, else by the sign. */
function sectionFor(format: ValueFormat, value: number): NumberPlan {
  const { sections } = format;
  if (sections.some((s) => s.condition)) {
    for (const s of sections) if (s.condition ? s.condition(value) : true) return s.plan;
    return sections[sections.length - 1].plan;
  }
  if (value < 0 && sections.length >= 2) return sections[1].plan;
  if (value === 0 && sections.length >= 3) return sections[2].plan;
  return sections[0].plan;
}

/** `n` × 10^exponent at the stored precision: the scale is exact, the float noise of multiplying is not kept. */
function scale(n: number, exponent: number): number {
  if (exponent === 0) return n;
  const scaled = exponent > 0 ? n * 10 ** exponent : n / 10 ** -exponent;
  return Number(scaled.toPrecision(15));
}

/** A whole number's digits placed into the placeholders from the right; the leftmost takes any digits left over. */
function placeDigits(whole: string, items: DigitItem[]): string {
  let out = '';
  let next = whole.length - 1;
  const leftmost = items.findIndex((item) => 'digit' in item);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if ('literal' in item) {
      out = item.literal + out;
      continue;
    }
    if (i === leftmost && next >= 0) {
      out = whole.slice(0, next + 1) + out;
      next = -1;
    } else if (next >= 0) out = whole[next--] + out;
    else out = (item.digit === '0' ? '0' : item.digit === '?' ? ' ' : '') + out;
  }
  return out;
}

/**
 * The number `n` as the sheet shows it, in the form the parser reads (no currency signs or
 * colours); null when the format is one whose shown digits cannot be made certain.
 */
export function formatNumber(n: number, format: ValueFormat): string | null {
  const plan = sectionFor(format, n);
  if (plan.kind === 'unreadable') return null;
  if (plan.kind === 'scaled') return `${scale(n, plan.exponent)}${plan.percent ? '%' : ''}`;
  const rounded = Math.round(Math.abs(scale(n, plan.exponent)));
  if (rounded >= 1e21) return null; // beyond toFixed's whole digits
  const shown = placeDigits(rounded === 0 ? '' : rounded.toFixed(0), plan.items);
  return n < 0 && !/^[^0-9]*[-(]/.test(shown) ? `-${shown}` : shown;
}
