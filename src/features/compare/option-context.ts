import { PALETTE } from '../../components/chart-option.ts';

export type { OptionContext } from '../../components/chart-option.ts';
export { AXIS_NAME_STYLE, COMPACT_GRID, LEGEND_GRID, TOP_LEGEND } from '../../components/chart-option.ts';

/**
 * One colour per compared item, the same in the table header and the score-rate chart; the
 * palette's first colours are the budget blues, so items start further along it.
 */
const ITEM_PALETTE = [PALETTE[0], PALETTE[3], PALETTE[2], PALETTE[5], PALETTE[4], PALETTE[6], PALETTE[1]];
export const itemColor = (index: number): string => ITEM_PALETTE[index % ITEM_PALETTE.length];

/** Category labels that all show: long fund names wrap within `width` pixels rather than being skipped. */
export { wrappedCategoryLabels as itemAxisLabel } from '../../components/chart-option.ts';
