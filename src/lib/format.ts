/**
 * Number formats. Money arrives in 万元 (the contract's unit): Chinese shows 万元, or 亿元 from
 * 10,000 万元 up; English shows CNY in millions (1 万元 = 0.01 M) or billions. Blank is "—",
 * never 0.
 */
import { LOCALES, type MoneyScale } from './locale.ts';
import type { Lang } from './url-state.ts';

export type { MoneyScale };

export const BLANK = '—';

/** Between a label and its value: `得分：50 分`, `Score: 50 pts`. */
export const labelSeparator = (lang: Lang): string => LOCALES[lang].labelSeparator;
/** Between the items of a run-on list: `甲；乙`, `a; b`. */
export const listSeparator = (lang: Lang): string => LOCALES[lang].listSeparator;
/** A remark after a value: `120%（按 100% 计）`, `120% (counted as 100%)`. */
export const aside = (text: string, lang: Lang): string => LOCALES[lang].aside(text);

/**
 * `1234.5` → `1,234.5`: grouped thousands, at most `maxDigits` and at least `minDigits`
 * decimals, rounded half away from zero on the shortest decimal form of the number, as
 * Intl.NumberFormat does for zh-CN and en-US (which write numbers alike). Done by hand because
 * a page's first Intl.NumberFormat loads ICU's locale data: 20–40 ms of the first paint here.
 * A `minDigits` above `maxDigits` wins (Intl would throw a RangeError).
 */
export function formatNumber(value: number | null | undefined, lang: Lang, maxDigits = 2, minDigits = 0): string {
  if (value == null || !Number.isFinite(value)) return BLANK;
  if (minDigits > maxDigits) maxDigits = minDigits;
  const shortest = String(Math.abs(value));
  // Exponent forms (below 1e-6, from 1e21): rare enough to leave to Intl.
  if (shortest.includes('e')) return value.toLocaleString(LOCALES[lang].numberLocale, { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits });
  const [whole, fraction = ''] = shortest.split('.');
  let digits = whole + fraction.slice(0, maxDigits).padEnd(maxDigits, '0');
  if ((fraction[maxDigits] ?? '0') >= '5') digits = incrementDecimal(digits);
  const integer = digits.slice(0, digits.length - maxDigits) || '0';
  const decimals = digits.slice(digits.length - maxDigits).replace(/0+$/, '').padEnd(minDigits, '0');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${integer.replace(/\B(?=(\d{3})+$)/g, ',')}${decimals ? `.${decimals}` : ''}`;
}

/** `'0999'` → `'1000'`, `'99'` → `'100'`: a string of decimal digits plus one. */
function incrementDecimal(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/**
 * The scale for a money figure (or an axis whose largest value is `wan`), in 万元. In English a
 * figure under CNY 1 M is in thousands (`CNY 835.00 K` for 83.50 万元, not `CNY 0.84 M`).
 */
export function moneyScale(wan: number, lang: Lang): MoneyScale {
  // By the figure as it will show (to 0.01 万元): 99.999 万元 is CNY 1.00 M, not CNY 1,000.00 K.
  return LOCALES[lang].money.scale(Math.abs(Math.round(wan * 100) / 100));
}

export interface MoneyParts {
  prefix: string;
  number: string;
  suffix: string;
}

/**
 * The one scale of a table's money columns, however large a figure, so that a column never mixes
 * units (`2.41 亿元` above `8,102.40 万元`) and keeps every 0.01 万元: 万元, or CNY M with four
 * decimals in English (`CNY 0.8350 M` for 83.50 万元).
 */
export const tableMoneyScale = (lang: Lang): MoneyScale => LOCALES[lang].money.tableScale;

/**
 * Money split for display with a small unit: `4,410.88` + `万元`; `CNY` + `44.11` + `M`. Always
 * two decimals, as finance tables print them (`752.00 万元`). The scale follows the figure unless
 * one is given (tableMoneyScale).
 */
export function formatMoneyParts(wan: number | null | undefined, lang: Lang, scale?: MoneyScale): MoneyParts {
  if (wan == null || !Number.isFinite(wan)) return { prefix: '', number: BLANK, suffix: '' };
  const { divisor, unit, digits = 2 } = scale ?? moneyScale(wan, lang);
  const number = formatNumber(wan / divisor, lang, digits, digits);
  return { prefix: LOCALES[lang].money.prefix, number, suffix: unit };
}

/** `4,410.88 万元`, `516.00 万元`, `1.23 亿元`; `CNY 44.11 M`. */
export function formatMoney(wan: number | null | undefined, lang: Lang, scale?: MoneyScale): string {
  const { prefix, number, suffix } = formatMoneyParts(wan, lang, scale);
  return [prefix, number, suffix].filter(Boolean).join(' ');
}

/** Money in a table's column: `24,100.00 万元` rather than `2.41 亿元` (tableMoneyScale). */
export const formatTableMoney = (wan: number | null | undefined, lang: Lang): string => formatMoney(wan, lang, tableMoneyScale(lang));

/** A money axis label: the unit alone, e.g. `万元` or `CNY M`. */
export const moneyUnitLabel = (scale: MoneyScale, lang: Lang): string => LOCALES[lang].money.axisUnit(scale);

/** Fractions as percentages: 0.9755 → `97.5%`. */
export function formatPercent(fraction: number | null | undefined, lang: Lang, digits = 1): string {
  if (fraction == null || !Number.isFinite(fraction)) return BLANK;
  return `${formatNumber(fraction * 100, lang, digits, digits)}%`;
}

export const formatCount = (value: number | null | undefined, lang: Lang): string => formatNumber(value, lang, 0);

/** Scores keep one decimal when they have one: 96, 95.5. */
export const formatScore = (value: number | null | undefined, lang: Lang): string => formatNumber(value, lang, 1);

/** Sorts display strings as a Chinese reader expects (pinyin order); DuckDB-WASM has no ICU. */
export const zhCollator = new Intl.Collator('zh-CN', { numeric: true });

/** A sort key: known labels in table order, then others, blanks last. */
export function tableOrder(order: readonly string[], value: string | null): number {
  if (value == null) return order.length + 1;
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}
