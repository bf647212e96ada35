/**
 * What each indicator status means, in one line, where a chart names the statuses: the legend's
 * tooltip and the data tooltips (issue: a leader reading "仅称完成" must see why it is not "达成").
 */
import { labelSeparator } from '../lib/format.ts';
import { labelOf } from '../lib/i18n.ts';
import type { Lang } from '../lib/url-state.ts';
import { INDICATOR_STATUSES } from '../queries/indicator-status-counts.ts';
import { escapeHtml } from './chart-option.ts';

/** The one-line explanation of `status` (the status itself when it is not one of the parser's). */
export const statusHint = (lang: Lang, status: string): string => labelOf(lang, 'statusHint', status);

/** `达成：实际值达到目标值`, escaped for an ECharts tooltip. */
export const statusExplained = (lang: Lang, status: string): string =>
  `${escapeHtml(labelOf(lang, 'status', status))}${labelSeparator(lang)}${escapeHtml(statusHint(lang, status))}`;

/** A legend whose items are the status names shows each one's explanation on hover. */
export function statusLegendTooltip(lang: Lang) {
  const byLabel = new Map(INDICATOR_STATUSES.map((status) => [labelOf(lang, 'status', status), status]));
  return {
    show: true,
    formatter: ({ name }: { name: string }) => {
      const status = byLabel.get(name);
      return status ? statusExplained(lang, status) : escapeHtml(name);
    },
  };
}
