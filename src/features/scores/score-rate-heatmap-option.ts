import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
import { LABELS_INSIDE, wrappedCategoryLabels, type ChartOption } from '../../components/chart-option.ts';
import { labelSeparator, zhCollator } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import { LEVEL1_ORDER } from '../../parser/types.ts';
import { BUDGET_CATEGORY, type ScoreRateRow } from '../../queries/score-rates.ts';
import {
  escapeHtml, formatPoints, formatRate, projectAxisLabels, type OptionContext, type RankedProject,
} from './score-format.ts';

/** The standard layout's order: budget execution, then the three 一级 indicators. */
const CATEGORY_ORDER: readonly string[] = [BUDGET_CATEGORY, ...LEVEL1_ORDER];

/** Rates at or below this share the reddest colour: the 差 line of the grades, as a rate. */
export const RATE_FLOOR = 0.6;
/** 60 % red → 80 % amber → 100 % teal, light enough for dark cell labels. */
const RATE_COLORS = ['#e38b7a', '#efb27e', '#f4d88e', '#c9e4c5', '#86cbbd'];
const BLANK_COLOR = '#f1f3f6';

/** The heat map's columns: the known categories in their usual order, then any others. */
export function rateColumns(cells: readonly ScoreRateRow[]): string[] {
  const present = new Set(cells.map((c) => c.category));
  const extra = [...present].filter((c) => !CATEGORY_ORDER.includes(c)).sort(zhCollator.compare);
  return [...CATEGORY_ORDER.filter((c) => present.has(c)), ...extra];
}

export const categoryLabel = (category: string, { lang, t }: OptionContext): string =>
  category === BUDGET_CATEGORY ? t('scores.budget') : labelOf(lang, 'level1', category);

interface CellItem {
  value: [number, number, number];
  reportId: string;
  cell: ScoreRateRow | null;
}

/**
 * Rows = projects (best total on top, as in the total-score chart), columns = budget execution
 * and the 一级 indicators, colour and label = score ÷ weight. A project without indicators of
 * a kind gets a pale cell with `—`, drawn by a second series outside the colour scale.
 */
export function buildScoreRateHeatmapOption(
  projects: readonly RankedProject[],
  cells: readonly ScoreRateRow[],
  context: OptionContext,
): ChartOption {
  const { lang, t, compact = false } = context;
  const ordered = [...projects].reverse(); // ECharts draws the first category at the bottom
  const columns = rateColumns(cells);
  const byKey = new Map(cells.map((c) => [`${c.report_id}\u0000${c.category}`, c]));
  const rated: CellItem[] = [];
  const blank: CellItem[] = [];
  ordered.forEach((project, y) => columns.forEach((category, x) => {
    const cell = byKey.get(`${project.report_id}\u0000${category}`) ?? null;
    // Colour by the rate clamped to the scale; the label and tooltip show the true rate.
    if (cell?.rate != null) rated.push({ value: [x, y, Math.min(1, Math.max(RATE_FLOOR, cell.rate))], reportId: project.report_id, cell });
    else blank.push({ value: [x, y, 0], reportId: project.report_id, cell });
  }));
  const sep = labelSeparator(lang);
  const tooltip = (item: CellItem) => {
    const project = ordered[item.value[1]];
    const head = `<b>${escapeHtml(project.label)}</b><br/>${escapeHtml(categoryLabel(columns[item.value[0]], context))}`;
    if (!item.cell) return `${head}<br/>${escapeHtml(t('scores.tooltip.noCategory'))}`;
    return [
      head,
      `${escapeHtml(t('scores.tooltip.score'))}${sep}${formatPoints(item.cell.score, context)}`,
      `${escapeHtml(t('scores.tooltip.weight'))}${sep}${formatPoints(item.cell.weight, context)}`,
      `${escapeHtml(t('scores.tooltip.rate'))}${sep}<b>${formatRate(item.cell.rate, lang)}</b>`,
    ].join('<br/>');
  };
  const cellLabel = { show: true, color: '#1d2733', fontSize: 12 };
  return {
    grid: { left: 8, right: 12 + (needsZoom(ordered.length) ? ZOOM_SLIDER_ROOM : 0), top: compact ? 68 : 40, bottom: 44, ...LABELS_INSIDE },
    ...categoryZoom(ordered.length, 'y', undefined, 'end'),
    tooltip: { trigger: 'item', formatter: (params) => tooltip((params as unknown as { data: CellItem }).data) },
    xAxis: {
      type: 'category',
      position: 'top',
      data: columns.map((c) => categoryLabel(c, context)),
      triggerEvent: true, // a click on a 一级 column name filters by it
      axisTick: { show: false },
      axisLine: { show: false },
      // Turned on a phone, where four columns leave each name less than its width.
      axisLabel: compact
        ? { interval: 0, rotate: 40, fontWeight: 500 }
        : { ...wrappedCategoryLabels(100), fontWeight: 500 },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((p) => p.label),
      triggerEvent: true,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: projectAxisLabels(context.compact),
    },
    visualMap: [
      {
        type: 'continuous',
        seriesIndex: 0,
        min: RATE_FLOOR,
        max: 1,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 12,
        itemHeight: 140,
        text: [formatRate(1, lang), `≤ ${formatRate(RATE_FLOOR, lang)}`],
        // The value shown on the scale while a cell is hovered: a rate, not the raw 0–1.
        formatter: (value: unknown) => formatRate(Number(value), lang),
        textStyle: { color: '#5a6775', fontSize: 11 },
        inRange: { color: RATE_COLORS },
      },
      // Blank cells: one pale colour, no legend.
      { type: 'continuous', seriesIndex: 1, show: false, min: 0, max: 1, inRange: { color: [BLANK_COLOR, BLANK_COLOR] } },
    ],
    series: [
      {
        type: 'heatmap',
        name: t('scores.tooltip.rate'),
        cursor: 'pointer',
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
        label: { ...cellLabel, formatter: (params) => formatRate((params.data as unknown as CellItem).cell?.rate, lang) },
        emphasis: { itemStyle: { borderColor: '#1f3a5f', borderWidth: 2 } },
        data: rated,
      },
      {
        type: 'heatmap',
        name: t('scores.tooltip.noCategory'),
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 3 },
        label: { ...cellLabel, color: '#9aa5b1', formatter: () => formatRate(null, lang) },
        data: blank,
      },
    ],
  };
}

/** The weakest cell in words, for screen readers (and the browser test). */
export function describeScoreRates(projects: readonly RankedProject[], cells: readonly ScoreRateRow[], context: OptionContext): string {
  const shown = new Set(projects.map((p) => p.report_id));
  const weakest = cells.filter((c) => c.rate != null && shown.has(c.report_id)).sort((a, b) => a.rate! - b.rate!)[0];
  if (!weakest) return '';
  const project = projects.find((p) => p.report_id === weakest.report_id)!;
  return `${project.label} · ${categoryLabel(weakest.category, context)} ${formatRate(weakest.rate, context.lang)}`;
}
