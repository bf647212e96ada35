/** Progress of a run (n of N files, the current file), its result, or every problem that stopped it. */
import { formatCount, formatPercent } from '../../lib/format.ts';
import { formatBytes } from './format-bytes.ts';
import { useI18n } from '../../lib/i18n.ts';
import { formatProblem } from '../../lib/import/problem-messages.ts';
import type { ImportMode, SameReports } from '../../lib/db/imports/import-commit.ts';
import { offerOf } from './failed-import.ts';
import type { ImportRun } from './use-import-run.ts';

/** `onRetry` runs the import again: with some of its files, or with a choice about reports already there. */
export function ImportStatus({ run, onRetry }: { run: ImportRun; onRetry?: (files: readonly File[], mode: ImportMode, same?: SameReports) => void }) {
  const { lang, t } = useI18n();
  if (run.phase === 'idle') return null;
  if (run.phase === 'loading') {
    return (
      <div className="import-status" role="status" data-testid="import-progress">
        <progress />
        <p>{t('import.loadingData')}</p>
      </div>
    );
  }
  if (run.phase === 'reading') {
    const files = { from: formatCount(run.done + 1, lang), to: formatCount(run.total, lang), name: run.file };
    const { bytes } = run;
    // A large file shows its bytes read; a run of small files, the files done.
    return (
      <div className="import-status" role="status" data-testid="import-progress">
        {bytes
          ? <progress max={bytes.size} value={bytes.read} />
          : <progress max={run.total} value={run.done} />}
        <p>{bytes
          ? t('import.readingBytes', { ...files, read: formatBytes(bytes.read, lang), size: formatBytes(bytes.size, lang), percent: formatPercent(bytes.read / bytes.size, lang) })
          : t('import.reading', files)}</p>
      </div>
    );
  }
  if (run.phase === 'done') {
    const { summary } = run;
    return (
      <div className="import-status is-done" role="status" data-testid="import-done">
        <strong>{t('import.doneFiles', { count: formatCount(summary.files.length, lang) })}</strong>
        <span>{t('import.doneReports', { count: formatCount(summary.counts.reports, lang) })}</span>
      </div>
    );
  }
  const offer = offerOf(run.problems, run.files, run.mode === 'add');
  return (
    <div className="import-status is-failed" role="alert" data-testid="import-error">
      <p><strong>{t('import.failed')}</strong> <span className="import-muted">{t('import.problemCount', { count: formatCount(run.problems.length, lang) })}</span></p>
      <ul className="import-problems">
        {run.problems.map((problem, index) => <li key={index}>{formatProblem(problem, lang)}</li>)}
      </ul>
      {run.files.length > 1 && (
        <details className="import-file-results" data-testid="import-file-results" open={offer.readable.length > 0}>
          <summary>{t('import.fileResults')}</summary>
          <ul>
            {offer.results.map(({ file, problems }) => (
              <li key={file.name} data-ok={problems === 0}>
                <span className="import-file-name">{file.name}</span>
                <span className={problems === 0 ? 'import-ok' : 'import-bad'}>
                  {problems === 0 ? `✓ ${t('import.fileOk')}` : `✗ ${t('import.fileProblems', { count: formatCount(problems, lang) })}`}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {(offer.readable.length > 0 || offer.same > 0) && onRetry && (
        <div className="import-offers">
          {offer.same > 0 && <p className="import-muted">{t('import.sameFound')}</p>}
          {offer.same > 0 && (
            <button type="button" className="import-button" data-testid="import-skip-same" onClick={() => onRetry(run.files, run.mode, 'skip')}>
              {t('import.skipSame', { count: formatCount(offer.same, lang) })}
            </button>
          )}
          {offer.same > 0 && (
            <button type="button" className="import-button" data-testid="import-replace-same" onClick={() => onRetry(run.files, run.mode, 'replace')}>
              {t('import.replaceSame', { count: formatCount(offer.same, lang) })}
            </button>
          )}
          {offer.readable.length > 0 && (
            <button type="button" className="import-button is-primary" data-testid="import-readable" title={t('import.readableOnlyHint')}
              onClick={() => onRetry(offer.readable, run.mode)}>
              {t('import.readableOnly', { count: formatCount(offer.readable.length, lang) })}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
