/**
 * How the explorer shows a value: money with 万元 (CNY M in English), fractions as %, points and
 * counts as numbers, codes and statuses by their labels, blanks as —. Pure, so it is tested
 * without a browser; the column filters convert between shown and stored units here too.
 */
import { BLANK, formatCount, formatTableMoney, formatNumber, formatPercent, formatScore } from '../../lib/format.ts';
import { LOCALES } from '../../lib/locale.ts';
import { columnLabelKeyOf } from '../../lib/column-labels.ts';
import { isMessageKey, labelOf, translateOr, type MessageKey, type Translate } from '../../lib/i18n.ts';
import { reasonIn } from '../../lib/status-reason.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { ExplorerColumn, NumberUnit, TableName } from '../../queries/explorer-columns.ts';
import { BLANK_CHOICE } from '../../queries/explorer-filter.ts';
import type { ExplorerValue } from '../../queries/explorer-page.ts';

/** The header label of a column (budget_lines.line is a funding row, not a source line). */
export function columnLabelKey(table: TableName, column: string): MessageKey {
  const key = columnLabelKeyOf(table, column);
  return isMessageKey(key) ? key : 'explorer.col.line';
}

/** A data value with a label of its own (status, 一级指标, finding code, grade, …), else as is. */
export function valueLabel(lang: Lang, table: TableName, column: string, value: string): string {
  if (value === BLANK_CHOICE) return BLANK;
  if (column === 'status' || column === 'level1' || column === 'code' || column === 'severity') return labelOf(lang, column, value);
  // The parser's own words (a status reason) and the standard 二级 names, as the indicators view gives them.
  if (column === 'status_reason') return reasonIn(value, lang) ?? value;
  const prefix = column === 'level2' ? 'indicators.level2' : column === 'grade' || column === 'rule_grade' ? 'explorer.grade' : column === 'kind' ? 'explorer.kind'
    : column === 'rule' ? 'rule'
    : table === 'budget_lines' && column === 'line' ? 'explorer.line' : null;
  const key = prefix ? `${prefix}.${value}` : '';
  return translateOr(lang, key, value);
}

export function formatNumberIn(unit: NumberUnit, value: number, lang: Lang): string {
  switch (unit) {
    case 'money': return formatTableMoney(value, lang);
    case 'rate': return formatPercent(value, lang);
    case 'points': return formatScore(value, lang);
    case 'count': return formatCount(value, lang);
    // Years and line numbers are names, not quantities: no thousands separator.
    case 'ordinal': return String(value);
    case 'plain': return formatNumber(value, lang, 4);
  }
}

/** A cell's text. */
export function formatValue(table: TableName, column: ExplorerColumn, value: ExplorerValue | undefined, lang: Lang): string {
  if (value == null || value === '') return BLANK;
  if (column.unit && typeof value === 'number') return formatNumberIn(column.unit, value, lang);
  return valueLabel(lang, table, column.name, String(value));
}

/**
 * Range inputs take numbers in the unit the cells show: rates as percentages (90 for 0.9), money
 * in 万元 in Chinese and in CNY millions in English (5.16 for 516 万元), the rest as stored.
 */
export function inputScale(unit: NumberUnit | undefined, lang: Lang): number {
  if (unit === 'rate') return 100;
  return unit === 'money' ? LOCALES[lang].money.inputPerWan : 1;
}

/** The unit a range input names: 万元, M (CNY millions), %, or nothing. */
export function inputUnit(unit: NumberUnit | undefined, lang: Lang): string {
  if (unit === 'rate') return '%';
  if (unit === 'money') return LOCALES[lang].money.inputUnit;
  return '';
}

// Rounded so that 95.5 % is 0.955, not 0.9550000000000001.
const round = (value: number) => Number(value.toPrecision(12));

/** A number as typed into a range input back into the stored unit; blank → null. */
export function parseInput(text: string, unit: NumberUnit | undefined, lang: Lang): number | null {
  const cleaned = text.replace(/[,，\s%]/g, '');
  if (cleaned === '' || !Number.isFinite(Number(cleaned))) return null;
  return round(Number(cleaned) / inputScale(unit, lang));
}

/** A stored number as a range input shows it. */
export const toInput = (value: number | null | undefined, unit: NumberUnit | undefined, lang: Lang): string =>
  value == null ? '' : String(round(value * inputScale(unit, lang)));

/** A short text for an active filter's chip: “城市：株洲市”, “得分：≥ 5”, “三级指标 包含 满意”. */
export function describeRange(t: Translate, unit: NumberUnit | undefined, lang: Lang, min?: number | null, max?: number | null): string {
  const show = (v: number) => formatNumberIn(unit ?? 'plain', v, lang);
  if (min != null && max != null) return t('explorer.between', { from: show(min), to: show(max) });
  if (min != null) return t('explorer.atLeast', { from: show(min) });
  return t('explorer.atMost', { to: show(max ?? 0) });
}
