import { AXIS_NAME_TEXT, LABELS_INSIDE, STATUS_COLORS, type ChartOption } from '../../components/chart-option.ts';
import { BLANK, aside, formatNumber, formatPercent, labelSeparator } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import type { IndicatorAchievementRow } from '../../queries/indicator-achievement.ts';
import { escapeHtml, type OptionContext } from './option-context.ts';

/**
 * Bars stop at 200%: one indicator at 1,000% (a unit slip, or a modest target) would otherwise
 * squeeze every shortfall into a sliver. The true ratio stays in the label and the tooltip.
 */
export const ACHIEVEMENT_CAP = 2;

const ROW_HEIGHT = 30;
export const achievementHeight = (rows: number): number => 64 + Math.max(rows, 3) * ROW_HEIGHT;

/** Cuts a label to `max` characters; the full text is in the tooltip. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The target as printed, else as parsed (a target written only inside the indicator's name). */
export function targetText(row: { target_text: string | null; target_value: number | null; target_unit: string | null }, lang: OptionContext['lang']): string {
  if (row.target_text) return row.target_text;
  if (row.target_value == null) return BLANK;
  return `${formatNumber(row.target_value, lang)}${row.target_unit ?? ''}`;
}

/** Rich-text markup must not meet braces or bars from the data. */
const plain = (text: string) => text.replace(/[{}|]/g, ' ');

/**
 * One horizontal bar per quantitative indicator, lowest achievement on top, coloured by its
 * status, with a dashed line at 100% (the target). Labels: 三级 indicator over its project.
 */
export function buildAchievementOption(rows: readonly IndicatorAchievementRow[], { lang, t, narrow }: OptionContext): ChartOption {
  const nameChars = narrow ? 7 : 18;
  const shown = rows.map((r) => Math.min(r.achievement, ACHIEVEMENT_CAP));
  const axisMax = Math.min(ACHIEVEMENT_CAP, Math.max(1.2, Math.ceil(Math.max(0, ...shown) * 4) / 4));
  return {
    grid: { left: 8, right: 64, top: 28, bottom: 28, ...LABELS_INSIDE },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const row = rows[(Array.isArray(params) ? params[0] : params).dataIndex ?? -1];
        if (!row) return '';
        const capped = row.achievement > ACHIEVEMENT_CAP ? aside(t('indicators.tooltip.capped', { rate: formatPercent(ACHIEVEMENT_CAP, lang, 0) }), lang) : '';
        const sep = labelSeparator(lang);
        return [
          `<b>${escapeHtml(row.level3 ?? BLANK)}</b>`,
          escapeHtml(row.project ?? BLANK),
          `${t('indicators.tooltip.target')}${sep}${escapeHtml(targetText(row, lang))}`,
          `${t('indicators.tooltip.actual')}${sep}${escapeHtml(row.actual_text ?? BLANK)}`,
          `${t('indicators.tooltip.achievement')}${sep}<b>${formatPercent(row.achievement, lang)}</b>${capped}`,
          `${t('filter.status')}${sep}${escapeHtml(labelOf(lang, 'status', row.status))}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: axisMax,
      // On a phone the plot is narrow: fewer ticks, so their labels never touch.
      interval: narrow ? (axisMax > 1.5 ? 1 : 0.5) : axisMax > 1.5 ? 0.5 : 0.25,
      name: t('indicators.chart.achievementAxis'),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: AXIS_NAME_TEXT,
      axisLabel: { formatter: (value: number) => formatPercent(value, lang, 0) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      // Indexes, not names: two reports may have an indicator of the same name.
      data: rows.map((_, index) => String(index)),
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        formatter: (_value: string, index: number) => {
          const row = rows[index];
          return row ? `{name|${plain(clip(row.level3 ?? BLANK, nameChars))}}\n{project|${plain(clip(row.project ?? BLANK, nameChars + (narrow ? 2 : 4)))}}` : '';
        },
        rich: {
          name: { fontSize: 12, color: '#27323d', lineHeight: 14, align: 'right' },
          project: { fontSize: 11, color: '#8a96a3', lineHeight: 13, align: 'right' },
        },
      },
    },
    series: [{
      type: 'bar',
      name: t('indicators.tooltip.achievement'),
      barMaxWidth: 14,
      label: {
        show: true,
        position: 'right',
        fontSize: 11,
        formatter: ({ dataIndex }: { dataIndex: number }) => {
          const row = rows[dataIndex];
          return row ? `${formatPercent(row.achievement, lang, 0)}${row.achievement > ACHIEVEMENT_CAP ? ' ›' : ''}` : '';
        },
      },
      data: rows.map((row, index) => ({
        value: shown[index],
        reportId: row.report_id,
        itemStyle: { color: STATUS_COLORS[row.status] ?? STATUS_COLORS.unknown },
      })),
      markLine: {
        silent: true,
        symbol: ['none', 'none'],
        lineStyle: { type: 'dashed', color: '#1f3a5f', width: 1 },
        label: { formatter: t('indicators.chart.target100'), position: 'start', color: '#1f3a5f', fontSize: 11 },
        data: [{ xAxis: 1 }],
      },
    }],
  };
}
