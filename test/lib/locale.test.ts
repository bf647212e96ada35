/**
 * The per-language rules of formatting (src/lib/locale.ts) are the one place a language is told
 * apart: no formatting code tests which language it is.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatTableMoney, moneyUnitLabel, moneyScale } from '../../src/lib/format.ts';
import { LOCALES } from '../../src/lib/locale.ts';
import { LANGS, parseLang } from '../../src/lib/url-params.ts';

const src = path.resolve(import.meta.dirname, '../../src');
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));

describe('locale table', () => {
  it('has a row for every language, each offering another', () => {
    expect(Object.keys(LOCALES).sort()).toEqual([...LANGS].sort());
    for (const lang of LANGS) expect(LOCALES[LOCALES[lang].other].other).toBe(lang);
  });

  it('is where the languages differ: no source file branches on a language by name', () => {
    // The one exception splits a legacy `中文 / English` message into its halves (bilingual.ts).
    const branches = files.filter((f) => !f.endsWith('bilingual.ts'))
      .filter((f) => /\blang\s*[!=]==?\s*['"](zh|en)['"]|['"](zh|en)['"]\s*[!=]==?\s*lang\b/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(branches).toEqual([]);
  });

  it('gives money per language from the table: 万元 / 亿元, CNY K / M / B', () => {
    expect(formatMoney(4410.88, 'zh')).toBe('4,410.88 万元');
    expect(formatMoney(24_100, 'zh')).toBe('2.41 亿元');
    expect(formatMoney(4410.88, 'en')).toBe('CNY 44.11 M');
    expect(formatMoney(83.5, 'en')).toBe('CNY 835.00 K');
    expect(formatTableMoney(83.5, 'en')).toBe('CNY 0.8350 M');
    expect(moneyUnitLabel(moneyScale(200_000, 'en'), 'en')).toBe('CNY B');
  });

  it('reads ?lang= as one of the languages, the default otherwise', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang(null)).toBe('zh');
    expect(parseLang('fr')).toBe('zh');
  });
});
