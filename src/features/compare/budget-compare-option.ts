import { budgetBarSeries, budgetScale, budgetTooltip, budgetValueAxis } from '../../components/budget-series.ts';
import type { ChartOption } from '../../components/chart-option.ts';
import { formatPercent } from '../../lib/format.ts';
import type { CompareMeasuresRow } from '../../queries/compare-measures.ts';
import { itemAxisLabel, LEGEND_GRID, TOP_LEGEND, type OptionContext } from './option-context.ts';

/**
 * 年初 / 全年 / 执行 side by side for each compared item, the axis in 万元 or 亿元 as the
 * figures require; the 执行 bar carries the execution rate, so an in-year cut shows as a 年初
 * bar taller than the 全年 one.
 */
export function buildBudgetCompareOption(rows: readonly CompareMeasuresRow[], { lang, t }: OptionContext): ChartOption {
  const scale = budgetScale(rows, lang);
  return {
    grid: LEGEND_GRID,
    legend: TOP_LEGEND,
    tooltip: budgetTooltip(scale, lang),
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: itemAxisLabel(rows.length > 4 ? 84 : 140),
    },
    yAxis: budgetValueAxis(scale, lang),
    series: budgetBarSeries(rows, scale, t, (key) => (key === 'executed' ? {
      label: {
        show: true,
        position: 'top' as const,
        fontSize: 11,
        color: '#4a5663',
        formatter: ({ dataIndex }: { dataIndex: number }) => formatPercent(rows[dataIndex]?.execution_rate, lang),
      },
    } : {})),
  };
}
