import { categoryZoom, needsZoom, ZOOM_SLIDER_ROOM } from '../../components/category-zoom.ts';
import type { ChartOption } from '../../components/chart-option.ts';
import { formatMoney, formatNumber, moneyScale, moneyUnitLabel, type MoneyScale } from '../../lib/format.ts';
import { LOCALES } from '../../lib/locale.ts';
import type { BudgetProjectRow } from '../../queries/budget-projects.ts';
import { ADJUSTMENT_ROUNDING as ROUNDING } from '../../queries/budget-adjustments-top.ts';
import { barsFromProjects } from './budget-bars.ts';
import { sign, signedPercent } from './signed.ts';
import {
  AXIS_NAME_STYLE, BAR_GRID, CATEGORY_LABELS, CUT_COLOR, INCREASE_COLOR, escapeHtml, niceCeil, type OptionContext,
} from './option-context.ts';


export interface AdjustedProject {
  report_id: string;
  label: string;
  detail?: string;
  budget_initial: number;
  budget_adjusted: number;
  adjustment: number;
  adjustment_rate: number | null;
}

/** Projects whose 全年预算 differs from the 年初 one, the deepest cut first, the largest increase last. */
export function adjustedProjects(rows: readonly BudgetProjectRow[], t: OptionContext['t']): AdjustedProject[] {
  const bars = barsFromProjects(rows, t);
  return rows
    .map((r, i) => ({ r, bar: bars[i] }))
    .filter(({ r }) => r.adjustment != null && Math.abs(r.adjustment) >= ROUNDING)
    .map(({ r, bar }) => ({
      report_id: r.report_id,
      label: bar.label,
      detail: bar.detail,
      budget_initial: r.budget_initial!,
      budget_adjusted: r.budget_adjusted!,
      adjustment: r.adjustment!,
      adjustment_rate: r.adjustment_rate,
    }))
    .sort((a, b) => a.adjustment - b.adjustment || a.report_id.localeCompare(b.report_id));
}

/**
 * `−158.96 万元（−21.1%）`: the amount signed, with the change against 年初 when there is one; in
 * `scale` when given (a table column's).
 */
export function formatAdjustment(amount: number, rate: number | null, lang: OptionContext['lang'], scale?: MoneyScale): string {
  return adjustmentParts(amount, rate, lang, scale).join(LOCALES[lang].wordSeparator);
}

/**
 * The chart's label: the amount, then the change against 年初 on a line of its own, so that the
 * label fits the half of the plot beside the zero line on a phone (one line ran past the card).
 */
export function formatAdjustmentLabel(amount: number, rate: number | null, lang: OptionContext['lang']): string {
  return adjustmentParts(amount, rate, lang).join('\n');
}

function adjustmentParts(amount: number, rate: number | null, lang: OptionContext['lang'], scale?: MoneyScale): string[] {
  const signed = `${sign(amount)}${formatMoney(Math.abs(amount), lang, scale)}`;
  if (rate == null) return [signed];
  return [signed, LOCALES[lang].bracket(signedPercent(rate, lang))];
}

/**
 * Diverging bars of 全年 − 年初 per project: 调减 red to the left, 调增 green to the right, on an
 * axis symmetric about zero so each bar's figure fits on the other side of the zero line.
 */
export function buildBudgetAdjustmentsOption(projects: readonly AdjustedProject[], { lang, t }: OptionContext): ChartOption {
  const largest = Math.max(0, ...projects.map((p) => Math.abs(p.adjustment)));
  const scale = moneyScale(largest, lang);
  const bound = niceCeil((largest / scale.divisor) * 1.05);
  const byIndex = (index: number) => projects[index];
  return {
    grid: { ...BAR_GRID, top: 12, right: BAR_GRID.right + (needsZoom(projects.length) ? ZOOM_SLIDER_ROOM : 0) },
    ...categoryZoom(projects.length),
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const project = byIndex((params as { dataIndex: number }).dataIndex);
        if (!project) return '';
        const lines = [
          `<strong>${escapeHtml(project.label)}</strong>`,
          project.detail ? escapeHtml(project.detail) : '',
          t('budget.tooltip.from', { from: formatMoney(project.budget_initial, lang), to: formatMoney(project.budget_adjusted, lang) }),
          t('budget.tooltip.change', {
            name: t(project.adjustment < 0 ? 'budget.series.cut' : 'budget.series.increase'),
            rate: formatAdjustment(project.adjustment, project.adjustment_rate, lang),
          }),
          `<span class="budget-tooltip-hint">${t('budget.tooltip.clickReport')}</span>`,
        ];
        return lines.filter(Boolean).join('<br/>');
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: projects.map((p) => p.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: CATEGORY_LABELS,
    },
    xAxis: {
      type: 'value',
      min: -bound,
      max: bound,
      name: moneyUnitLabel(scale, lang),
      nameLocation: 'end',
      nameGap: 8,
      nameTextStyle: AXIS_NAME_STYLE,
      axisLabel: { formatter: (value: number) => `${sign(value)}${formatNumber(Math.abs(value), lang, 1)}`, hideOverlap: true },
    },
    series: [{
      type: 'bar',
      name: t('budget.tooltip.adjustment'),
      barMaxWidth: 18,
      data: projects.map((p) => ({
        value: p.adjustment / scale.divisor,
        reportId: p.report_id,
        itemStyle: { color: p.adjustment < 0 ? CUT_COLOR : INCREASE_COLOR },
        label: {
          show: true,
          // On the far side of the zero line, where the symmetric axis leaves room.
          position: p.adjustment < 0 ? ('right' as const) : ('left' as const),
          fontSize: 11,
          color: p.adjustment < 0 ? CUT_COLOR : INCREASE_COLOR,
          lineHeight: 14,
          formatter: () => formatAdjustmentLabel(p.adjustment, p.adjustment_rate, lang),
        },
      })),
      markLine: {
        silent: true,
        symbol: 'none',
        label: { show: false },
        lineStyle: { color: '#8a96a3', width: 1, type: 'solid' },
        data: [{ xAxis: 0 }],
      },
    }],
  };
}
