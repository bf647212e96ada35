import { describe, expect, it } from 'vitest';
import { labelOf, MESSAGES, translate, type MessageKey } from '../../src/lib/i18n.ts';

describe('i18n', () => {
  const keys = (lang: 'zh' | 'en') => Object.keys(MESSAGES[lang]).sort();

  it('has exactly the same keys in Chinese and English', () => {
    expect(keys('en')).toEqual(keys('zh'));
  });

  it('has a non-empty text, never the raw key, for every key in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const key of keys(lang) as MessageKey[]) {
        const text = translate(lang, key, { count: 2, view: 'x', name: 'x', rate: 'x', message: 'x', from: 1, to: 2 });
        expect(text, `${lang} ${key}`).not.toBe('');
        expect(text, `${lang} ${key}`).not.toBe(key);
        expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
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
