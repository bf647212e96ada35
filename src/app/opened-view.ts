/**
 * Which view a URL opens, known before any view's code has loaded: boot.ts asks for the
 * overview's build-time pictures only when the page opens on the overview without filters
 * (the only time it shows them), and views.ts gives each id its code.
 */
import type { EarlyPictures } from '../lib/db/startup/early-start.ts';
import { overviewChartWidth } from '../lib/overview-chart-width.ts';
import { DEFAULT_VIEW, parseUrlState } from '../lib/url-params.ts';

/** The views' ids, in tab order. */
export const VIEW_IDS = ['overview', 'budget', 'indicators', 'scores', 'compare', 'report', 'findings', 'explorer', 'sql', 'import'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** The view a URL's `view` opens: an unknown id opens the default one, the overview. */
export const openedViewId = (id: string): ViewId => VIEW_IDS.find((known) => known === id) ?? DEFAULT_VIEW;

/** The window the page opens in: `width` as media queries see it, `layoutWidth` without a scrollbar's gutter. */
export interface Viewport {
  width: number;
  layoutWidth: number;
}

/** The overview's pictures to download at once for a page opened on `search` in `viewport`, if it will show them. */
export function earlyPictures(search: string, viewport: Viewport): EarlyPictures | undefined {
  const { view, filters, lang } = parseUrlState(search);
  if (openedViewId(view) !== 'overview' || Object.keys(filters).length > 0) return undefined;
  return { lang, chartWidth: overviewChartWidth(viewport.width, viewport.layoutWidth) };
}
