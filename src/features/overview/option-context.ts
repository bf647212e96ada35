/** What the overview's option builders share (the context and grid are the app's). */
import { COMPACT_GRID } from '../../components/chart-option.ts';

export type { OptionContext } from '../../components/chart-option.ts';
export { COMPACT_GRID };

/** Grid for charts with a legend on top: room for the legend and, below it, the axis name. */
export const LEGEND_GRID = { ...COMPACT_GRID, top: 60 } as const;

/** Axis names start at the axis line and run right, so they are never clipped at the edge. */
export const AXIS_NAME_STYLE = { align: 'left' as const, padding: [0, 0, 0, -4] };

/** Category labels that all show: wrapped when narrow rather than skipped. */
export const ALL_CATEGORY_LABELS = { interval: 0, width: 72, overflow: 'break' as const, lineHeight: 14 };
