import type { ChartOption } from '../../components/chart-option.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import { COMPARE_LEVEL1S, LEVEL1_RATE_COLUMNS, type CompareMeasuresRow } from '../../queries/compare-measures.ts';
import { AXIS_NAME_STYLE, itemAxisLabel, itemColor, LEGEND_GRID, TOP_LEGEND, type OptionContext } from './option-context.ts';

/** Bar labels fit above bars this wide only for a pair of items; beyond, the tooltip and the table give the values. */
const LABELLED_ITEMS = 2;
/** Height of a bar label above the grid (11 px type and its gap). */
const LABEL_ROOM = 14;

/**
 * Score rate (score ÷ weight) of each 一级 indicator, one bar per item in each group: the
 * comparison a radar chart would show, drawn with the registered bar series. The axis runs from
 * 0, so small gaps look small; the labels give the exact rates.
 */
export function buildScoreRateOption(rows: readonly CompareMeasuresRow[], { lang, t }: OptionContext): ChartOption {
  const labelled = rows.length <= LABELLED_ITEMS;
  return {
    // Labels above bars at 100% need the room between the grid and the axis name.
    grid: labelled ? { ...LEGEND_GRID, top: LEGEND_GRID.top + LABEL_ROOM } : LEGEND_GRID,
    legend: { ...TOP_LEGEND, type: 'scroll', right: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => formatPercent(value == null ? null : Number(value), lang) },
    xAxis: {
      type: 'category',
      data: COMPARE_LEVEL1S.map((level1) => labelOf(lang, 'level1', level1)),
      axisTick: { show: false },
      axisLabel: itemAxisLabel(72), // all three show, wrapped when narrow
    },
    yAxis: {
      type: 'value',
      min: 0,
      // A score above its weight is a data problem, but it must still show.
      max: (extent: { max: number }) => Math.max(1, extent.max),
      name: t('compare.axis.scoreRate'),
      nameTextStyle: AXIS_NAME_STYLE,
      nameGap: labelled ? 15 + LABEL_ROOM : 15,
      axisLabel: { formatter: (value: number) => formatPercent(value, lang, 0) },
    },
    series: rows.map((row, index) => ({
      type: 'bar' as const,
      name: row.label,
      barMaxWidth: labelled ? 36 : 24,
      itemStyle: { color: itemColor(index) },
      // On a narrow screen even two labels may collide: those that would are left out.
      labelLayout: { hideOverlap: true },
      label: {
        show: labelled,
        position: 'top' as const,
        fontSize: 11,
        color: '#4a5663',
        // The table's decimal where there is one (its 96.7% must not read 97% here), none for a
        // whole percent, so that two labels fit over a pair of bars on a phone.
        formatter: ({ value }: { value: unknown }) => (value == null ? '' : `${formatNumber(Number(value) * 100, lang, 1)}%`),
      },
      data: COMPARE_LEVEL1S.map((level1) => ({ value: row[LEVEL1_RATE_COLUMNS[level1]], level1 })),
    })),
  };
}
