/**
 * Errors shown in the reader's language (src/lib/localized-error.ts): a key and params, rendered
 * per language when shown; the English rendering is the error's message.
 */
import { describe, expect, it } from 'vitest';
import { resolveDatasetSource } from '../../src/lib/db/dataset/dataset-source.ts';
import { DatasetError } from '../../src/lib/db/dataset/schema.ts';
import { ERROR_MESSAGES, LocalizedError, errorIn, renderError } from '../../src/lib/localized-error.ts';

describe('LocalizedError', () => {
  it('is English in its message and in either language when shown', () => {
    const error = new DatasetError('../nope/reports.csv', 'dataset.notFetched', { reason: 'HTTP 404' });
    expect(error).toBeInstanceOf(LocalizedError);
    expect(error.file).toBe('../nope/reports.csv');
    expect(error.message).toBe('../nope/reports.csv: could not be fetched (HTTP 404)');
    expect(errorIn(error, 'zh')).toBe('../nope/reports.csv：无法获取（HTTP 404）');
    expect(errorIn(error, 'en')).toBe(error.message);
  });

  it('joins a list as the language enumerates, and leaves out an optional part that is not given', () => {
    const error = new DatasetError('data/reports.csv', 'dataset.notFetched', { reason: 'HTTP 404', others: ['findings.csv', 'indicators.csv'] });
    expect(error.message).toBe('data/reports.csv: could not be fetched (HTTP 404), nor could findings.csv, indicators.csv');
    expect(error.messageIn('zh')).toBe('data/reports.csv：无法获取（HTTP 404）；findings.csv、indicators.csv 也无法获取');
    const values = { table: 'reports', column: 'year', count: 2, type: 'INTEGER', example: 'abc' };
    expect(new DatasetError('x.duckdb', 'dataset.badValues', values).messageIn('zh')).toBe('x.duckdb：表 reports 列 year：有 2 个值不是 INTEGER 类型，例如“abc”');
    expect(new DatasetError('x.duckdb', 'dataset.badValues', { ...values, report: '001' }).message).toBe("x.duckdb: table reports, column year: 2 value(s) are not INTEGER, e.g. 'abc' (report 001)");
  });

  it('says a refused ?data= in either language, its URL whole', () => {
    let refused: unknown;
    try {
      resolveDatasetSource('http://example.invalid/data/', 'http://site.test/sub/');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(LocalizedError);
    expect(errorIn(refused, 'zh')).toBe('data=http://example.invalid/data/：只能打开本站的数据集（http://example.invalid 是另一个来源）');
    expect(errorIn(refused, 'en')).toMatch(/^data=http:\/\/example\.invalid\/data\/: only datasets of this site/);
  });

  it('shows any other error as it is', () => {
    expect(errorIn(new Error('boom'), 'zh')).toBe('boom');
    expect(errorIn('text', 'en')).toBe('text');
  });

  it('has every message in both languages with the same params', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)[?:}]/g)].map(([, name]) => name).sort();
    for (const [key, { zh, en }] of Object.entries(ERROR_MESSAGES)) {
      expect(params(zh), key).toEqual(params(en));
      expect(renderError(key as keyof typeof ERROR_MESSAGES, {}, 'zh'), key).not.toMatch(/[{}]/);
    }
  });
});
