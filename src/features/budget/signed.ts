/** Changes read with their sign: a true minus (−) for cuts, a plus for increases, none for zero. */
import { formatMoneyParts, formatPercent, type MoneyParts } from '../../lib/format.ts';
import type { Lang } from '../../lib/url-state.ts';

export const sign = (value: number): string => (value > 0 ? '+' : value < 0 ? '−' : '');

/** `−3.5%`, `+50.0%`; blank stays `—`. */
export function signedPercent(fraction: number | null, lang: Lang): string {
  if (fraction == null || !Number.isFinite(fraction)) return formatPercent(null, lang);
  return `${sign(fraction)}${formatPercent(Math.abs(fraction), lang)}`;
}

/** Money parts with the sign on the number: `−158.96` + `万元`. */
export function signedMoney(wan: number | null, lang: Lang): MoneyParts {
  if (wan == null || !Number.isFinite(wan)) return formatMoneyParts(null, lang);
  const parts = formatMoneyParts(Math.abs(wan), lang);
  return { ...parts, number: `${sign(wan)}${parts.number}` };
}
