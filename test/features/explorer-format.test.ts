/** How the explorer shows values and reads the range inputs: units, labels, blanks. */
import { describe, expect, it } from 'vitest';
import {
  columnLabelKey, describeRange, formatValue, inputUnit, parseInput, toInput, valueLabel,
} from '../../src/features/explorer/explorer-format.ts';
import { MESSAGES, translator } from '../../src/lib/i18n.ts';
import { EXPLORER_COLUMNS, EXPLORER_TABLES, requireColumn } from '../../src/queries/explorer-columns.ts';

describe('explorer formats', () => {
  const col = requireColumn;

  it('shows money with its unit, rates as %, points and counts, blanks as —', () => {
    expect(formatValue('reports', col('reports', 'budget_adjusted'), 593.04, 'zh')).toBe('593.04 万元');
    expect(formatValue('reports', col('reports', 'budget_adjusted'), 12_345, 'zh')).toBe('12,345.00 万元'); // a column keeps one unit
    expect(formatValue('reports', col('reports', 'budget_adjusted'), 593.04, 'en')).toBe('CNY 5.9304 M');
    expect(formatValue('reports', col('reports', 'execution_rate'), 0.9551098376313276, 'zh')).toBe('95.5%');
    expect(formatValue('indicators', col('indicators', 'achievement'), 1.33333333333, 'en')).toBe('133.3%');
    expect(formatValue('reports', col('reports', 'total_score'), 95.5, 'zh')).toBe('95.5');
    expect(formatValue('reports', col('reports', 'finding_count'), 1234, 'zh')).toBe('1,234');
    expect(formatValue('reports', col('reports', 'year'), 2022, 'zh')).toBe('2022');
    expect(formatValue('findings', col('findings', 'line'), 1234, 'zh')).toBe('1234');
    for (const blank of [null, undefined, '']) expect(formatValue('reports', col('reports', 'budget_initial'), blank, 'zh')).toBe('—');
    expect(formatValue('reports', col('reports', 'department'), null, 'zh')).toBe('—');
  });

  it('labels data values: status, 一级指标, codes, grades, kinds, funding rows', () => {
    expect(valueLabel('zh', 'indicators', 'status', 'not_met')).toBe('未达成');
    expect(valueLabel('en', 'indicators', 'status', 'not_met')).toBe('Not met');
    expect(valueLabel('en', 'findings', 'code', 'TOTAL_SCORE_MISMATCH')).not.toBe('TOTAL_SCORE_MISMATCH');
    expect(valueLabel('en', 'reports', 'grade', '优')).toBe('Excellent');
    expect(valueLabel('zh', 'indicators', 'kind', 'quantity')).toBe('数量');
    expect(valueLabel('zh', 'budget_lines', 'line', 'appropriation')).toBe('当年财政拨款');
    expect(valueLabel('zh', 'findings', 'line', '12')).toBe('12');
    expect(valueLabel('zh', 'reports', 'city', '株洲市')).toBe('株洲市');
    expect(valueLabel('zh', 'reports', 'department', '—')).toBe('—');
    // The standard 二级 names and the parser's status reasons, in English as the indicators view gives them.
    expect(valueLabel('en', 'indicators', 'level2', '数量指标')).toBe('Quantity');
    expect(valueLabel('en', 'indicators', 'level2', '自定二级')).toBe('自定二级'); // not a standard name: as printed
    expect(valueLabel('en', 'indicators', 'status_reason', '实际值为空')).toBe('the actual value is blank');
    expect(valueLabel('zh', 'indicators', 'status_reason', '实际值为空')).toBe('实际值为空');
  });

  it('has a header label of its own for every column of every table, in both languages', () => {
    for (const table of EXPLORER_TABLES) {
      for (const { name } of EXPLORER_COLUMNS[table]) {
        const key = columnLabelKey(table, name);
        expect(key, `${table}.${name}`).toBe(table === 'budget_lines' && name === 'line' ? 'explorer.col.line_kind' : `explorer.col.${name}`);
        expect(MESSAGES.en[key]).toBeTruthy();
      }
    }
  });

  it('reads range inputs in the shown unit: % for rates, 万元 (CNY M in English) for money', () => {
    expect(parseInput('95.5', 'rate', 'zh')).toBe(0.955);
    expect(parseInput('95.5%', 'rate', 'en')).toBe(0.955);
    expect(parseInput('1,000', 'money', 'zh')).toBe(1000);
    expect(parseInput('5.16', 'money', 'en')).toBe(516); // CNY M, as the cells show it
    expect(parseInput('', 'money', 'zh')).toBeNull();
    expect(parseInput('abc', 'points', 'zh')).toBeNull();
    expect(toInput(0.955, 'rate', 'zh')).toBe('95.5');
    expect(toInput(593.04, 'money', 'en')).toBe('5.9304');
    expect(toInput(null, 'rate', 'zh')).toBe('');
    expect(inputUnit('money', 'zh')).toBe('万元');
    expect(inputUnit('money', 'en')).toBe('M');
    expect(inputUnit('rate', 'en')).toBe('%');
    expect(inputUnit('points', 'zh')).toBe('');
  });

  it('describes a range for its chip', () => {
    const t = translator('zh');
    expect(describeRange(t, 'money', 'zh', 500, 1000)).toBe('500.00 万元–1,000.00 万元');
    expect(describeRange(t, 'rate', 'zh', 0.9, null)).toBe('≥ 90.0%');
    expect(describeRange(t, 'points', 'zh', null, 60)).toBe('≤ 60');
  });
});
