/**
 * The quick chart of a console result: one column on x (text or numbers), one number column on
 * y, as bars, a line or points. The units are in the column names the query chose (e.g.
 * `执行率(%)`), so the axes are named after the columns. Pure: tested without a browser.
 */
import { AXIS_NAME_STYLE, LABELS_INSIDE, type ChartOption } from '../../components/chart-option.ts';
import { BLANK, formatNumber } from '../../lib/format.ts';
import type { Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';

export const RESULT_CHART_TYPES = ['bar', 'line', 'scatter'] as const;
export type ResultChartType = (typeof RESULT_CHART_TYPES)[number];

export interface ResultChartSpec {
  type: ResultChartType;
  x: string;
  y: string;
}

/** Rows drawn at most: beyond this a bar or line chart is a smear, and the table has them all. */
export const MAX_CHART_ROWS = 500;

export const isResultChartType = (value: string | null): value is ResultChartType =>
  (RESULT_CHART_TYPES as readonly (string | null)[]).includes(value);

/** Columns whose every non-blank value is a finite number (and that have at least one). */
export function numericColumns(columns: readonly string[], rows: readonly Record<string, unknown>[]): string[] {
  return columns.filter((column) => {
    let seen = false;
    for (const row of rows) {
      const value = row[column];
      if (value == null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      seen = true;
    }
    return seen;
  });
}

/**
 * The chart a result opens with: the first text column (else the first column) on x, the first
 * other number column on y. Null when there is no number to draw.
 */
export function defaultResultChart(columns: readonly string[], rows: readonly Record<string, unknown>[]): ResultChartSpec | null {
  const numbers = numericColumns(columns, rows);
  const x = columns.find((column) => !numbers.includes(column)) ?? columns[0];
  const y = numbers.find((column) => column !== x);
  return x != null && y != null ? { type: 'bar', x, y } : null;
}

/** A spec (e.g. from the URL) that fits this result, or the default one. */
export function fitResultChart(spec: Partial<ResultChartSpec>, columns: readonly string[], rows: readonly Record<string, unknown>[]): ResultChartSpec | null {
  const fallback = defaultResultChart(columns, rows);
  if (!fallback) return null;
  const numbers = numericColumns(columns, rows);
  return {
    type: spec.type && isResultChartType(spec.type) ? spec.type : fallback.type,
    x: spec.x != null && columns.includes(spec.x) ? spec.x : fallback.x,
    y: spec.y != null && numbers.includes(spec.y) ? spec.y : fallback.y,
  };
}

export interface ResultChartContext {
  lang: Lang;
  t: Translate;
}

const label = (value: unknown): string => (value == null || value === '' ? BLANK : String(value));

export function buildResultChartOption(rows: readonly Record<string, unknown>[], spec: ResultChartSpec, { lang }: ResultChartContext): ChartOption {
  const drawn = rows.slice(0, MAX_CHART_ROWS);
  const numericX = numericColumns([spec.x], drawn).length === 1;
  const valueX = spec.type === 'scatter' && numericX;
  const yValue = (row: Record<string, unknown>) => (typeof row[spec.y] === 'number' ? (row[spec.y] as number) : null);
  const format = (value: unknown) => (typeof value === 'number' ? formatNumber(value, lang, 2) : label(value));
  const nameStyle = { ...AXIS_NAME_STYLE, color: '#4a5663' };
  const categories = drawn.map((row) => label(row[spec.x]));
  const rotate = categories.length > 8 || categories.some((c) => c.length > 8) ? 30 : 0;
  return {
    grid: { left: 8, right: 56, top: 40, bottom: 8, ...LABELS_INSIDE },
    tooltip: spec.type === 'scatter'
      ? { trigger: 'item', formatter: (params: unknown) => {
          const [x, y] = (params as { value: [unknown, unknown] }).value;
          const name = valueX ? '' : `${label((params as { name?: string }).name)}\n`;
          return `${name}${spec.x}: ${format(x)}\n${spec.y}: ${format(y)}`;
        } }
      : { trigger: 'axis', axisPointer: { type: spec.type === 'bar' ? 'shadow' : 'line' }, valueFormatter: (value) => format(value) },
    xAxis: valueX
      ? { type: 'value', name: spec.x, nameLocation: 'end', nameTextStyle: { ...nameStyle, align: 'right' as const, padding: [28, 0, 0, 0] }, axisLabel: { formatter: (value: number) => formatNumber(value, lang, 2) } }
      : {
          type: 'category', data: categories, name: spec.x, nameTextStyle: { ...nameStyle, padding: [0, 0, 0, 4] },
          axisTick: { show: false },
          axisLabel: { interval: categories.length > 40 ? 'auto' : 0, rotate, width: rotate ? 110 : 88, overflow: 'truncate' as const },
        },
    yAxis: { type: 'value', name: spec.y, nameTextStyle: nameStyle, axisLabel: { formatter: (value: number) => formatNumber(value, lang, 2) } },
    series: [
      spec.type === 'scatter'
        ? { type: 'scatter' as const, name: spec.y, symbolSize: 10, data: drawn.map((row) => ({ name: label(row[spec.x]), value: [valueX ? row[spec.x] as number : label(row[spec.x]), yValue(row)] })) }
        : spec.type === 'line'
          ? { type: 'line' as const, name: spec.y, showSymbol: drawn.length <= 60, connectNulls: false, data: drawn.map(yValue) }
          : { type: 'bar' as const, name: spec.y, barMaxWidth: 36, data: drawn.map(yValue) },
    ],
  } as ChartOption;
}
