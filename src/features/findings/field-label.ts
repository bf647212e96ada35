/**
 * A finding's field in words: `indicators.actual_text` reads 绩效指标 · 实际完成值 (Indicators ·
 * Actual), `budget_lines.appropriation.execution_rate` 预算明细 · 当年财政拨款 · 执行率. The field
 * as stored stays one hover away, for analysts who query it. A part without a label stays as is.
 */
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
