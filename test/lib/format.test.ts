import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatPercent, formatScore, moneyScale, zhCollator } from '../../src/lib/format.ts';

describe('format', () => {
  it('shows 万元 below 10,000 万元 and 亿元 from there', () => {
    expect(formatMoney(4410.88, 'zh')).toBe('4,410.88 万元');
    expect(formatMoney(516, 'zh')).toBe('516 万元');
    expect(formatMoney(10_000, 'zh')).toBe('1.00 亿元');
    expect(formatMoney(123_456, 'zh')).toBe('12.35 亿元');
  });

  it('shows CNY millions and billions in English', () => {
    expect(formatMoney(4410.88, 'en')).toBe('CNY 44.11 M');
    expect(formatMoney(250_000, 'en')).toBe('CNY 2.50 B');
    expect(moneyScale(99_999, 'en')).toEqual({ divisor: 100, unit: 'M' });
  });

  it('shows a blank as a dash, never 0', () => {
    for (const text of [formatMoney(null, 'zh'), formatPercent(undefined, 'en'), formatCount(Number.NaN, 'zh'), formatScore(null, 'zh')]) {
      expect(text).toBe('—');
    }
  });

  it('formats fractions as percentages and scores with one decimal at most', () => {
    expect(formatPercent(0.975492, 'zh')).toBe('97.5%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
    expect(formatScore(96, 'zh')).toBe('96');
    expect(formatScore(95.55, 'en')).toBe('95.6');
  });

  it('sorts Chinese names by pinyin', () => {
    expect(['株洲市', '益阳市', '长沙市'].sort(zhCollator.compare)).toEqual(['益阳市', '长沙市', '株洲市']);
  });
});
