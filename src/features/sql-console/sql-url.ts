/**
 * The console's state in the URL, so a link opens the same query and chart: `sqlq` (the query
 * text; absent = the first example), `sqlchart` (bar, line, scatter), `sqlx` and `sqly` (the
 * chart's columns). Column names are checked against the result before use.
 */
import { parseLang, type Lang } from '../../lib/url-params.ts';
import { exampleChart, SQL_EXAMPLES, type SqlExample } from './examples.ts';
import { isResultChartType, type ResultChartSpec } from './result-chart-option.ts';

export const DEFAULT_EXAMPLE: SqlExample = SQL_EXAMPLES.find((e) => e.id === 'executionByCity') ?? SQL_EXAMPLES[0];

export interface ConsoleUrlState {
  sql: string;
  chart: Partial<ResultChartSpec>;
}

/** Without `sqlq`, the default example in the page's language (`lang`). */
export function readConsoleUrl(params: URLSearchParams): ConsoleUrlState {
  const sql = params.get('sqlq');
  const type = params.get('sqlchart');
  const lang: Lang = parseLang(params.get('lang'));
  const found = sql == null ? { example: DEFAULT_EXAMPLE, lang } : exampleOf(sql);
  const chart = found && exampleChart(found.example, found.lang);
  return {
    sql: sql ?? DEFAULT_EXAMPLE.sql[lang],
    chart: {
      type: isResultChartType(type) ? type : chart?.type,
      x: params.get('sqlx') ?? chart?.x,
      y: params.get('sqly') ?? chart?.y,
    },
  };
}

/** Parameters for running `sql`: the chart choice is reset, as the columns may differ. */
export const runParams = (sql: string): Record<string, string | null> => ({ sqlq: sql, sqlchart: null, sqlx: null, sqly: null });

export const chartParams = (spec: ResultChartSpec): Record<string, string | null> => ({ sqlchart: spec.type, sqlx: spec.x, sqly: spec.y });

/** The example whose text (in either language) this is, after trimming: it names exports and picks a chart. */
export function exampleOf(sql: string): { example: SqlExample; lang: Lang } | undefined {
  for (const example of SQL_EXAMPLES) {
    for (const lang of ['zh', 'en'] as const) if (example.sql[lang].trim() === sql.trim()) return { example, lang };
  }
  return undefined;
}
