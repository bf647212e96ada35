/** What the data is made of now: reports, indicators and findings, bundled and imported. */
import { useMemo } from 'react';
import { useDbStatus, useQuery } from '../../lib/db/index.ts';
import { formatCount } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { importOriginCounts, type ImportOriginCountsRow } from '../../queries/import-origin-counts.ts';

const ORIGINS = ['bundled', 'imported'] as const;

export function OriginSummary() {
  const { lang, t } = useI18n();
  const db = useDbStatus();
  const counts = useQuery(useMemo(() => importOriginCounts(), []));
  const byOrigin = new Map<string, ImportOriginCountsRow>((counts.rows ?? []).map((row) => [row.origin, row]));
  return (
    <section className="card import-summary" data-testid="import-summary" data-source={counts.source} aria-busy={counts.loading}>
      <header className="card-header"><h2>{t('import.summaryTitle')}</h2></header>
      {counts.error ? <p className="card-error" role="alert">{counts.error}</p> : (
        <table className="import-summary-table">
          <thead>
            <tr>
              <th scope="col"><span className="import-sr">{t('import.colKind')}</span></th>
              <th scope="col">{t('import.summaryReports')}</th>
              <th scope="col">{t('import.summaryIndicators')}</th>
              <th scope="col">{t('import.summaryFindings')}</th>
            </tr>
          </thead>
          <tbody>
            {ORIGINS.map((origin) => {
              const row = byOrigin.get(origin);
              const hidden = origin === 'bundled' && db.imported?.replaced;
              const cell = (value: number | undefined) => (counts.rows ? formatCount(value ?? 0, lang) : '—');
              return (
                <tr key={origin} data-origin={origin}>
                  <th scope="row"><span className={`import-origin-dot is-${origin}`} aria-hidden="true" />{t(`import.origin.${origin}`)}</th>
                  {hidden ? <td colSpan={3} className="import-muted">{t('import.bundledHidden')}</td> : (
                    <>
                      <td data-count="reports">{cell(row?.reports)}</td>
                      <td data-count="indicators">{cell(row?.indicators)}</td>
                      <td data-count="findings">{cell(row?.findings)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
