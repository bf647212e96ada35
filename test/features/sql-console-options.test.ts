/**
 * The SQL console's pure parts: the quick chart (column choice and option), the query history,
 * in-memory sorting of a result and the console's URL state.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/lib/i18n.ts';
import { addToHistory, MAX_HISTORY, parseHistory } from '../../src/features/sql-console/query-history.ts';
import {
  buildResultChartOption, defaultResultChart, fitResultChart, MAX_CHART_ROWS, numericColumns,
} from '../../src/features/sql-console/result-chart-option.ts';
import { sortRows } from '../../src/features/sql-console/result-sort.ts';
import { DEFAULT_EXAMPLE, readConsoleUrl, runParams } from '../../src/features/sql-console/sql-url.ts';
import { exampleChart } from '../../src/features/sql-console/examples.ts';

const ctx = { lang: 'zh' as const, t: translator('zh') };
const rows = [
  { 城市: '株洲市', '执行率(%)': 100, 报告数: 4, 备注: null },
  { 城市: '益阳市', '执行率(%)': 78.9, 报告数: 1, 备注: '调整' },
];
const columns = ['城市', '执行率(%)', '报告数', '备注'];

type AnyOption = { series: { type: string; data: unknown[] }[]; xAxis: { type: string; data?: string[]; name?: string }; yAxis: { name?: string } };

describe('quick chart', () => {
  it('finds the number columns (blanks allowed, text not)', () => {
    expect(numericColumns(columns, rows)).toEqual(['执行率(%)', '报告数']);
    expect(numericColumns(['a'], [{ a: null }])).toEqual([]);
  });

  it('opens with the first text column on x and the first number on y', () => {
    expect(defaultResultChart(columns, rows)).toEqual({ type: 'bar', x: '城市', y: '执行率(%)' });
    expect(defaultResultChart(['n', 'm'], [{ n: 1, m: 2 }])).toEqual({ type: 'bar', x: 'n', y: 'm' });
    expect(defaultResultChart(['a'], [{ a: 'x' }])).toBeNull();
  });

  it('keeps a wanted choice that fits the result and replaces one that does not', () => {
    expect(fitResultChart({ type: 'line', x: '报告数', y: '报告数' }, columns, rows)).toEqual({ type: 'line', x: '报告数', y: '报告数' });
    expect(fitResultChart({ type: 'line', x: 'gone', y: '城市' }, columns, rows)).toEqual({ type: 'line', x: '城市', y: '执行率(%)' });
  });

  it('draws bars over categories, axes named after the columns', () => {
    const option = buildResultChartOption(rows, { type: 'bar', x: '城市', y: '执行率(%)' }, ctx) as unknown as AnyOption;
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['株洲市', '益阳市'], name: '城市' });
    expect(option.yAxis.name).toBe('执行率(%)');
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [100, 78.9] });
  });

  it('draws a line, and a scatter on a value x axis when x is a number', () => {
    const line = buildResultChartOption(rows, { type: 'line', x: '城市', y: '报告数' }, ctx) as unknown as AnyOption;
    expect(line.series[0]).toMatchObject({ type: 'line', data: [4, 1] });
    const scatter = buildResultChartOption(rows, { type: 'scatter', x: '报告数', y: '执行率(%)' }, ctx) as unknown as AnyOption;
    expect(scatter.xAxis.type).toBe('value');
    expect(scatter.series[0].data).toEqual([{ name: '4', value: [4, 100] }, { name: '1', value: [1, 78.9] }]);
  });

  it('shows blanks as — and draws at most MAX_CHART_ROWS rows', () => {
    const many = Array.from({ length: MAX_CHART_ROWS + 20 }, (_, k) => ({ k: k === 0 ? null : `r${k}`, v: k }));
    const option = buildResultChartOption(many, { type: 'bar', x: 'k', y: 'v' }, ctx) as unknown as AnyOption;
    expect(option.xAxis.data).toHaveLength(MAX_CHART_ROWS);
    expect(option.xAxis.data![0]).toBe('—');
  });
});

describe('query history', () => {
  it('puts the newest first, without duplicates, capped', () => {
    expect(addToHistory(['b', 'a'], 'a')).toEqual(['a', 'b']);
    expect(addToHistory(['a'], '  c \n')).toEqual(['c', 'a']);
    expect(addToHistory(['a'], '   ')).toEqual(['a']);
    const full = Array.from({ length: MAX_HISTORY }, (_, k) => `q${k}`);
    expect(addToHistory(full, 'new')).toHaveLength(MAX_HISTORY);
    expect(addToHistory(full, 'new')[0]).toBe('new');
  });

  it('reads only a list of strings back from storage', () => {
    expect(parseHistory(null)).toEqual([]);
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory('["a", 2, "b"]')).toEqual(['a', 'b']);
  });
});

describe('result sorting and URL state', () => {
  it('sorts numbers by value, text in Chinese order, blanks last both ways', () => {
    const data = [{ v: 2, s: '益阳市' }, { v: null, s: null }, { v: 10, s: '株洲市' }, { v: 1, s: '常德市' }];
    expect(sortRows(data, [{ id: 'v', desc: false }]).map((r) => r.v)).toEqual([1, 2, 10, null]);
    expect(sortRows(data, [{ id: 'v', desc: true }]).map((r) => r.v)).toEqual([10, 2, 1, null]);
    expect(sortRows(data, [{ id: 's', desc: false }]).map((r) => r.s)).toEqual(['常德市', '益阳市', '株洲市', null]);
    expect(sortRows(data, [])).toBe(data);
  });

  it('opens with the default example and its chart, and reads a shared query', () => {
    expect(readConsoleUrl(new URLSearchParams())).toEqual({ sql: DEFAULT_EXAMPLE.sql.zh, chart: exampleChart(DEFAULT_EXAMPLE, 'zh') });
    // In English, the English text of the example, and its chart by the English column names.
    expect(readConsoleUrl(new URLSearchParams({ lang: 'en' }))).toEqual({ sql: DEFAULT_EXAMPLE.sql.en, chart: { type: 'bar', x: 'city', y: 'execution rate (%)' } });
    // A shared example keeps the chart of the language it is written in, whatever the page's.
    expect(readConsoleUrl(new URLSearchParams({ lang: 'en', sqlq: DEFAULT_EXAMPLE.sql.zh })).chart).toEqual({ type: 'bar', x: '城市', y: '执行率(%)' });
    const shared = readConsoleUrl(new URLSearchParams({ sqlq: 'SELECT 1 AS a', sqlchart: 'line', sqlx: 'a', sqly: 'a' }));
    expect(shared).toEqual({ sql: 'SELECT 1 AS a', chart: { type: 'line', x: 'a', y: 'a' } });
    expect(readConsoleUrl(new URLSearchParams({ sqlq: 'SELECT 1', sqlchart: 'pie' })).chart.type).toBeUndefined();
    expect(runParams('SELECT 2')).toEqual({ sqlq: 'SELECT 2', sqlchart: null, sqlx: null, sqly: null });
  });
});
