import type { ChartOption } from '../../components/chart-option.ts';
import { formatPercent } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import { COMPARE_LEVEL1S, LEVEL1_RATE_COLUMNS, type CompareMeasuresRow } from '../../queries/compare-measures.ts';
import { AXIS_NAME_STYLE, itemColor, LEGEND_GRID, TOP_LEGEND, type OptionContext } from './option-context.ts';

/** Bar labels fit above bars this wide only for a pair of items; beyond, the tooltip and the table give the values. */
const LABELLED_ITEMS = 2;

/**
 * Score rate (score ÷ weight) of each 一级 indicator, one bar per item in each group: the
 * comparison a radar chart would show, drawn with the registered bar series. The axis runs from
 * 0, so small gaps look small; the labels give the exact rates.
 */
export function buildScoreRateOption(rows: readonly CompareMeasuresRow[], { lang, t }: OptionContext): ChartOption {
  return {
    grid: LEGEND_GRID,
    legend: { ...TOP_LEGEND, type: 'scroll', right: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => formatPercent(value == null ? null : Number(value), lang) },
    xAxis: {
      type: 'category',
      data: COMPARE_LEVEL1S.map((level1) => labelOf(lang, 'level1', level1)),
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      // A score above its weight is a data problem, but it must still show.
      max: (extent: { max: number }) => Math.max(1, extent.max),
      name: t('compare.axis.scoreRate'),
      nameTextStyle: AXIS_NAME_STYLE,
      axisLabel: { formatter: (value: number) => formatPercent(value, lang, 0) },
    },
    series: rows.map((row, index) => ({
      type: 'bar' as const,
      name: row.label,
      barMaxWidth: rows.length <= LABELLED_ITEMS ? 36 : 24,
      itemStyle: { color: itemColor(index) },
      // On a narrow screen even two labels may collide: those that would are left out.
      labelLayout: { hideOverlap: true },
      label: {
        show: rows.length <= LABELLED_ITEMS,
        position: 'top' as const,
        fontSize: 11,
        color: '#4a5663',
        formatter: ({ value }: { value: unknown }) => formatPercent(value == null ? null : Number(value), lang, 0),
      },
      data: COMPARE_LEVEL1S.map((level1) => ({ value: row[LEVEL1_RATE_COLUMNS[level1]], level1 })),
    })),
  };
}
