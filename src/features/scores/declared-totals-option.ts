import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
import { LABELS_INSIDE, TOP_LEGEND, type ChartOption } from '../../components/chart-option.ts';
import { labelSeparator, listSeparator } from '../../lib/format.ts';
import {
  escapeHtml, flaggedProjectAxis, formatPoints, GRADE_COLORS, MISMATCH_COLOR, totalScoreAxis,
  type OptionContext, type RankedProject,
} from './score-format.ts';

const COMPUTED_COLOR = '#a9c1e3';
const DECLARED_COLOR = GRADE_COLORS.优;

/**
 * Paired bars per project: the total computed from the scores and the 总分 as printed. A
 * declared total that differs is red, and so is its project name. Bars, not a scatter: many
 * reports sit at 100/100 and would hide behind one another on a diagonal.
 */
export function buildDeclaredTotalsOption(projects: readonly RankedProject[], context: OptionContext): ChartOption {
  const { t } = context;
  const sep = labelSeparator(context.lang);
  const ordered = [...projects].reverse(); // ECharts draws the first category at the bottom
  const max = Math.max(100, ...ordered.flatMap((p) => [p.total_score ?? 0, p.declared_total_score ?? 0]));
  const pointsLabel = { show: true, position: 'right' as const, fontSize: 11, color: '#4a5663' };
  return {
    grid: { left: 8, right: 56 + (needsZoom(ordered.length) ? ZOOM_SLIDER_ROOM : 0), top: 36, bottom: 30, ...LABELS_INSIDE },
    ...categoryZoom(ordered.length, 'y', undefined, 'end'),
    legend: TOP_LEGEND,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const project = ordered[first.dataIndex];
        const declared = formatPoints(project.declared_total_score, context);
        return [
          `<b>${escapeHtml(project.label)}</b>`,
          `${escapeHtml(t('scores.series.computed'))}${sep}${formatPoints(project.total_score, context)}`,
          `${escapeHtml(t('scores.series.declared'))}${sep}${project.mismatch ? `<b style="color:${MISMATCH_COLOR}">${declared} ≠</b>` : declared}`,
        ].join('<br/>');
      },
    },
    xAxis: totalScoreAxis(0, Math.ceil(max / 10) * 10, context),
    // Project names of mismatching reports in red.
    yAxis: flaggedProjectAxis(ordered, (p) => p.mismatch, context.compact),
    series: [
      {
        type: 'bar',
        name: t('scores.series.computed'),
        itemStyle: { color: COMPUTED_COLOR },
        barMaxWidth: 14,
        barGap: '20%',
        cursor: 'pointer',
        label: { ...pointsLabel, formatter: ({ dataIndex }) => formatPoints(ordered[dataIndex].total_score, context) },
        data: ordered.map((p) => ({ value: p.total_score, reportId: p.report_id })),
      },
      {
        type: 'bar',
        name: t('scores.series.declared'),
        itemStyle: { color: DECLARED_COLOR },
        barMaxWidth: 14,
        cursor: 'pointer',
        label: { ...pointsLabel, formatter: ({ dataIndex }) => formatPoints(ordered[dataIndex].declared_total_score, context) },
        data: ordered.map((p) => ({
          value: p.declared_total_score,
          reportId: p.report_id,
          ...(p.mismatch ? { itemStyle: { color: MISMATCH_COLOR }, label: { color: MISMATCH_COLOR, fontWeight: 600 } } : {}),
        })),
      },
    ],
  };
}

export function describeDeclaredTotals(projects: readonly RankedProject[], context: OptionContext): string {
  const sep = labelSeparator(context.lang);
  return projects.filter((p) => p.mismatch)
    .map((p) => `${p.label}${sep}${context.t('scores.series.declared')} ${formatPoints(p.declared_total_score, context)} ≠ ${context.t('scores.series.computed')} ${formatPoints(p.total_score, context)}`)
    .join(listSeparator(context.lang));
}
