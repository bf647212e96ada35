/**
 * A category axis longer than a chart can show: the first `visible` categories in view and a
 * slider beside the axis (dragging the plot pans too) to reach the rest. Charts with no more
 * categories than that get nothing, so the small datasets look as they always did.
 */
import type { ChartOption } from './chart-option.ts';

/** Categories a zoomable chart shows at once. */
export const ZOOM_VISIBLE = 15;
/** Room the slider takes beside the plot (px). */
export const ZOOM_SLIDER_ROOM = 26;

export const needsZoom = (categories: number, visible = ZOOM_VISIBLE): boolean => categories > visible;

/**
 * The `dataZoom` of a chart whose category axis is `axis` (a horizontal bar chart's y axis, a
 * column chart's x axis). The window holds `visible` categories, and the slider cannot resize it
 * (the bars would grow thin or fat); the mouse wheel is left to the page.
 */
export function categoryZoom(
  categories: number, axis: 'x' | 'y' = 'y', visible = ZOOM_VISIBLE, at: 'start' | 'end' = 'start',
): Pick<ChartOption, 'dataZoom'> {
  if (!needsZoom(categories, visible)) return {};
  // Charts that list their first item last (ECharts draws category 0 at the bottom) open at the end.
  const startValue = at === 'start' ? 0 : categories - visible;
  const endValue = startValue + visible - 1;
  const axisIndex = axis === 'y' ? { yAxisIndex: 0 } : { xAxisIndex: 0 };
  const place = axis === 'y' ? { right: 4, top: 36, bottom: 12, width: 14 } : { left: 40, right: 16, bottom: 4, height: 14 };
  return {
    dataZoom: [
      {
        type: 'slider', ...axisIndex, ...place, startValue, endValue, zoomLock: true,
        showDetail: false, showDataShadow: false, brushSelect: false, filterMode: 'filter',
      },
      { type: 'inside', ...axisIndex, startValue, endValue, zoomLock: true, zoomOnMouseWheel: false, moveOnMouseWheel: false, moveOnMouseMove: true },
    ],
  };
}

/** The chart's height for `categories` at `perCategory` px each, counting only the ones in view. */
export const zoomedCount = (categories: number, visible = ZOOM_VISIBLE): number => Math.min(categories, visible);
