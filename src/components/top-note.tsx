/**
 * Under a chart that shows only its top categories: how many it shows, how many it folded into
 * “其他” or left out, and (when its axis scrolls) how to reach the rest. Nothing when all show.
 */
import { formatCount } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.ts';
import { needsZoom } from './category-zoom.ts';

export interface TopNoteProps {
  /** Categories drawn (without a folded “其他” bar). */
  shown: number;
  /** Categories not drawn on their own. */
  hidden: number;
  /** True when the hidden ones are summed in a “其他” bar, false when they are left out. */
  folded: boolean;
  /** Bars on the axis (with “其他”), to say whether it scrolls. */
  bars: number;
}

export function TopNote({ shown, hidden, folded, bars }: TopNoteProps) {
  const { lang, t } = useI18n();
  if (hidden <= 0 && !needsZoom(bars)) return null;
  const counts = { shown: formatCount(shown, lang), hidden: formatCount(hidden, lang) };
  const parts = [
    hidden > 0 ? t(folded ? 'chart.topShown' : 'chart.topShownOnly', counts) : '',
    needsZoom(bars) ? t('chart.zoomHint') : '',
  ].filter(Boolean);
  return <p className="chart-hint top-note" data-testid="top-note" data-hidden={hidden}>{parts.join(t('chart.noteSeparator'))}</p>;
}
