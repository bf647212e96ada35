/** The quick chart of a console result, with pickers for its type and its x and y columns. */
import { useMemo, useRef } from 'react';
import { Chart, type ChartHandle } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { formatCount } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import type { ConsoleResult } from '../../lib/db/console/console-query.ts';
import {
  buildResultChartOption, fitResultChart, MAX_CHART_ROWS, numericColumns, RESULT_CHART_TYPES,
  type ResultChartSpec,
} from './result-chart-option.ts';

interface ResultChartProps {
  result: ConsoleResult;
  wanted: Partial<ResultChartSpec>;
  onChange(spec: ResultChartSpec): void;
  /** File name of the PNG, without the date. */
  exportName: string;
}

export function ResultChart({ result, wanted, onChange, exportName }: ResultChartProps) {
  const { lang, t } = useI18n();
  const chart = useRef<ChartHandle>(null);
  const spec = useMemo(() => fitResultChart(wanted, result.columns, result.rows), [result, wanted.type, wanted.x, wanted.y]);
  const numbers = useMemo(() => numericColumns(result.columns, result.rows), [result]);
  const option = useMemo(() => (spec ? buildResultChartOption(result.rows, spec, { lang, t }) : null), [result, spec, lang]);
  if (result.rows.length === 0) return null;
  const title = t('sql.chart');
  return (
    <ChartCard title={title} testId="sql-chart" exportName={exportName} chartRef={chart}>
      {!spec && <p className="card-empty">{t('sql.chartNone')}</p>}
      {spec && option && (
        <>
          <div className="sql-chart-controls">
            <label>
              <span>{t('sql.chartType')}</span>
              <select value={spec.type} data-testid="sql-chart-type" onChange={(e) => onChange({ ...spec, type: e.target.value as ResultChartSpec['type'] })}>
                {RESULT_CHART_TYPES.map((type) => <option key={type} value={type}>{t(`sql.chart.${type}` as MessageKey)}</option>)}
              </select>
            </label>
            <label>
              <span>{t('sql.chartX')}</span>
              <select value={spec.x} data-testid="sql-chart-x" onChange={(e) => onChange({ ...spec, x: e.target.value })}>
                {result.columns.map((column) => <option key={column} value={column}>{column}</option>)}
              </select>
            </label>
            <label>
              <span>{t('sql.chartY')}</span>
              <select value={spec.y} data-testid="sql-chart-y" onChange={(e) => onChange({ ...spec, y: e.target.value })}>
                {numbers.map((column) => <option key={column} value={column}>{column}</option>)}
              </select>
            </label>
            {result.rows.length > MAX_CHART_ROWS && <span className="sql-note">{t('sql.chartCapped', { count: formatCount(MAX_CHART_ROWS, lang) })}</span>}
          </div>
          <Chart ref={chart} label={`${title}: ${spec.y} / ${spec.x}`} option={option} height={320} />
        </>
      )}
    </ChartCard>
  );
}
