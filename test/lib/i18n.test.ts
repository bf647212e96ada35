import { describe, expect, it } from 'vitest';
import { labelOf, MESSAGES, translate, translator, type MessageKey } from '../../src/lib/i18n.ts';

describe('i18n', () => {
  const keys = (lang: 'zh' | 'en') => Object.keys(MESSAGES[lang]).sort();

  it('has exactly the same keys in Chinese and English', () => {
    expect(keys('en')).toEqual(keys('zh'));
  });

  it('has a non-empty text, never the raw key, for every key in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const key of keys(lang) as MessageKey[]) {
        const text = translate(lang, key, { count: 2, view: 'x', name: 'x', rate: 'x', message: 'x', from: 1, to: 2, claimed: 3, years: '2022', line: 1, column: 1, date: 'x', filters: 'x', values: 'x', read: 'x', size: 'x', percent: 'x', year: 2022, value: 'x', shown: 1, hidden: 2, total: 3, loaded: 'x' });
        expect(text, `${lang} ${key}`).not.toBe('');
        expect(text, `${lang} ${key}`).not.toBe(key);
        expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('gives each language one translator, the same at every call (hooks depend on it)', () => {
    // A new function per render re-ran every effect listing `t`: the view tabs measured their
    // layout at each filter change.
    expect(translator('zh')).toBe(translator('zh'));
    expect(translator('en')).toBe(translator('en'));
    expect(translator('en')).not.toBe(translator('zh'));
    expect(translator('en')('filter.clear')).toBe('Clear filters');
  });

  it('fills slots and labels data values', () => {
    expect(translate('zh', 'filter.selected', { count: 3 })).toBe('已选 3 项');
    expect(translate('en', 'filter.selected', { count: 3 })).toBe('3 selected');
    expect(labelOf('en', 'status', 'not_met')).toBe('Not met');
    expect(labelOf('zh', 'code', 'UNKNOWN_CODE')).toBe('UNKNOWN_CODE');
  });

  it('labels every finding code and status of the contract', () => {
    const codes = ['TOTAL_SCORE_MISMATCH', 'BUDGET_POINTS_MISPLACED', 'EXECUTION_RATE_MISMATCH', 'BUDGET_ADJUSTED',
      'LEVEL1_WEIGHT_MISMATCH', 'FULL_SCORE_TARGET_MISSED', 'DEDUCTION_WITHOUT_REASON', 'TARGET_MISSING',
      'ACTUAL_UNVERIFIABLE', 'FIELD_MISSING', 'ROW_REPAIRED', 'SCORE_EXCEEDS_WEIGHT'];
    for (const code of codes) expect(labelOf('zh', 'code', code)).not.toBe(code);
    for (const status of ['met', 'partial', 'not_met', 'unknown']) expect(labelOf('zh', 'status', status)).not.toBe(status);
  });
});

describe('plural words', () => {
  it('picks the English word by the number, formatted or not', () => {
    expect(translate('en', 'findings.summary', { count: '1', from: '1' })).toBe('1 finding in 1 report');
    expect(translate('en', 'findings.summary', { count: '1,234', from: 5 })).toBe('1,234 findings in 5 reports');
    expect(translate('en', 'report.figure.errorsHint', { count: 0 })).toBe('0 errors');
    expect(translate('en', 'scores.mismatch.note', { count: 1 })).toBe('1 report declares a total that differs from the sum of its scores (in red).');
  });

  it('leaves Chinese, which has none, as written', () => {
    expect(translate('zh', 'findings.summary', { count: '1', from: '1' })).toBe(MESSAGES.zh['findings.summary'].replace('{count}', '1').replace('{from}', '1'));
  });

  it('uses no "(s)" in English: every plural is picked by its number', () => {
    expect(Object.entries(MESSAGES.en).filter(([, text]) => text.includes('(s)'))).toEqual([]);
  });
});
