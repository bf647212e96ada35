import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
import { AXIS_NAME_TEXT, LABELS_INSIDE, STATUS_COLORS, TOP_LEGEND, wrappedCategoryLabels, type ChartOption } from '../../components/chart-option.ts';
import { formatCount, labelSeparator } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import { escapeHtml, type OptionContext } from './option-context.ts';
import { statusesOf, type StatusBar } from './status-bars.ts';
import { statusLegendTooltip } from '../../components/status-legend.ts';

const ROW_HEIGHT = 36;
/** Legend on top, value axis and its name below. */
const CHROME_HEIGHT = 96;

/** The chart's CSS height for `bars` bars, so every label has its row. */
export const statusStackHeight = (bars: number): number => CHROME_HEIGHT + Math.max(bars, 2) * ROW_HEIGHT;

export interface StatusStackOptions {
  /** Category labels emit clicks too (the 一级 or project names). */
  clickableLabels?: boolean;
  /** Width of the category labels in px; they wrap inside it. */
  labelWidth?: number;
  /** Past ZOOM_VISIBLE bars, a slider scrolls the axis (the chart's height is then that of ZOOM_VISIBLE bars). */
  zoomable?: boolean;
}

/**
 * Horizontal bars stacked by status, first bar on top, in the overview's status colours. Each
 * segment's data item carries its status, so a click can filter by it; zero segments keep their
 * place in the tooltip but draw nothing.
 */
export function buildStatusStackOption(
  bars: readonly StatusBar[],
  { lang, t, narrow }: OptionContext,
  { clickableLabels = false, labelWidth = narrow ? 96 : 150, zoomable = false }: StatusStackOptions = {},
): ChartOption {
  const statuses = statusesOf(bars);
  const countText = (n: number) => t('indicators.count', { count: formatCount(n, lang) });
  const sep = labelSeparator(lang);
  return {
    grid: { left: 8, right: 20 + (zoomable && needsZoom(bars.length) ? ZOOM_SLIDER_ROOM : 0), top: 36, bottom: 28, ...LABELS_INSIDE },
    ...(zoomable ? categoryZoom(bars.length) : {}),
    legend: { ...TOP_LEGEND, selectedMode: false, tooltip: statusLegendTooltip(lang) },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const bar = bars[items[0]?.dataIndex ?? -1];
        if (!bar) return '';
        const lines = items.map((p) => `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}${sep}<b>${countText(Number(p.value) || 0)}</b>`);
        return [`<b>${escapeHtml(bar.label)}</b>`, ...lines, `${t('indicators.tooltip.total')}${sep}<b>${countText(bar.total)}</b>`].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      name: t('indicators.chart.indicators'),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: AXIS_NAME_TEXT,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      axisTick: { show: false },
      triggerEvent: clickableLabels,
      axisLabel: { ...wrappedCategoryLabels(labelWidth), ...(clickableLabels ? { color: '#1f3a5f' } : {}) },
    },
    series: statuses.map((status) => ({
      type: 'bar' as const,
      name: labelOf(lang, 'status', status),
      stack: 'status',
      barMaxWidth: 22,
      itemStyle: { color: STATUS_COLORS[status] ?? STATUS_COLORS.unknown },
      emphasis: { focus: 'series' as const },
      label: {
        show: true,
        color: '#fff',
        fontSize: 11,
        formatter: ({ value }: { value?: unknown }) => (Number(value) > 0 ? formatCount(Number(value), lang) : ''),
      },
      data: bars.map((bar) => ({ value: bar.counts[status] ?? 0, status, id: bar.id })),
    })),
  };
}
