import { STATUS_COLORS, type ChartOption } from '../../components/chart-option.ts';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import type { CompareMeasuresRow } from '../../queries/compare-measures.ts';
import { INDICATOR_STATUSES } from '../../queries/indicator-status-counts.ts';
import { statusLegendTooltip } from '../../components/status-legend.ts';
import { LEGEND_GRID, TOP_LEGEND, type OptionContext } from './option-context.ts';

/** Segments narrower than this carry no label: the text would not fit; the tooltip still has it. */
const MIN_LABELLED_SHARE = 0.1;

/**
 * One 100% bar per item, split met → partial → not met → unknown, so items with very different
 * numbers of indicators compare on their mix. Shares are computed here from the counts; an item
 * without indicators gets an empty bar rather than a bar of zeros.
 */
export function buildStatusShareOption(rows: readonly CompareMeasuresRow[], { lang, t }: OptionContext): ChartOption {
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  return {
    grid: { ...LEGEND_GRID, top: 32, right: 20 },
    legend: { ...TOP_LEGEND, tooltip: statusLegendTooltip(lang) },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.25,
      axisLabel: { formatter: (value: number) => formatPercent(value, lang, 0) },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.label),
      axisTick: { show: false },
      // Long fund names: two lines at most; the tooltip has the whole name.
      axisLabel: { width: 112, height: 28, overflow: 'break', lineOverflow: 'truncate', lineHeight: 14 },
    },
    series: INDICATOR_STATUSES.map((status) => ({
      type: 'bar' as const,
      name: labelOf(lang, 'status', status),
      stack: 'status',
      barMaxWidth: 26,
      itemStyle: { color: STATUS_COLORS[status] },
      tooltip: {
        valueFormatter: (value: unknown, dataIndex: number) =>
          `${formatPercent(value == null ? null : Number(value), lang)} · ${t('compare.tooltip.indicators', { count: formatCount(ordered[dataIndex]?.[status], lang) })}`,
      },
      label: {
        show: true,
        color: '#fff',
        fontSize: 11,
        formatter: ({ value }: { value: unknown }) => (Number(value) >= MIN_LABELLED_SHARE ? formatPercent(Number(value), lang, 0) : ''),
      },
      data: ordered.map((r) => ({ value: r.indicators > 0 ? r[status] / r.indicators : null, status })),
    })),
  };
}
