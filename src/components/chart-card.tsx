/**
 * A titled panel around a chart (or any content) with the empty, loading and error states.
 * A card that holds a `<Chart>` shows a PNG button: the file is named after the view and the
 * card (`预算执行-按城市-2026-11-22.png`) unless `exportName` says otherwise.
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { MESSAGES, useI18n, type MessageKey } from '../lib/i18n.ts';
import { dataUrlToBlob, downloadBlob } from '../lib/export/download.ts';
import { exportFileName } from '../lib/export/file-name.ts';
import { useUrlState } from '../lib/url-state.ts';
import { chartHandleIn, type ChartHandle } from './chart.tsx';
import './export-menu.css';

export interface ChartCardProps {
  title: string;
  /** True while the rows are missing or stale; shown as a thin progress line, not a spinner. */
  loading?: boolean;
  error?: string | null;
  empty?: boolean;
  children: ReactNode;
  testId?: string;
  /** File name of the PNG export, without the date; `false` hides the PNG button. */
  exportName?: string | false;
  /** The chart to export; by default the first `<Chart>` inside the card. */
  chartRef?: RefObject<ChartHandle | null>;
}

export function ChartCard({ title, loading = false, error = null, empty = false, children, testId, exportName, chartRef }: ChartCardProps) {
  const { lang, t } = useI18n();
  const { view } = useUrlState();
  const card = useRef<HTMLElement>(null);
  const [hasChart, setHasChart] = useState(false);
  useLayoutEffect(() => {
    const found = card.current?.querySelector('.chart') != null;
    if (found !== hasChart) setHasChart(found);
  });
  const viewKey = `view.${view}`;
  const viewTitle = viewKey in MESSAGES[lang] ? t(viewKey as MessageKey) : '';
  const exportPng = () => {
    const png = (chartRef?.current ?? chartHandleIn(card.current))?.exportPng();
    if (!png) return;
    const parts = exportName ? [exportName] : [viewTitle, title];
    downloadBlob(dataUrlToBlob(png), exportFileName(parts, 'png'));
  };
  const canExport = exportName !== false && hasChart && !error && !empty;
  return (
    <section ref={card} className="card chart-card" data-testid={testId} aria-busy={loading}>
      <header className="card-header">
        <h2>{title}</h2>
        {loading && <span className="progress" aria-hidden="true" />}
        {canExport && (
          <button type="button" className="chart-card-export" data-testid="chart-export-png" onClick={exportPng}
            title={t('export.pngTitle', { name: title })} aria-label={t('export.pngTitle', { name: title })}>
            {t('export.png')}
          </button>
        )}
      </header>
      {error ? <p className="card-error" role="alert">{error}</p>
        : empty ? <p className="card-empty">{t('chart.noData')}</p>
        : children}
    </section>
  );
}
