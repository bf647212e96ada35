/**
 * The console's state in the URL, so a link opens the same query and chart: `sqlq` (the query
 * text; absent = the first example), `sqlchart` (bar, line, scatter), `sqlx` and `sqly` (the
 * chart's columns). Column names are checked against the result before use.
 */
import { SQL_EXAMPLES, type SqlExample } from './examples.ts';
import { isResultChartType, type ResultChartSpec } from './result-chart-option.ts';

export const DEFAULT_EXAMPLE: SqlExample = SQL_EXAMPLES.find((e) => e.id === 'executionByCity') ?? SQL_EXAMPLES[0];

export interface ConsoleUrlState {
  sql: string;
  chart: Partial<ResultChartSpec>;
}

export function readConsoleUrl(params: URLSearchParams): ConsoleUrlState {
  const sql = params.get('sqlq');
  const type = params.get('sqlchart');
  const example = sql == null ? DEFAULT_EXAMPLE : exampleOf(sql);
  return {
    sql: sql ?? DEFAULT_EXAMPLE.sql,
    chart: {
      type: isResultChartType(type) ? type : example?.chart?.type,
      x: params.get('sqlx') ?? example?.chart?.x,
      y: params.get('sqly') ?? example?.chart?.y,
    },
  };
}

/** Parameters for running `sql`: the chart choice is reset, as the columns may differ. */
export const runParams = (sql: string): Record<string, string | null> => ({ sqlq: sql, sqlchart: null, sqlx: null, sqly: null });

export const chartParams = (spec: ResultChartSpec): Record<string, string | null> => ({ sqlchart: spec.type, sqlx: spec.x, sqly: spec.y });

/** The example whose text this is (after trimming), if any: it names exports and picks a chart. */
export const exampleOf = (sql: string): SqlExample | undefined => SQL_EXAMPLES.find((e) => e.sql.trim() === sql.trim());
