/**
 * The by-year chart of a measure (issue 20, years): one line for all the filtered reports and one
 * for each city or fund the filters name; the years on the x axis. Pure; the card is year-trend.tsx.
 */
import { AXIS_NAME_STYLE, AXIS_NAME_TEXT, LEGEND_GRID, PALETTE, TOP_LEGEND, type ChartOption, type OptionContext } from './chart-option.ts';
import { formatPercent, formatScore } from '../lib/format.ts';
import type { TrendMeasure, YearTrendRow } from '../queries/year-trend.ts';

/** Years in the rows, in order: a trend needs two. */
export const trendYears = (rows: readonly YearTrendRow[]): number[] => [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);

export function buildYearTrendOption(rows: readonly YearTrendRow[], measure: TrendMeasure, { lang, t }: OptionContext): ChartOption {
  const years = trendYears(rows);
  const labels = [...new Set(rows.map((r) => r.label))];
  const percent = measure !== 'mean_score';
  const format = (value: number | null) => (percent ? formatPercent(value, lang) : formatScore(value, lang));
  const nameOf = (label: string | null) => (label === null ? t('trend.all') : label === '' ? t('value.blank') : label);
  return {
    color: PALETTE,
    legend: { ...TOP_LEGEND, data: labels.map(nameOf) },
    grid: LEGEND_GRID,
    tooltip: { trigger: 'axis', valueFormatter: (value) => format(typeof value === 'number' ? value : null) },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: {
      type: 'value',
      name: t(`trend.axis.${measure}`),
      nameTextStyle: { ...AXIS_NAME_STYLE, ...AXIS_NAME_TEXT },
      scale: measure === 'mean_score',
      axisLabel: { formatter: (value: number) => (percent ? formatPercent(value, lang, 0) : formatScore(value, lang)) },
    },
    series: labels.map((label) => ({
      type: 'line',
      name: nameOf(label),
      connectNulls: false,
      symbolSize: 7,
      lineStyle: { width: label === null ? 3 : 2 },
      data: years.map((year) => rows.find((r) => r.year === year && r.label === label)?.value ?? null),
    })),
  };
}
