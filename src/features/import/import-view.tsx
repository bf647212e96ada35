/**
 * 导入数据 Import: choose or drop report files, contract CSVs, workbooks or database files; add
 * them to the data or replace it; see what is imported and remove it. Reading happens in a worker
 * and loading in one DuckDB transaction: a failed import changes nothing.
 */
import { useState } from 'react';
import { useDbStatus } from '../../lib/db/index.ts';
import { useImports } from '../../lib/db/imports/use-imports.ts';
import type { ImportMode, SameReports } from '../../lib/db/imports/import-commit.ts';
import { formatCount } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { formatProblem } from '../../lib/import/problem-messages.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { FilePicker } from './file-picker.tsx';
import { ImportList } from './import-list.tsx';
import { ImportStatus } from './import-status.tsx';
import { OriginSummary } from './origin-summary.tsx';
import { useImportRun } from './use-import-run.ts';
import './import.css';

const MODES: readonly ImportMode[] = ['add', 'replace'];

export function ImportView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const db = useDbStatus();
  const { imports, restoreFailures, elsewhere } = useImports();
  const { run, start, reset } = useImportRun();
  const [files, setFiles] = useState<File[]>([]);
  // The mode is view state: in the URL (`imode=replace`), so a shared link keeps it.
  const mode: ImportMode = url.params.get('imode') === 'replace' ? 'replace' : 'add';
  const running = run.phase === 'reading' || run.phase === 'loading';
  const ready = db.phase === 'ready';

  const choose = (next: File[]) => {
    setFiles(next);
    if (!running) reset();
  };
  const submit = async () => {
    if (await start(files, mode)) setFiles([]);
  };
  // Again after a failure, with the readable files only or a choice about reports already there.
  const retry = async (chosen: readonly File[], runMode: ImportMode, same?: SameReports) => {
    if (await start(chosen, runMode, same)) setFiles([]);
  };

  return (
    <div className="import-view" data-testid="import-view" data-imports={imports.length}>
      <section className="card import-form">
        <header className="import-form-head">
          <h2>{t('import.title')}</h2>
        </header>
        <p className="import-intro">{t('import.intro')}</p>
        <FilePicker files={files} disabled={running} onChange={choose} />
        <fieldset className="import-modes" disabled={running}>
          <legend>{t('import.mode')}</legend>
          {MODES.map((value) => (
            <label key={value} className={`import-mode${mode === value ? ' is-checked' : ''}`}>
              <input type="radio" name="import-mode" value={value} checked={mode === value} data-testid={`import-mode-${value}`}
                onChange={() => url.setParams({ imode: value === 'add' ? null : value })} />
              <span className="import-mode-text">
                <strong>{t(value === 'add' ? 'import.modeAdd' : 'import.modeReplace')}</strong>
                <span className="import-muted">{t(value === 'add' ? 'import.modeAddHint' : 'import.modeReplaceHint')}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="import-actions">
          <button type="button" className="import-button is-primary" data-testid="import-start"
            disabled={files.length === 0 || running || !ready} onClick={submit}>
            {t('import.start')}{files.length > 0 ? ` · ${t('import.files', { count: formatCount(files.length, lang) })}` : ''}
          </button>
          {!ready && <span className="import-muted">{t('app.loading')}</span>}
        </div>
        <ImportStatus run={run} onRetry={retry} />
        <p className="import-muted import-note">{t('import.storageNote')}</p>
      </section>
      <div className="import-side">
        <OriginSummary />
        {restoreFailures.length > 0 && (
          <div className="import-status is-failed" role="alert">
            <p><strong>{t('import.restoreFailed', { count: restoreFailures.length })}</strong></p>
            <ul className="import-problems" data-testid="import-restore-failed">
              {restoreFailures.flatMap(({ files, problems }) => problems.map((problem, index) => <li key={`${files} ${index}`}>{formatProblem(problem, lang)}</li>))}
            </ul>
          </div>
        )}
        <ImportList imports={imports} disabled={running || !ready} />
        {elsewhere > 0 && <p className="import-muted" data-testid="import-elsewhere">{t('import.elsewhere', { count: elsewhere })}</p>}
      </div>
    </div>
  );
}
