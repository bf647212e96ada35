/**
 * The findings table names a finding's field in words (field-label.ts): every field the parser
 * writes, in the bundled data and in every golden, reads without a stored identifier.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { fieldLabel, findingValue } from '../../src/lib/findings/field-label.ts';

const root = resolve(import.meta.dirname, '../..');
const outputs = join(root, 'test/parser/output');
const fields = new Set<string>([
  ...Papa.parse<{ field: string }>(readFileSync(join(BUNDLED_DATA_DIR, 'findings.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => r.field),
  ...readdirSync(outputs).filter((f) => f.endsWith('.json'))
    .flatMap((f) => ((JSON.parse(readFileSync(join(outputs, f), 'utf8')) as { findings?: { field: string | null }[] }).findings ?? []).map((x) => x.field ?? '')),
]);
fields.delete('');

describe('fieldLabel', () => {
  it('words a field by its table, funding row and column, in both languages', () => {
    expect(fieldLabel('indicators.actual_text', 'zh')).toBe('绩效指标 · 实际完成值');
    expect(fieldLabel('indicators.actual_text', 'en')).toBe('Indicators · Actual');
    expect(fieldLabel('budget_lines.appropriation.execution_rate', 'zh')).toBe('预算明细 · 当年财政拨款 · 执行率');
    expect(fieldLabel('reports.declared_total_score', 'en')).toMatch(/^Reports · /);
    expect(fieldLabel('narrative', 'zh')).toBe('报告正文');
    expect(fieldLabel('somewhere.else', 'en')).toBe('somewhere · else'); // unknown parts as they are
    expect(fieldLabel('budget_lines.mystery.execution_rate', 'en')).toBe('Budget lines · mystery · Execution rate');
  });

  it('gives a money field\'s expected and found values as money, other values as stored', () => {
    expect(findingValue('reports.budget_adjusted', '593.04', 'zh')).toBe('593.04 万元');
    expect(findingValue('reports.budget_adjusted', '593.04', 'en')).toBe('CNY 5.9304 M');
    expect(findingValue('budget_lines.total.executed', '752', 'en')).toBe('CNY 7.5200 M');
    expect(findingValue('budget_lines.appropriation.score', '10', 'en')).toBe('10');
    expect(findingValue('reports.budget_adjusted', '年度资金总额', 'en')).toBe('年度资金总额');
    expect(findingValue(null, '5', 'zh')).toBe('5');
  });

  it.each([...fields])('has words for %s, a field the parser writes', (field) => {
    for (const lang of ['zh', 'en'] as const) expect(fieldLabel(field, lang), lang).not.toMatch(/[a-z]_[a-z]|\./);
    // In Chinese every part has its label: a Latin letter would be a name left as stored.
    expect(fieldLabel(field, 'zh')).not.toMatch(/[A-Za-z]/);
  });
});
