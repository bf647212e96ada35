/** What the budget view's option builders share: context, layout constants, small helpers. */

import { AXIS_NAME_TEXT, wrappedCategoryLabels } from '../../components/chart-option.ts';

export type { OptionContext } from '../../components/chart-option.ts';
export { TOP_LEGEND } from '../../components/chart-option.ts';

/**
 * Category labels on the left, the legend on top. ECharts 6 shrinks the plot so that axis labels
 * and the axis name (the money unit, at the right end of the value axis) stay inside the grid.
 */
export const BAR_GRID = {
  left: 8, right: 12, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all',
} as const;

/** The unit at the end of a value axis, quiet. */
/** Budget charts' axis names: the shared colour, a size smaller. */
export const AXIS_NAME_STYLE = { ...AXIS_NAME_TEXT, fontSize: 12 };

/** Long Chinese names (funds, projects) wrap onto a second line rather than vanish. */
export const CATEGORY_LABELS = wrappedCategoryLabels(116);

export const CUT_COLOR = '#c8553d';
export const INCREASE_COLOR = '#2a9d8f';

/**
 * Height of a horizontal bar chart: enough per category for its bars (and their labels) to stay
 * legible, never so small that the legend and axis crowd out the plot.
 */
export function barChartHeight(categories: number, perCategory: number, chrome = 90): number {
  return Math.max(180, chrome + Math.max(1, categories) * perCategory);
}

export { escapeHtml } from '../../components/chart-option.ts';

/** 1, 2 or 5 × 10ⁿ at or above `value`: a round bound for a symmetric axis. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}
