/**
 * Number formats. Money arrives in 万元 (the contract's unit): Chinese shows 万元, or 亿元 from
 * 10,000 万元 up; English shows CNY in millions (1 万元 = 0.01 M) or billions. Blank is "—",
 * never 0.
 */
import type { Lang } from './url-state.ts';

export const BLANK = '—';

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-US');

export function formatNumber(value: number | null | undefined, lang: Lang, maxDigits = 2, minDigits = 0): string {
  if (value == null || !Number.isFinite(value)) return BLANK;
  return value.toLocaleString(locale(lang), { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits });
}

export interface MoneyScale {
  /** Divide 万元 by this to get the displayed number. */
  divisor: number;
  /** The unit shown after (zh) or before (en) the number: 万元, 亿元, M, B. */
  unit: string;
}

/** The scale for a money figure (or an axis whose largest value is `wan`), in 万元. */
export function moneyScale(wan: number, lang: Lang): MoneyScale {
  const large = Math.abs(wan) >= 10_000;
  if (lang === 'zh') return large ? { divisor: 10_000, unit: '亿元' } : { divisor: 1, unit: '万元' };
  return Math.abs(wan) >= 100_000 ? { divisor: 100_000, unit: 'B' } : { divisor: 100, unit: 'M' };
}

export interface MoneyParts {
  prefix: string;
  number: string;
  suffix: string;
}

/** Money split for display with a small unit: `4,410.88` + `万元`; `CNY` + `44.11` + `M`. */
export function formatMoneyParts(wan: number | null | undefined, lang: Lang): MoneyParts {
  if (wan == null || !Number.isFinite(wan)) return { prefix: '', number: BLANK, suffix: '' };
  const { divisor, unit } = moneyScale(wan, lang);
  const number = formatNumber(wan / divisor, lang, 2, divisor === 1 ? 0 : 2);
  return lang === 'zh' ? { prefix: '', number, suffix: unit } : { prefix: 'CNY', number, suffix: unit };
}

/** `4,410.88 万元`, `1.23 亿元`; `CNY 44.11 M`. */
export function formatMoney(wan: number | null | undefined, lang: Lang): string {
  const { prefix, number, suffix } = formatMoneyParts(wan, lang);
  return [prefix, number, suffix].filter(Boolean).join(' ');
}

/** A money axis label: the unit alone, e.g. `万元` or `CNY M`. */
export const moneyUnitLabel = (scale: MoneyScale, lang: Lang): string => (lang === 'zh' ? scale.unit : `CNY ${scale.unit}`);

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
