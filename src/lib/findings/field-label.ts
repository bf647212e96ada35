/**
 * A finding's field in words: `indicators.actual_text` reads 绩效指标 · 实际完成值 (Indicators ·
 * Actual), `budget_lines.appropriation.execution_rate` 预算明细 · 当年财政拨款 · 执行率. The field
 * as stored stays one hover away, for analysts who query it. A part without a label stays as is.
 */
import { formatTableMoney } from '../format.ts';
import { translate, translateOr } from '../i18n.ts';
import type { Lang } from '../url-state.ts';
import { explorerColumn, isExplorerTable } from '../../queries/explorer-columns.ts';

export function fieldLabel(field: string, lang: Lang): string {
  if (field === 'narrative') return translate(lang, 'findings.field.narrative');
  const [table, ...rest] = field.split('.');
  const parts = [translateOr(lang, `explorer.table.${table}`, table)];
  if (table === 'budget_lines' && rest.length === 2) {
    const row = rest.shift()!;
    parts.push(translateOr(lang, `explorer.line.${row}`, row));
  }
  for (const column of rest) parts.push(translateOr(lang, `explorer.col.${column}`, column));
  return parts.join(' · ');
}

/**
 * A finding's expected or found value as the page shows such a value: a value of a money column
 * (the explorer's catalogue says which hold 万元) in 万元 or CNY M (`752` → `752.00 万元`,
 * `CNY 7.5200 M`); anything else as stored.
 */
export function findingValue(field: string | null, value: string, lang: Lang): string {
  const [table = null, ...rest] = field?.split('.') ?? [];
  const column = rest.at(-1);
  const money = column !== undefined && isExplorerTable(table) && explorerColumn(table, column)?.unit === 'money';
  const number = value.trim() === '' ? NaN : Number(value);
  return money && Number.isFinite(number) ? formatTableMoney(number, lang) : value;
}
