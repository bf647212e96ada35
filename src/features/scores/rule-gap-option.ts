import { GAP_BANDS } from '../../queries/score-top.ts';
import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
/**
 * 复核 in the scores view: each project's self-score against its score by the published rules (a
 * dumbbell: the rule's score, the self-score, the gap between them in red), and how the gaps are
 * distributed. The rule scores come from the ingest (src/parser/rescore.ts, docs/scoring-rules.md).
 */
import { AXIS_NAME_TEXT, LABELS_INSIDE, TOP_LEGEND, type ChartOption } from '../../components/chart-option.ts';
import { formatCount, formatPercent, labelSeparator, listSeparator } from '../../lib/format.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { INFLATED_GAP } from '../../queries/score-totals.ts';
import {
  escapeHtml, flaggedProjectAxis, formatPoints, GRADE_COLORS, MISMATCH_COLOR, totalScoreAxis,
  type OptionContext, type RankedProject,
} from './score-format.ts';

const RULE_COLOR = '#3b6fb6';
const SELF_COLOR = GRADE_COLORS.优;
const GAP_COLOR = MISMATCH_COLOR;

/** The projects the rules could score, largest gap first (then best score, as ranked). */
export function byRuleGap(projects: readonly RankedProject[]): RankedProject[] {
  return projects.filter((p) => p.rule_total_score != null && p.total_score != null)
    .map((p, index) => ({ p, index }))
    .sort((a, b) => (b.p.rule_gap ?? 0) - (a.p.rule_gap ?? 0) || a.index - b.index)
    .map(({ p }) => p);
}

const isInflated = (p: RankedProject) => (p.rule_gap ?? 0) >= INFLATED_GAP;

export function buildRuleGapOption(projects: readonly RankedProject[], context: OptionContext): ChartOption {
  const { t } = context;
  const sep = labelSeparator(context.lang);
  const ordered = byRuleGap(projects).reverse(); // ECharts draws the first category at the bottom
  const values = ordered.flatMap((p) => [p.total_score!, p.rule_total_score!]);
  const min = Math.min(90, Math.floor(Math.min(100, ...values) / 10) * 10);
  const max = Math.max(100, Math.ceil(Math.max(0, ...values) / 10) * 10);
  const point = (p: RankedProject, value: number) => ({ value: [value, p.label], reportId: p.report_id });
  return {
    grid: { left: 8, right: 24 + (needsZoom(ordered.length) ? ZOOM_SLIDER_ROOM : 0), top: 36, bottom: 30, ...LABELS_INSIDE },
    ...categoryZoom(ordered.length, 'y', undefined, 'end'),
    legend: { ...TOP_LEGEND, data: [t('scores.series.rule'), t('scores.series.self')] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const p = ordered[first.dataIndex];
        if (!p) return '';
        const gap = p.rule_gap ?? 0;
        return [
          `<b>${escapeHtml(p.label)}</b>`,
          `${escapeHtml(t('scores.series.self'))}${sep}${formatPoints(p.total_score, context)}`,
          `${escapeHtml(t('scores.series.rule'))}${sep}${formatPoints(p.rule_total_score, context)}`,
          `${escapeHtml(t('scores.series.gap'))}${sep}${gap >= INFLATED_GAP ? `<b style="color:${GAP_COLOR}">${formatPoints(gap, context)}</b>` : formatPoints(gap, context)}`,
          `${escapeHtml(t('scores.series.coverage'))}${sep}${formatPercent(p.rule_coverage, context.lang)}`,
        ].join('<br/>');
      },
    },
    xAxis: totalScoreAxis(min, max, context),
    yAxis: flaggedProjectAxis(ordered, isInflated, context.compact),
    series: [
      // The gap as a bar from the rule's score to the self-score, over an invisible base.
      {
        type: 'bar', stack: 'gap', silent: true, barWidth: 4, itemStyle: { color: 'transparent' },
        data: ordered.map((p) => p.rule_total_score),
      },
      {
        type: 'bar', stack: 'gap', barWidth: 4, itemStyle: { color: GAP_COLOR }, cursor: 'pointer',
        data: ordered.map((p) => ({ value: p.rule_gap ?? 0, reportId: p.report_id })),
      },
      {
        type: 'scatter', name: t('scores.series.rule'), symbolSize: 11, cursor: 'pointer',
        itemStyle: { color: '#fff', borderColor: RULE_COLOR, borderWidth: 2 },
        data: ordered.map((p) => point(p, p.rule_total_score!)),
      },
      {
        type: 'scatter', name: t('scores.series.self'), symbolSize: 11, cursor: 'pointer', itemStyle: { color: SELF_COLOR },
        data: ordered.map((p) => ({ ...point(p, p.total_score!), ...(isInflated(p) ? { itemStyle: { color: GAP_COLOR } } : {}) })),
      },
    ],
  };
}

export function describeRuleGaps(projects: readonly RankedProject[], context: OptionContext): string {
  const sep = labelSeparator(context.lang);
  return byRuleGap(projects).filter(isInflated)
    .map((p) => `${p.label}${sep}${context.t('scores.series.self')} ${formatPoints(p.total_score, context)} > ${context.t('scores.series.rule')} ${formatPoints(p.rule_total_score, context)}`)
    .join(listSeparator(context.lang));
}

/** The gap bands of the distribution: no gap, under a point, then wider bands. */
export { GAP_BANDS };

/** Reports per gap band (reports the rules could not score left out). */
export function gapBandCounts(projects: readonly RankedProject[]): { id: string; reports: number }[] {
  const counts = GAP_BANDS.map((band) => ({ id: band.id, reports: 0 }));
  for (const p of projects) {
    if (p.rule_gap == null) continue;
    const gap = p.rule_gap;
    const index = gap <= 0 ? 0 : GAP_BANDS.findIndex((band, i) => i > 0 && gap >= band.from && gap < band.to);
    counts[index].reports += 1;
  }
  return counts;
}

export const buildGapDistributionOption = (projects: readonly RankedProject[], context: OptionContext): ChartOption =>
  buildGapBandsOption(gapBandCounts(projects), context);

/** Every band in GAP_BANDS' order, 0 where `rows` (scoreGapBands' counts) has none. */
export const allGapBands = (rows: readonly { id: string; reports: number }[]): { id: string; reports: number }[] =>
  GAP_BANDS.map((band) => ({ id: band.id, reports: rows.find((r) => r.id === band.id)?.reports ?? 0 }));

export function buildGapBandsOption(counts: readonly { id: string; reports: number }[], { lang, t, compact }: OptionContext): ChartOption {
  const reports = (value: unknown) => t('scores.reports', { count: formatCount(Number(value), lang) });
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, ...LABELS_INSIDE },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: reports },
    xAxis: {
      type: 'category',
      name: '',
      data: counts.map((c) => t(`scores.gapBand.${c.id}` as MessageKey)),
      axisTick: { show: false },
      // Six bands: on a phone each label wraps inside its own slot.
      axisLabel: { interval: 0, width: compact ? 44 : 96, overflow: 'break' as const, lineHeight: 14 },
    },
    yAxis: {
      type: 'value', name: t('scores.axis.reports'), nameTextStyle: { ...AXIS_NAME_TEXT, align: 'left' as const }, minInterval: 1,
      max: ({ max }: { max: number }) => Math.max(1, Math.ceil(max * 1.25)),
    },
    series: [{
      type: 'bar',
      name: t('scores.chart.gapDistribution'),
      barMaxWidth: 44,
      // The count alone (the axis names the unit): six labels fit a phone's width.
      label: { show: true, position: 'top', formatter: ({ value }) => formatCount(Number(value), lang) },
      data: counts.map((c, i) => ({ value: c.reports, band: c.id, itemStyle: { color: i === 0 ? SELF_COLOR : i === 1 ? '#e9a23b' : GAP_COLOR } })),
    }],
  };
}

export const describeGapDistribution = (projects: readonly RankedProject[], context: OptionContext): string =>
  describeGapBands(gapBandCounts(projects), context);

export function describeGapBands(counts: readonly { id: string; reports: number }[], { lang, t }: OptionContext): string {
  return counts
    .map((c) => `${t(`scores.gapBand.${c.id}` as MessageKey)} ${t('scores.reports', { count: formatCount(c.reports, lang) })}`)
    .join(listSeparator(lang));
}
