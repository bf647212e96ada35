import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatNumber, formatPercent, formatScore, moneyScale, tableMoneyScale, zhCollator } from '../../src/lib/format.ts';

describe('format', () => {
  it('keeps a table column in 万元 (CNY M), with every 0.01 万元, however large its figures', () => {
    expect(formatMoney(24_100, 'zh', tableMoneyScale('zh'))).toBe('24,100.00 万元');
    expect(formatMoney(752, 'zh', tableMoneyScale('zh'))).toBe('752.00 万元');
    expect(formatMoney(250_000, 'en', tableMoneyScale('en'))).toBe('CNY 2,500.0000 M');
    // 83.50 万元 is CNY 835,000: two decimals of a million would print 0.84.
    expect(formatMoney(83.5, 'en', tableMoneyScale('en'))).toBe('CNY 0.8350 M');
    expect(formatMoney(0.01, 'en', tableMoneyScale('en'))).toBe('CNY 0.0001 M');
    expect(formatMoney(null, 'zh', tableMoneyScale('zh'))).toBe('—');
  });

  it('shows 万元 below 10,000 万元 and 亿元 from there', () => {
    expect(formatMoney(4410.88, 'zh')).toBe('4,410.88 万元');
    expect(formatMoney(516, 'zh')).toBe('516.00 万元');
    expect(formatMoney(10_000, 'zh')).toBe('1.00 亿元');
    expect(formatMoney(123_456, 'zh')).toBe('12.35 亿元');
  });

  it('shows CNY millions and billions in English', () => {
    expect(formatMoney(4410.88, 'en')).toBe('CNY 44.11 M');
    expect(formatMoney(250_000, 'en')).toBe('CNY 2.50 B');
    expect(moneyScale(99_999, 'en')).toEqual({ divisor: 100, unit: 'M' });
    // Under CNY 1 M, thousands: 83.50 万元 is CNY 835.00 K, not CNY 0.84 M.
    expect(formatMoney(83.5, 'en')).toBe('CNY 835.00 K');
    expect(formatMoney(100, 'en')).toBe('CNY 1.00 M');
    // The unit follows the figure as shown: no 'CNY 1,000.00 K', no '10,000.00 万元'; nothing is CNY 0.00 M.
    expect(formatMoney(99.9999, 'en')).toBe('CNY 1.00 M');
    expect(formatMoney(9999.999, 'zh')).toBe('1.00 亿元');
    expect(formatMoney(0, 'en')).toBe('CNY 0.00 M');
  });

  it('writes numbers exactly as Intl.NumberFormat does, without its start-up cost', () => {
    // Rounding on the shortest decimal form (1.005 → 1.01, where toFixed gives 1.00), carries
    // through grouped digits, negative zero, and exponent forms left to Intl.
    const values = [0, -0, 0.5, 1.005, 2.675, 9.995, 99.995, 999.995, 999_999.5, 1234.5678, -1234.5678, -0.001, 4410.88,
      0.125, 1e-7, 1.5e21, 123_456_789.015, 0.045, 1.45, 8.345];
    let seed = 7;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647);
    for (let i = 0; i < 2000; i++) values.push(Math.round((random() - 0.3) * 10 ** (1 + Math.floor(random() * 8)) * 1000) / 1000);
    for (const lang of ['zh', 'en'] as const) {
      for (const [max, min] of [[2, 0], [0, 0], [1, 1], [2, 2], [4, 0]]) {
        const intl = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: max, minimumFractionDigits: min });
        for (const value of values) expect([value, max, min, formatNumber(value, lang, max, min)]).toEqual([value, max, min, intl.format(value)]);
      }
    }
  });

  it('lets minDigits win over a smaller maxDigits, where Intl would throw', () => {
    expect(formatNumber(1.23456, 'en', 1, 3)).toBe('1.235');
    expect(formatNumber(1234, 'zh', 0, 2)).toBe('1,234.00');
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
