/** What the score view's option builders share: context, grade colours, formats, layout. */
import { BLANK, formatNumber, formatScore, zhCollator } from '../../lib/format.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { ScoreTotalRow } from '../../queries/score-totals.ts';
import { AXIS_NAME_TEXT, wrappedCategoryLabels, type OptionContext as SharedOptionContext } from '../../components/chart-option.ts';

export interface OptionContext extends SharedOptionContext {
  /** A phone-width screen: narrower project names, turned column names. */
  compact?: boolean;
}

/** A report with the label it gets on a project axis (unique among the rows shown). */
export type RankedProject = ScoreTotalRow & { label: string };

/** The grade bands of the guidance, lowest score of each band. */
export const GRADE_FLOORS = { 优: 90, 良: 80, 中: 60 } as const;

/** 优 in the app's "good" teal through 差 in its "bad" red, the colours of the status charts. */
export const GRADE_COLORS: Record<string, string> = { 优: '#2a9d8f', 良: '#3b6fb6', 中: '#e9a23b', 差: '#c8553d' };
export const NO_GRADE_COLOR = '#9aa5b1';
export const MISMATCH_COLOR = '#c8553d';

export const gradeColor = (grade: string | null): string => (grade && GRADE_COLORS[grade]) || NO_GRADE_COLOR;

export function gradeLabel(grade: string | null, t: Translate): string {
  if (grade == null) return BLANK;
  return grade in GRADE_COLORS ? t(`scores.grade.${grade}` as MessageKey) : grade;
}

/** `96 分` / `95.5 pts`; blank stays `—`. */
export const formatPoints = (value: number | null | undefined, { lang, t }: OptionContext): string =>
  value == null || !Number.isFinite(value) ? BLANK : t('scores.points', { count: formatScore(value, lang) });

/** A score rate as a percentage with a decimal only when needed: `100%`, `95.5%`. */
export const formatRate = (rate: number | null | undefined, lang: Lang): string =>
  rate == null || !Number.isFinite(rate) ? BLANK : `${formatNumber(rate * 100, lang, 1)}%`;

export { escapeHtml } from '../../components/chart-option.ts';

/**
 * Best total first (blank totals last), ties in the order a Chinese reader expects. A project
 * named twice (two years, two cities) gets its year and city appended so rows stay apart.
 */
export function rankProjects<R extends ScoreTotalRow>(rows: readonly R[]): (R & { label: string })[] {
  const uses = new Map<string, number>();
  for (const row of rows) uses.set(row.project, (uses.get(row.project) ?? 0) + 1);
  const labelled = rows.map((row) => {
    const extra = [row.year, row.city].filter((part) => part != null).join(' ');
    return { ...row, label: uses.get(row.project)! > 1 && extra ? `${row.project}（${extra}）` : row.project };
  });
  const seen = new Map<string, number>();
  for (const row of labelled) seen.set(row.label, (seen.get(row.label) ?? 0) + 1);
  for (const row of labelled) if (seen.get(row.label)! > 1) row.label = `${row.label} · ${row.report_id}`;
  return labelled.sort((a, b) =>
    (b.total_score ?? -Infinity) - (a.total_score ?? -Infinity) || zhCollator.compare(a.label, b.label));
}

/** Height of a chart with one row per project: enough for wrapped names, never cramped. */
export const projectChartHeight = (projects: number, chrome: number, row = 40): number => Math.max(220, projects * row + chrome);

/** Project names on a category axis: wrapped, never skipped; narrower on a phone. */
export const projectAxisLabels = (compact = false) => wrappedCategoryLabels(compact ? 96 : 124);


/** The horizontal axis of total scores (the totals and declared-vs-computed charts). */
export const totalScoreAxis = (min: number, max: number, { lang, t }: OptionContext) => ({
  type: 'value' as const,
  min,
  max,
  name: t('scores.axis.total'),
  nameLocation: 'middle' as const,
  nameGap: 24,
  nameTextStyle: AXIS_NAME_TEXT,
  axisLabel: { formatter: (value: number) => formatNumber(value, lang) },
});

/**
 * The project axis of a chart with one row per project, bottom to top as `ordered`, clickable;
 * the names of the projects `flagged` picks in red (`{bad|…}` selects the rich style).
 */
export const flaggedProjectAxis = (ordered: readonly RankedProject[], flagged: (p: RankedProject) => boolean, compact = false) => ({
  type: 'category' as const,
  data: ordered.map((p) => p.label),
  triggerEvent: true,
  axisTick: { show: false },
  axisLabel: {
    ...projectAxisLabels(compact),
    formatter: (value: string, index: number) => (ordered[index] && flagged(ordered[index]) ? `{bad|${value}}` : value),
    rich: { bad: { color: MISMATCH_COLOR, fontWeight: 600, lineHeight: 14 } },
  },
});
