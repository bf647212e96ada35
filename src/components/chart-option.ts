/**
 * The ECharts option type the `build…Option` functions return, limited to the chart types and
 * components that chart.tsx registers, and the colours they share. Type-only imports of echarts:
 * builders stay pure and run in Node tests without a DOM.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

export type ChartOption = ComposeOption<
  | BarSeriesOption | LineSeriesOption | ScatterSeriesOption | HeatmapSeriesOption
  | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
  | MarkLineComponentOption
>;

/** Series colours, calm enough for a report: budget shades of blue, execution in teal. */
export const PALETTE = ['#3b6fb6', '#7fa6d9', '#2a9d8f', '#e9a23b', '#c8553d', '#8d6cab', '#5c6b7a'];

export const BUDGET_COLORS = { initial: '#a9c1e3', adjusted: '#3b6fb6', executed: '#2a9d8f' } as const;

export const STATUS_COLORS: Record<string, string> = {
  met: '#2a9d8f',
  partial: '#e9a23b',
  not_met: '#c8553d',
  unknown: '#9aa5b1',
};

export const SEVERITY_COLORS: Record<string, string> = { error: '#c8553d', warning: '#e9a23b', info: '#7fa6d9' };

export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
