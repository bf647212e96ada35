import { SEVERITY_COLORS, type ChartOption } from '../chart-option.ts';
import { formatCount } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import type { FindingsByCodeRow } from '../../queries/findings-by-code.ts';
import { COMPACT_GRID, type OptionContext } from '../option-context.ts';

/** Horizontal bars, most frequent code on top, coloured by the code's worst severity. */
export function buildFindingsByCodeOption(rows: readonly FindingsByCodeRow[], { lang, t }: OptionContext): ChartOption {
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  return {
    grid: { ...COMPACT_GRID, top: 8 },
    tooltip: { trigger: 'item', valueFormatter: (value) => formatCount(Number(value), lang) },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => labelOf(lang, 'code', r.code)),
      axisTick: { show: false },
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [{
      type: 'bar',
      name: t('chart.findings'),
      barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: ({ value }) => formatCount(Number(value), lang) },
      data: ordered.map((r) => ({ value: r.findings, code: r.code, itemStyle: { color: SEVERITY_COLORS[r.severity] ?? SEVERITY_COLORS.info } })),
    }],
  };
}
