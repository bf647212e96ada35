import { type ChartOption } from '../chart-option.ts';
import { formatCount, formatNumber } from '../../lib/format.ts';
import type { ScoreHistogramRow } from '../../queries/score-histogram.ts';
import { AXIS_NAME_STYLE, COMPACT_GRID, type OptionContext } from '../option-context.ts';

/** Scores below this still get their band; above it, bands from here to 100 always show, for context. */
const CONTEXT_FROM = 80;

/** Bars for every band from 80 (or the lowest occupied band) to 100, empty bands included. */
export function buildScoreHistogramOption(
  rows: readonly ScoreHistogramRow[],
  { lang, t, binWidth }: OptionContext & { binWidth: number },
): ChartOption {
  const counts = new Map(rows.map((r) => [r.bin_start, r.reports]));
  const top = Math.ceil(100 / binWidth) * binWidth - binWidth;
  const contextLow = Math.floor(CONTEXT_FROM / binWidth) * binWidth;
  const low = Math.min(contextLow, ...rows.map((r) => r.bin_start));
  const bins: number[] = [];
  for (let start = low; start <= top; start += binWidth) bins.push(start);
  return {
    grid: COMPACT_GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => formatCount(Number(value), lang) },
    xAxis: {
      type: 'category',
      data: bins.map((start) =>
        t('score.range', { from: formatNumber(start, lang), to: formatNumber(Math.min(100, start + binWidth), lang) })),
      axisTick: { show: false },
      // Every band is labelled (left to ECharts, a narrow card labelled every other one, and a
      // lone bar read as its neighbour's band); only labels that would overlap are left out.
      axisLabel: { interval: 0, hideOverlap: true },
    },
    yAxis: { type: 'value', name: t('chart.reports'), nameTextStyle: AXIS_NAME_STYLE, minInterval: 1 },
    series: [{
      type: 'bar',
      name: t('chart.reports'),
      barCategoryGap: '8%',
      itemStyle: { color: '#3b6fb6' },
      data: bins.map((start) => counts.get(start) ?? 0),
    }],
  };
}
