import { STATUS_COLORS, wrappedCategoryLabels, type ChartOption } from '../chart-option.ts';
import { formatCount } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import { INDICATOR_STATUSES, type IndicatorStatusCountRow } from '../../queries/indicator-status-counts.ts';
import { statusExplained } from '../status-legend.ts';
import { AXIS_NAME_STYLE, COMPACT_GRID, type OptionContext } from '../option-context.ts';

/** Five statuses side by side: each name wraps inside 56 px, so `Partly met` and `Not met` stay apart on a phone. */
const STATUS_LABELS = wrappedCategoryLabels(56);

/** One bar per status, always in the order met → partial → not met → unknown (zeros kept). */
export function buildIndicatorStatusOption(rows: readonly IndicatorStatusCountRow[], { lang, t }: OptionContext): ChartOption {
  const counts = new Map(rows.map((r) => [r.status, r.indicators]));
  const statuses = [...INDICATOR_STATUSES, ...rows.map((r) => r.status).filter((s) => !INDICATOR_STATUSES.includes(s))];
  return {
    grid: COMPACT_GRID,
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = (Array.isArray(params) ? params[0] : params) as { value?: unknown; data?: { status?: string } };
        const status = item.data?.status ?? '';
        return `${statusExplained(lang, status)}<br/><b>${formatCount(Number(item.value), lang)}</b>`;
      },
    },
    xAxis: { type: 'category', data: statuses.map((s) => labelOf(lang, 'status', s)), axisTick: { show: false }, axisLabel: STATUS_LABELS },
    yAxis: { type: 'value', name: t('chart.indicators'), nameTextStyle: AXIS_NAME_STYLE, minInterval: 1 },
    series: [{
      type: 'bar',
      name: t('chart.indicators'),
      barMaxWidth: 36,
      label: { show: true, position: 'top', formatter: ({ value }) => formatCount(Number(value), lang) },
      data: statuses.map((status) => ({
        value: counts.get(status) ?? 0,
        status,
        itemStyle: { color: STATUS_COLORS[status] ?? STATUS_COLORS.unknown },
      })),
    }],
  };
}
