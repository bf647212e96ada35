import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
import { LABELS_INSIDE, type ChartOption } from '../../components/chart-option.ts';
import { labelSeparator, listSeparator } from '../../lib/format.ts';
import {
  escapeHtml, formatPoints, GRADE_COLORS, GRADE_FLOORS, gradeColor, gradeLabel,
  projectAxisLabels, totalScoreAxis, type OptionContext, type RankedProject,
} from './score-format.ts';

/** Where the score axis starts: the 中 floor (60), or lower when a score lies below it. */
export function scoreAxisRange(projects: readonly RankedProject[]): { min: number; max: number } {
  const scores = projects.map((p) => p.total_score).filter((s): s is number => s != null);
  const weights = projects.map((p) => p.total_weight).filter((w): w is number => w != null);
  return {
    min: Math.min(GRADE_FLOORS.中, Math.floor(Math.min(...scores, GRADE_FLOORS.中) / 10) * 10),
    max: Math.max(100, Math.ceil(Math.max(...scores, ...weights, 100) / 10) * 10),
  };
}

/**
 * A dot per project on the total-score axis, best on top, coloured by grade, with the grade
 * floors (90 优, 80 良, 60 中) as vertical lines. Dots, not bars: the axis starts at 60, and
 * a bar cut off at 60 would exaggerate the gaps.
 */
export function buildTotalScoresOption(projects: readonly RankedProject[], context: OptionContext): ChartOption {
  const { t } = context;
  const sep = labelSeparator(context.lang);
  const ordered = [...projects].reverse(); // ECharts draws the first category at the bottom
  const { min, max } = scoreAxisRange(projects);
  const floors = Object.entries(GRADE_FLOORS).filter(([, floor]) => floor > min);
  return {
    grid: { left: 8, right: 64 + (needsZoom(ordered.length) ? ZOOM_SLIDER_ROOM : 0), top: 16, bottom: 30, ...LABELS_INSIDE },
    ...categoryZoom(ordered.length, 'y', undefined, 'end'),
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const project = ordered[(params as { dataIndex: number }).dataIndex];
        const lines = [
          `<b>${escapeHtml(project.label)}</b>`,
          `${escapeHtml(t('scores.series.computed'))}${sep}${formatPoints(project.total_score, context)} · ${escapeHtml(gradeLabel(project.grade, t))}`,
        ];
        if (project.mismatch) lines.push(`${escapeHtml(t('scores.series.declared'))}${sep}${formatPoints(project.declared_total_score, context)}`);
        return lines.join('<br/>');
      },
    },
    xAxis: totalScoreAxis(min, max, context),
    yAxis: {
      type: 'category',
      data: ordered.map((p) => p.label),
      triggerEvent: true, // a click on a project name opens its report too
      axisTick: { show: false },
      axisLabel: projectAxisLabels(context.compact),
      splitLine: { show: true, lineStyle: { color: '#f0f2f5' } },
    },
    series: [{
      type: 'scatter',
      name: t('scores.series.computed'),
      symbolSize: 14,
      cursor: 'pointer',
      label: { show: true, position: 'right', distance: 8, formatter: ({ dataIndex }) => formatPoints(ordered[dataIndex].total_score, context) },
      data: ordered.map((p, index) => ({
        value: [p.total_score ?? NaN, index],
        reportId: p.report_id,
        itemStyle: { color: gradeColor(p.grade), opacity: 1, borderColor: '#fff', borderWidth: 1.5 },
      })),
      markLine: {
        silent: true,
        symbol: 'none',
        animation: false,
        lineStyle: { type: 'dashed', width: 1 },
        // Along the line, so the labels of 80 and 90 never collide on a narrow chart.
        label: { position: 'insideEndTop', fontSize: 11 },
        data: floors.map(([grade, floor]) => ({
          xAxis: floor,
          lineStyle: { color: GRADE_COLORS[grade] },
          label: { color: GRADE_COLORS[grade], formatter: `${gradeLabel(grade, t)} ≥ ${floor}` },
        })),
      },
    }],
  };
}

/** The chart as one sentence for screen readers (and the browser test). */
export function describeTotalScores(projects: readonly RankedProject[], context: OptionContext): string {
  return projects.map((p) => `${p.label} ${formatPoints(p.total_score, context)}`).join(listSeparator(context.lang));
}
