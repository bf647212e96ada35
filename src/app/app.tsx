/** The shell: header with language switch, view tabs, filters, data status, the current view. */
import { DatasetLabel } from '../components/dataset-label.tsx';
import { FilterBar } from '../components/filter-bar.tsx';
import { FilteredDataExport } from '../components/filtered-data-export.tsx';
import { ImportBadge } from '../features/import/import-badge.tsx';
import { formatBytes } from '../features/import/format-bytes.ts';
import { useDbStatus } from '../lib/db/index.ts';
import { isMessageKey, useI18n } from '../lib/i18n.ts';
import { LOCALES } from '../lib/locale.ts';
import { errorIn } from '../lib/localized-error.ts';
import { useOnDemand } from '../lib/on-demand.ts';
import { useUrlState } from '../lib/url-state.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { PrintButton, PrintHeader, usePrintLayout } from './print.tsx';
import { ViewTabs } from './view-tabs.tsx';
import { findView, type ViewEntry } from './views.ts';

/** The view's component once its code has arrived (see src/lib/on-demand.ts for why not `lazy`). */
function CurrentView({ view }: { view: ViewEntry }) {
  const { t } = useI18n();
  const View = useOnDemand(view.component);
  return View ? <View /> : <div className="view-loading" role="status">{t('app.loading')}</div>;
}

function DataStatus() {
  const { lang, t } = useI18n();
  const db = useDbStatus();
  if (db.phase === 'error') {
    return (
      <div className="data-error" role="alert" data-testid="data-error">
        <strong>{t('app.errorTitle')}</strong>
        <p className="data-error-message">{errorIn(db.error, lang)}</p>
        <p>{t('app.errorHint')}</p>
      </div>
    );
  }
  if (db.phase === 'starting' && db.download) {
    const { loaded, total } = db.download;
    const percent = total ? Math.min(100, Math.floor((loaded / total) * 100)) : null;
    return (
      <div className="data-status" role="status" data-testid="data-download">
        <progress max={total ?? undefined} value={total ? loaded : undefined} />{' '}
        {t('app.downloading', { loaded: formatBytes(loaded, lang), total: total ? formatBytes(total, lang) : '?', percent: percent ?? '?' })}
      </div>
    );
  }
  if (db.phase === 'starting') {
    return <div className="data-status" role="status">{db.snapshotUsable ? t('app.snapshot') : t('app.loading')}</div>;
  }
  return null;
}

export function App() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const db = useDbStatus();
  const view = findView(url.view);
  usePrintLayout();
  const viewKey = `view.${view.id}`;
  return (
    <div className="app" lang={LOCALES[lang].htmlLang}>
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <span className="subtitle">{t('app.subtitle')}</span>
        </div>
        <div className="header-tools">
          {db.dataset && <DatasetLabel source={db.dataset} />}
          <ImportBadge />
          <FilteredDataExport />
          <PrintButton />
          <button type="button" className="lang-switch" data-testid="lang-switch" aria-label={t('app.language')}
            onClick={() => url.setLang(LOCALES[lang].other)}>
            {t('app.switchLanguage')}
          </button>
        </div>
      </header>
      <PrintHeader viewTitle={isMessageKey(viewKey) ? t(viewKey) : view.id} />
      <ViewTabs current={view.id} />
      {/* No filter bar where the filters do not act (the import view); they stay in the URL for the others. */}
      {view.usesFilters !== false && <FilterBar />}
      <DataStatus />
      {db.phase !== 'error' && <main className="view">
        <ErrorBoundary resetKey={view.id} fallback={(error) => <p className="card-error" role="alert">{t('app.viewError', { message: error.message })}</p>}>
          <CurrentView key={view.id} view={view} />
        </ErrorBoundary>
      </main>}
    </div>
  );
}
