import { AXIS_NAME_TEXT, LABELS_INSIDE, TOP_LEGEND, type ChartOption } from '../../components/chart-option.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { formatCount, listSeparator } from '../../lib/format.ts';
import { GRADES, type ScoreGradeCountRow } from '../../queries/score-grade-counts.ts';
import { gradeColor, gradeLabel, type OptionContext } from './score-format.ts';

/** 优 良 中 差 always, zero bars kept (a leader should see that nothing was graded 差). */
export function buildGradeCountsOption(rows: readonly ScoreGradeCountRow[], { lang, t }: OptionContext): ChartOption {
  const counts = new Map(rows.map((r) => [r.grade, r.reports]));
  const grades: string[] = [...GRADES, ...rows.map((r) => r.grade).filter((g) => !(GRADES as readonly string[]).includes(g))];
  const reports = (value: unknown) => t('scores.reports', { count: formatCount(Number(value), lang) });
  const range = (grade: string) =>
    (GRADES as readonly string[]).includes(grade) ? t(`scores.gradeRange.${grade}` as MessageKey) : '';
  const ruleCounts = new Map(rows.map((r) => [r.grade, r.rule_reports ?? 0]));
  const byRules = rows.some((r) => (r.rule_reports ?? 0) > 0);
  // Two bars a grade: the count alone above each (the axis names the unit), so neighbours never collide.
  const barLabel = { show: true, position: 'top' as const, formatter: ({ value }: { value?: unknown }) => (byRules ? formatCount(Number(value), lang) : reports(value)) };
  return {
    grid: { left: 8, right: 16, top: byRules ? 56 : 40, bottom: 8, ...LABELS_INSIDE },
    ...(byRules ? { legend: { ...TOP_LEGEND, left: 'right' as const } } : {}),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: reports },
    xAxis: {
      type: 'category',
      data: grades.map((g) => `${gradeLabel(g, t)}\n${range(g)}`.trim()),
      axisTick: { show: false },
      axisLabel: { interval: 0, lineHeight: 16 },
    },
    yAxis: {
      type: 'value',
      name: t('scores.axis.reports'),
      nameTextStyle: { ...AXIS_NAME_TEXT, align: 'left' as const },
      minInterval: 1,
      // Headroom above the tallest bar, so its label stays clear of the axis name.
      max: ({ max }: { max: number }) => Math.max(1, Math.ceil(max * 1.25)),
    },
    series: [{
      type: 'bar',
      name: byRules ? t('scores.series.gradeSelf') : t('scores.chart.grades'),
      barMaxWidth: 44,
      label: barLabel,
      itemStyle: { color: gradeColor('优') },
      data: grades.map((grade) => ({ value: counts.get(grade) ?? 0, itemStyle: { color: gradeColor(grade) } })),
    },
    // 复核's grades beside them, in the same colours, hatched lighter.
    ...(byRules ? [{
      type: 'bar' as const,
      name: t('scores.series.gradeRule'),
      barMaxWidth: 44,
      label: barLabel,
      itemStyle: { color: gradeColor('优'), opacity: 0.45 },
      data: grades.map((grade) => ({ value: ruleCounts.get(grade) ?? 0, itemStyle: { color: gradeColor(grade), opacity: 0.45 } })),
    }] : [])],
  };
}

export function describeGradeCounts(rows: readonly ScoreGradeCountRow[], { lang, t }: OptionContext): string {
  const count = (n: number | undefined) => t('scores.reports', { count: formatCount(n ?? 0, lang) });
  const byRules = rows.some((r) => (r.rule_reports ?? 0) > 0);
  return GRADES.map((g) => {
    const row = rows.find((r) => r.grade === g);
    const self = `${gradeLabel(g, t)} ${count(row?.reports)}`;
    return byRules ? t('scores.gradeWithRule', { name: self, count: count(row?.rule_reports) }) : self;
  }).join(listSeparator(lang));
}
