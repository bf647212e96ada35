/** What the overview's option builders share (the context and grid are the app's). */
import { wrappedCategoryLabels } from './chart-option.ts';

export type { OptionContext } from './chart-option.ts';
export { AXIS_NAME_STYLE, COMPACT_GRID, LEGEND_GRID, TOP_LEGEND } from './chart-option.ts';

/** Category labels that all show: wrapped when narrow rather than skipped. */
export const ALL_CATEGORY_LABELS = wrappedCategoryLabels(72);
