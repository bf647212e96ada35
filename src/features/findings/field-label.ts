/**
 * A finding's field in words: `indicators.actual_text` reads 绩效指标 · 实际完成值 (Indicators ·
 * Actual), `budget_lines.appropriation.execution_rate` 预算明细 · 当年财政拨款 · 执行率. The field
 * as stored stays one hover away, for analysts who query it. A part without a label stays as is.
 */
import { formatTableMoney } from '../../lib/format.ts';
import { MESSAGES, translate, type MessageKey } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';

const hasKey = (key: string): key is MessageKey => key in MESSAGES.zh;
const label = (lang: Lang, key: string, fallback: string) => (hasKey(key) ? translate(lang, key) : fallback);

export function fieldLabel(field: string, lang: Lang): string {
  if (field === 'narrative') return translate(lang, 'findings.field.narrative');
  const [table, ...rest] = field.split('.');
  const parts = [label(lang, `explorer.table.${table}`, table)];
  if (table === 'budget_lines' && rest.length === 2) {
    const row = rest.shift()!;
    parts.push(label(lang, `explorer.line.${row}`, row));
  }
  for (const column of rest) parts.push(label(lang, `explorer.col.${column}`, column));
  return parts.join(' · ');
}

/** Columns that hold money in 万元: a finding's expected and found values of them are money too. */
const MONEY_COLUMNS = new Set(['budget_initial', 'budget_adjusted', 'executed']);

/**
 * A finding's expected or found value as the page shows such a value: money in 万元 or CNY M
 * (`752` → `752.00 万元`, `CNY 7.5200 M`); anything else as stored.
 */
export function findingValue(field: string | null, value: string, lang: Lang): string {
  const column = field?.split('.').at(-1);
  const number = value.trim() === '' ? NaN : Number(value);
  return column && MONEY_COLUMNS.has(column) && Number.isFinite(number) ? formatTableMoney(number, lang) : value;
}
