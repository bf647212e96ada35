/**
 * A card with a measure by year (year-trend-option.ts), shown only when the data the other filters
 * leave spans two years or more: budget (execution rate), indicators (share met), scores (mean).
 */
import { useMemo } from 'react';
import { useQuery } from '../lib/db/index.ts';
import { useI18n } from '../lib/i18n.ts';
import type { Filters } from '../queries/filters.ts';
import { yearTrend, type TrendMeasure } from '../queries/year-trend.ts';
import { Chart } from './chart.tsx';
import { ChartCard } from './chart-card.tsx';
import { buildYearTrendOption, trendYears } from './year-trend-option.ts';
import './chart-extras.ts'; // lines

export function YearTrend({ filters, measure }: { filters: Filters; measure: TrendMeasure }) {
  const { lang, t } = useI18n();
  const trend = useQuery(useMemo(() => yearTrend(filters, measure), [filters, measure]));
  const rows = trend.rows ?? [];
  const option = useMemo(() => buildYearTrendOption(rows, measure, { lang, t }), [rows, measure, lang, t]);
  if (trendYears(rows).length < 2) return null;
  const title = t(`trend.title.${measure}`);
  return (
    <ChartCard title={title} loading={trend.loading} error={trend.error} testId={`chart-year-trend-${measure}`}>
      <Chart label={title} option={option} />
      <p className="chart-hint">{t('trend.hint')}</p>
    </ChartCard>
  );
}
