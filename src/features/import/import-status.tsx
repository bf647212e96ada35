/** Progress of a run (n of N files, the current file), its result, or every problem that stopped it. */
import { formatCount, formatPercent } from '../../lib/format.ts';
import { formatBytes } from './format-bytes.ts';
import { useI18n } from '../../lib/i18n.ts';
import { formatProblem } from '../../lib/import/problem-messages.ts';
import type { ImportRun } from './use-import-run.ts';

export function ImportStatus({ run }: { run: ImportRun }) {
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
  return (
    <div className="import-status is-failed" role="alert" data-testid="import-error">
      <p><strong>{t('import.failed')}</strong> <span className="import-muted">{t('import.problemCount', { count: formatCount(run.problems.length, lang) })}</span></p>
      <ul className="import-problems">
        {run.problems.map((problem, index) => <li key={index}>{formatProblem(problem, lang)}</li>)}
      </ul>
    </div>
  );
}
