import type { Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';

/** What every overview option builder needs besides its rows. */
export interface OptionContext {
  lang: Lang;
  t: Translate;
}

export const COMPACT_GRID = { left: 8, right: 16, top: 44, bottom: 8, containLabel: true } as const;

/** Grid for charts with a legend on top: room for the legend and, below it, the axis name. */
export const LEGEND_GRID = { ...COMPACT_GRID, top: 60 } as const;

/** Axis names start at the axis line and run right, so they are never clipped at the edge. */
export const AXIS_NAME_STYLE = { align: 'left' as const, padding: [0, 0, 0, -4] };

/** Category labels that all show: wrapped when narrow rather than skipped. */
export const ALL_CATEGORY_LABELS = { interval: 0, width: 72, overflow: 'break' as const, lineHeight: 14 };
