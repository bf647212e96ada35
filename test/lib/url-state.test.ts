import { describe, expect, it } from 'vitest';
import { parseUrlState, toggleFilterValue, withFilters } from '../../src/lib/url-state.ts';
import { resolveDatasetSource } from '../../src/lib/db/dataset/dataset-source.ts';
import { BLANK_VALUE } from '../../src/queries/filters.ts';

describe('url state', () => {
  it('reads view, language and multi-valued filters', () => {
    const state = parseUrlState('?view=budget&lang=en&city=株洲市&city=益阳市&year=2022&year=x&year=%20&year=0x7E6&year=2022&status=met&other=1');
    expect(state.view).toBe('budget');
    expect(state.lang).toBe('en');
    expect(state.filters).toEqual({ city: ['株洲市', '益阳市'], year: [2022], status: ['met'] });
    expect(state.params.get('other')).toBe('1');
  });

  it('defaults to the Chinese overview with no filters', () => {
    expect(parseUrlState('')).toMatchObject({ view: 'overview', lang: 'zh', filters: {} });
  });

  it('writes filters back, keeping other parameters', () => {
    const params = withFilters(new URLSearchParams('view=scores&city=a'), { city: ['株洲市'], year: [2022, 2023] });
    expect(params.get('view')).toBe('scores');
    expect(params.getAll('city')).toEqual(['株洲市']);
    expect(parseUrlState(`?${params}`).filters).toEqual({ city: ['株洲市'], year: [2022, 2023] });
  });

  it('reads an empty value as BLANK_VALUE where the filter takes it, and drops it elsewhere', () => {
    const state = parseUrlState('?department=&city=&city=株洲市&year=&status=');
    expect(state.filters).toEqual({ department: [BLANK_VALUE], city: [BLANK_VALUE, '株洲市'] });
    const params = withFilters(new URLSearchParams(), state.filters);
    expect(params.toString()).toBe('city=&city=%E6%A0%AA%E6%B4%B2%E5%B8%82&department='); // in the filters' order
    expect(parseUrlState(`?${params}`).filters).toEqual(state.filters);
  });

  it('toggles one value of a filter', () => {
    expect(toggleFilterValue({ city: ['a'] }, 'city', 'b')).toEqual({ city: ['a', 'b'] });
    expect(toggleFilterValue({ city: ['a', 'b'] }, 'city', 'a')).toEqual({ city: ['b'] });
  });
});

describe('dataset source', () => {
  const base = 'https://example.org/sub/path/index.html?x=1';

  it('defaults to the bundled ./data/ folder, absolute against the page', () => {
    expect(resolveDatasetSource(null, base)).toEqual({ kind: 'csv-folder', url: 'https://example.org/sub/path/data/', label: 'data/', bundled: true });
  });

  it('accepts a same-origin folder or database file', () => {
    expect(resolveDatasetSource('other', base)).toMatchObject({ kind: 'csv-folder', url: 'https://example.org/sub/path/other/', bundled: false });
    expect(resolveDatasetSource('/all/reports.duckdb', base)).toMatchObject({ kind: 'duckdb-file', url: 'https://example.org/all/reports.duckdb' });
  });

  it('refuses another origin', () => {
    expect(() => resolveDatasetSource('https://evil.example/data/', base)).toThrow(/evil\.example/);
    expect(() => resolveDatasetSource('//evil.example/data/', base)).toThrow(/another origin/);
  });
});
