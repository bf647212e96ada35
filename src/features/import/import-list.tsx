/** The imports kept in this browser: when, how (added / replaced), which files, how many reports; remove one or all. */
import { useState } from 'react';
import { useDbSession } from '../../lib/db/index.ts';
import { removeAllImports, removeStoredImports, type ImportSummary } from '../../lib/db/imports/import-store.ts';
import { formatCount } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { LOCALES } from '../../lib/locale.ts';
import type { Lang } from '../../lib/url-state.ts';

const LISTED_FILES = 6;

function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(LOCALES[lang].dateLocale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ImportList({ imports, disabled }: { imports: readonly ImportSummary[]; disabled: boolean }) {
  const { lang, t } = useI18n();
  const session = useDbSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(t('import.removeFailed', { message: (failure as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const locked = disabled || busy;

  return (
    <section className="card import-list" data-testid="import-list" aria-busy={busy}>
      <header className="card-header">
        <h2>{t('import.listTitle')}</h2>
        {busy && <span className="import-muted">{t('import.removing')}</span>}
        {imports.length > 1 && (
          <button type="button" className="import-button is-danger" disabled={locked} data-testid="import-remove-all"
            onClick={() => remove(() => removeAllImports(session))}>{t('import.removeAll')}</button>
        )}
      </header>
      {error && <p className="card-error" role="alert">{error}</p>}
      {imports.length === 0 ? <p className="import-muted" data-testid="import-list-empty">{t('import.listEmpty')}</p> : (
        <ol className="import-entries">
          {[...imports].reverse().map((entry) => {
            const reports = entry.counts.reports;
            return (
              <li key={entry.id} className="import-entry" data-import-id={entry.id}>
                <div className="import-entry-head">
                  <span className={`import-mode-tag is-${entry.mode}`}>{t(`import.modeTag.${entry.mode}`)}</span>
                  <strong className="import-entry-count">{t('import.reports', { count: formatCount(reports, lang) })}</strong>
                  <span className="import-muted">{t('import.files', { count: formatCount(entry.files.length, lang) })}</span>
                  <span className="import-muted">{t('import.importedAt', { name: formatTime(entry.createdAt, lang) })}</span>
                  <button type="button" className="import-button" disabled={locked} data-testid="import-remove"
                    title={entry.mode === 'replace' ? t('import.removeReplaceHint') : undefined}
                    onClick={() => remove(() => removeStoredImports(session, [entry.id]))}>{t('import.remove')}</button>
                </div>
                {entry.mode === 'replace' && <p className="import-muted import-entry-note">{t('import.removeReplaceHint')}</p>}
                <ul className="import-file-list">
                  {entry.files.slice(0, LISTED_FILES).map((file) => (
                    <li key={file.name}>
                      <span className="import-file-name">{file.name}</span>
                      <span className="import-kind">{t(`import.kind.${file.kind}`)}</span>
                      <span className="import-muted">
                        {file.reports > 0 ? t('import.reports', { count: formatCount(file.reports, lang) }) : t('import.rows', { count: formatCount(file.rows, lang) })}
                      </span>
                    </li>
                  ))}
                  {entry.files.length > LISTED_FILES && (
                    <li className="import-muted">{t('import.moreFiles', { count: formatCount(entry.files.length - LISTED_FILES, lang) })}</li>
                  )}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
