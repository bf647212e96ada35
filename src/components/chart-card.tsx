/** A titled panel around a chart (or any content) with the empty, loading and error states. */
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n.ts';

export interface ChartCardProps {
  title: string;
  /** True while the rows are missing or stale; shown as a thin progress line, not a spinner. */
  loading?: boolean;
  error?: string | null;
  empty?: boolean;
  children: ReactNode;
  testId?: string;
}

export function ChartCard({ title, loading = false, error = null, empty = false, children, testId }: ChartCardProps) {
  const { t } = useI18n();
  return (
    <section className="card chart-card" data-testid={testId} aria-busy={loading}>
      <header className="card-header">
        <h2>{title}</h2>
        {loading && <span className="progress" aria-hidden="true" />}
      </header>
      {error ? <p className="card-error" role="alert">{error}</p>
        : empty ? <p className="card-empty">{t('chart.noData')}</p>
        : children}
    </section>
  );
}
