import { COMPACT_GRID, PALETTE } from '../../components/chart-option.ts';

export type { OptionContext } from '../../components/chart-option.ts';
export { COMPACT_GRID };

/** Grid for charts with a legend on top: room for the legend and, below it, the axis name. */
export const LEGEND_GRID = { ...COMPACT_GRID, top: 60 } as const;

/** Axis names start at the axis line and run right, so they are never clipped at the edge. */
export const AXIS_NAME_STYLE = { align: 'left' as const, padding: [0, 0, 0, -4] };

/**
 * One colour per compared item, the same in the table header and the score-rate chart; the
 * palette's first colours are the budget blues, so items start further along it.
 */
const ITEM_PALETTE = [PALETTE[0], PALETTE[3], PALETTE[2], PALETTE[5], PALETTE[4], PALETTE[6], PALETTE[1]];
export const itemColor = (index: number): string => ITEM_PALETTE[index % ITEM_PALETTE.length];

/** Category labels that all show: long fund names wrap within `width` pixels rather than being skipped. */
export const itemAxisLabel = (width: number) => ({ interval: 0, width, overflow: 'break' as const, lineHeight: 14 });
