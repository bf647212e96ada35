/**
 * Each key figure against the previous year (issue 20, years): how it changed, in the unit that
 * reads right for it — counts by their difference, money by percent, rates in percentage points,
 * scores in points — and the previous year's value for the hover. Pure: the component is
 * key-figures.tsx.
 */
import { formatCount, formatMoney, formatNumber, formatPercent, formatScore } from '../../lib/format.ts';
import type { Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { OverviewFiguresRow } from '../../queries/overview-figures.ts';

type Change = 'count' | 'money' | 'rate' | 'score';

/** The key figures that have a change, the row's column each reads, and how it changes. */
export const FIGURE_CHANGES: Record<string, { column: keyof OverviewFiguresRow; change: Change }> = {
  reports: { column: 'reports', change: 'count' },
  cities: { column: 'cities', change: 'count' },
  funds: { column: 'funds', change: 'count' },
  'budget-initial': { column: 'budget_initial', change: 'money' },
  'budget-adjusted': { column: 'budget_adjusted', change: 'money' },
  executed: { column: 'executed', change: 'money' },
  'execution-rate': { column: 'execution_rate', change: 'rate' },
  'mean-score': { column: 'mean_total_score', change: 'score' },
  'rule-gap': { column: 'mean_rule_gap', change: 'score' },
  findings: { column: 'findings', change: 'count' },
};

export interface YearDelta {
  /** `比 2022 年 +12.3%`. */
  text: string;
  /** `2022 年：3,817.84 万元`. */
  previous: string;
  /** Up, down or level, for the arrow's colour-free mark. */
  direction: 'up' | 'down' | 'level';
}

const signed = (value: number, text: string): string => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${text}`;

/** Each figure's change from `before` (the previous year's row) to `now`. */
export function yearDeltas(now: OverviewFiguresRow, before: OverviewFiguresRow, year: number, lang: Lang, t: Translate): Record<string, YearDelta> {
  const out: Record<string, YearDelta> = {};
  for (const [id, { column, change }] of Object.entries(FIGURE_CHANGES)) {
    const current = now[column] as number | null;
    const earlier = before[column] as number | null;
    if (current == null || earlier == null) continue;
    const difference = current - earlier;
    let value: string;
    let previous: string;
    if (change === 'count') {
      value = signed(difference, formatCount(Math.abs(difference), lang));
      previous = formatCount(earlier, lang);
    } else if (change === 'money') {
      if (earlier === 0) continue;
      value = signed(difference, formatPercent(Math.abs(difference / earlier), lang));
      previous = formatMoney(earlier, lang);
    } else if (change === 'rate') {
      value = signed(difference, t('figure.deltaPoints', { count: formatNumber(Math.abs(difference) * 100, lang, 1, 1) }));
      previous = formatPercent(earlier, lang);
    } else {
      value = signed(difference, t('figure.deltaScore', { count: formatScore(Math.abs(difference), lang) }));
      previous = formatScore(earlier, lang);
    }
    out[id] = {
      text: t('figure.delta', { year, value }),
      previous: t('figure.previous', { year, value: previous }),
      direction: Math.abs(difference) < 1e-9 ? 'level' : difference > 0 ? 'up' : 'down',
    };
  }
  return out;
}
