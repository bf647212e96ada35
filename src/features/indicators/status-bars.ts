/**
 * Grouped status counts shaped into the bars of the stacked status charts: one bar per 一级,
 * per 二级 or per project, each with a count per status. Pure; the view keeps the bars to map
 * a click (by index) back to the 一级 or report it stands for.
 */
import { labelOf } from '../../lib/i18n.ts';
import { tableOrder, zhCollator } from '../../lib/format.ts';
import { LEVEL1_ORDER } from '../../parser/types.ts';
import { INDICATOR_STATUSES } from '../../queries/indicator-status-counts.ts';
import type { IndicatorStatusByLevelRow } from '../../queries/indicator-status-by-level.ts';
import type { IndicatorStatusByReportRow } from '../../queries/indicator-status-by-report.ts';
import type { IndicatorStatusTopRow } from '../../queries/indicator-status-top.ts';
import { formatCount } from '../../lib/format.ts';
import { level2Label, LEVEL2_ORDER, type OptionContext } from './option-context.ts';

export interface StatusBar {
  /** The 一级 value, `一级/二级`, or the report_id. */
  id: string;
  /** The bar summing the reports past the top N (“其他”): a click on it opens nothing. */
  other?: boolean;
  level1: string | null;
  level2?: string | null;
  reportId?: string;
  label: string;
  counts: Record<string, number>;
  total: number;
}

/** The statuses to draw: the four of the contract, in order, then any other found in the rows. */
export function statusesOf(bars: readonly StatusBar[]): string[] {
  const extra = new Set(bars.flatMap((bar) => Object.keys(bar.counts)).filter((s) => !INDICATOR_STATUSES.includes(s as never)));
  return [...INDICATOR_STATUSES, ...[...extra].sort()];
}

function collect<R extends { status: string; indicators: number }>(
  rows: readonly R[], keyOf: (row: R) => string, make: (row: R) => Omit<StatusBar, 'counts' | 'total'>,
): StatusBar[] {
  const bars = new Map<string, StatusBar>();
  for (const row of rows) {
    const key = keyOf(row);
    const bar = bars.get(key) ?? { ...make(row), counts: {}, total: 0 };
    bar.counts[row.status] = (bar.counts[row.status] ?? 0) + row.indicators;
    bar.total += row.indicators;
    bars.set(key, bar);
  }
  return [...bars.values()];
}

const blank = (value: string | null) => value ?? '';

export function level1Bars(rows: readonly IndicatorStatusByLevelRow[], { lang, t }: OptionContext): StatusBar[] {
  return collect(rows, (r) => blank(r.level1), (r) => ({
    id: blank(r.level1),
    level1: r.level1,
    label: r.level1 == null ? t('value.blank') : labelOf(lang, 'level1', r.level1),
  })).sort((a, b) => tableOrder(LEVEL1_ORDER, a.level1) - tableOrder(LEVEL1_ORDER, b.level1) || zhCollator.compare(a.id, b.id));
}

export function level2Bars(rows: readonly IndicatorStatusByLevelRow[], { t }: OptionContext): StatusBar[] {
  return collect(rows, (r) => `${blank(r.level1)}/${blank(r.level2)}`, (r) => ({
    id: `${blank(r.level1)}/${blank(r.level2)}`,
    level1: r.level1,
    level2: r.level2,
    label: r.level2 == null ? t('value.blank') : level2Label(t, r.level2),
  })).sort((a, b) =>
    tableOrder(LEVEL1_ORDER, a.level1) - tableOrder(LEVEL1_ORDER, b.level1)
    || tableOrder(LEVEL2_ORDER, a.level2 ?? null) - tableOrder(LEVEL2_ORDER, b.level2 ?? null)
    || zhCollator.compare(a.id, b.id));
}

/** One bar per report, named by its project (with city and year when two reports share it). */
export function projectBars(rows: readonly IndicatorStatusByReportRow[], { t }: OptionContext): StatusBar[] {
  const bars = collect(rows, (r) => r.report_id, (r) => ({
    id: r.report_id,
    reportId: r.report_id,
    level1: null,
    label: r.project ?? t('value.blank'),
  }));
  const detail = new Map(rows.map((r) => [r.report_id, [r.city, r.year].filter((v) => v != null).join(' ')]));
  const seen = new Map<string, number>();
  bars.forEach((bar) => seen.set(bar.label, (seen.get(bar.label) ?? 0) + 1));
  for (const bar of bars) {
    if (seen.get(bar.label)! > 1 && detail.get(bar.id)) bar.label = `${bar.label}（${detail.get(bar.id)}）`;
  }
  return bars.sort((a, b) => zhCollator.compare(a.label, b.label) || a.id.localeCompare(b.id));
}

/**
 * The bars of indicatorStatusTop's rows. When all reports are there, as projectBars has them (by
 * name); when some are folded, the shown ones in the query's order (most missed first), so the
 * reader sees why these, then one “其他 N 项” bar.
 */
export function projectBarsFromTop(rows: readonly IndicatorStatusTopRow[], context: OptionContext): { bars: StatusBar[]; hidden: number } {
  const shown = rows.filter((r): r is IndicatorStatusTopRow & { report_id: string } => !r.is_other && r.report_id !== null);
  const bars = projectBars(shown, context);
  const folded = rows.filter((r) => r.is_other);
  if (folded.length === 0) return { bars, hidden: 0 };
  const rank = new Map(shown.map((r) => [r.report_id, r.rank]));
  bars.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  const hidden = folded[0].groups - rank.size;
  const other = collect(folded, () => 'other', () => ({
    id: '', level1: null, other: true, label: context.t('chart.othersDetail', { count: formatCount(hidden, context.lang) }),
  }));
  return { bars: [...bars, ...other], hidden };
}
