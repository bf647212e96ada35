/**
 * The ECharts option type the `build…Option` functions return, limited to the chart types and
 * components that chart.tsx registers, and the colours they share. Type-only imports of echarts:
 * builders stay pure and run in Node tests without a DOM.
 */
import type { ComposeOption } from 'echarts/core';
import type { Translate } from '../lib/i18n.ts';
import type { Lang } from '../lib/url-state.ts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

export type ChartOption = ComposeOption<
  | BarSeriesOption | LineSeriesOption | ScatterSeriesOption | HeatmapSeriesOption
  | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
  | MarkLineComponentOption | DataZoomComponentOption
>;

/** CSS height of a chart unless a view asks for another. */
export const DEFAULT_CHART_HEIGHT = 260;

/** Series colours, calm enough for a report: budget shades of blue, execution in teal. */
export const PALETTE = ['#3b6fb6', '#7fa6d9', '#2a9d8f', '#e9a23b', '#c8553d', '#8d6cab', '#5c6b7a'];

export const BUDGET_COLORS = { initial: '#a9c1e3', adjusted: '#3b6fb6', executed: '#2a9d8f' } as const;

export const STATUS_COLORS: Record<string, string> = {
  met: '#2a9d8f',
  partial: '#e9a23b',
  not_met: '#c8553d',
  claimed: '#8d6cab',
  unknown: '#9aa5b1',
};

export const SEVERITY_COLORS: Record<string, string> = { error: '#c8553d', warning: '#e9a23b', info: '#7fa6d9' };

export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/**
 * The site's CSP (`style-src 'self'`, no 'unsafe-inline') blocks the style attributes in the
 * HTML that ECharts writes into its default tooltips. Tooltips are therefore drawn on the canvas
 * (`renderMode: 'richText'`), and a builder's formatter that returns HTML has its `<br>` turned
 * into line breaks and other tags dropped, so no view can bring inline styles back.
 */
export function withCspSafeTooltips(option: ChartOption): ChartOption {
  const tooltip = (option as { tooltip?: unknown }).tooltip;
  if (tooltip == null) return option;
  const fix = (t: Record<string, unknown>) => {
    const formatter = t.formatter;
    return {
      ...t,
      renderMode: 'richText',
      ...(typeof formatter === 'function'
        ? { formatter: (...args: unknown[]) => htmlToRichText((formatter as (...a: unknown[]) => unknown)(...args)) }
        : typeof formatter === 'string' ? { formatter: htmlToRichText(formatter) } : {}),
    };
  };
  return { ...option, tooltip: Array.isArray(tooltip) ? tooltip.map(fix) : fix(tooltip as Record<string, unknown>) } as ChartOption;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** `a<br/>b <b>c</b>` → `a\nb c`: what a canvas tooltip can show of an HTML string. */
export function htmlToRichText(value: unknown): unknown {
  if (typeof value !== 'string' || !value.includes('<') && !value.includes('&')) return value;
  return value
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^<>]{0,500}>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity])
    .replace(/&#(\d{1,6});/g, (_entity, code: string) => String.fromCodePoint(Number(code)));
}

/** What every `build…Option` needs besides its rows: the language and its labels. */
export interface OptionContext {
  lang: Lang;
  t: Translate;
}

/**
 * Spread into a grid: the axis labels stay inside the rect its left/right/top/bottom give, the
 * plot shrinking to make room. ECharts 6's form of `containLabel: true`, which it ignores unless
 * LegacyGridContainLabel is registered.
 */
export const LABELS_INSIDE = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

/** A compact grid whose axis labels stay inside the chart. */
export const COMPACT_GRID = { left: 8, right: 16, top: 44, bottom: 8, ...LABELS_INSIDE } as const;

/** Grid for charts with a legend on top: room for the legend and, below it, the axis name. */
export const LEGEND_GRID = { ...COMPACT_GRID, top: 60 } as const;

/** The legend above the plot, at the left, with small keys. */
export const TOP_LEGEND = { top: 0, left: 0, itemWidth: 12, itemHeight: 10 } as const;

/** Axis names start at the axis line and run right, so they are never clipped at the edge. */
export const AXIS_NAME_STYLE = { align: 'left' as const, padding: [0, 0, 0, -4] };

/** The colour of every axis name, and the text style of a name centred under its axis (nameLocation 'middle'). */
export const AXIS_NAME_COLOR = '#5a6775';
export const AXIS_NAME_TEXT = { color: AXIS_NAME_COLOR };

/** Category labels that all show: long Chinese names wrap within `width` pixels rather than being skipped. */
export const wrappedCategoryLabels = (width: number) => ({ interval: 0, width, overflow: 'break' as const, lineHeight: 14 });

/**
 * Names from the data go into tooltip text that may be HTML: escape them, never trust them
 * (htmlToRichText turns the entities back into characters for the canvas tooltips).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
