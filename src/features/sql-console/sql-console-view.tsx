/**
 * SQL 查询: read-only SQL over the four tables, with example questions, a history kept in this
 * browser, the result as a table (exportable as CSV or Excel) and as a quick chart. Errors show
 * inline with DuckDB's own message; nothing a query does can change the loaded data (see
 * queries/console-sql.ts and queries/console-run.ts for how).
 */
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../lib/format.ts';
import { useI18n, type MessageKey, type Translate } from '../../lib/i18n.ts';
import { useUrlState, type Lang } from '../../lib/url-state.ts';
import { CONSOLE_ROW_LIMIT } from '../../queries/console-run.ts';
import { errorPlace, type SqlPlace } from '../../queries/console-sql.ts';
import { hasFilters } from '../../queries/filters.ts';
import { useQueryHistory } from './query-history.ts';
import { ResultChart } from './result-chart.tsx';
import { ResultTable } from './result-table.tsx';
import { SqlEditor } from './sql-editor.tsx';
import { SqlSidePanel } from './sql-side-panel.tsx';
import { chartParams, exampleOf, readConsoleUrl, runParams } from './sql-url.ts';
import { useConsoleRun, type ConsoleFailure, type ConsoleRunState } from './use-console-run.ts';
import './sql-console.css';
import '../../components/chart-extras.ts'; // lines, scatter, heat map, mark lines

function failureText(failure: ConsoleFailure, t: Translate): string {
  if (failure.kind === 'cancelled') return t('sql.cancelled');
  if (failure.kind === 'failed') return failure.message;
  const { reason } = failure;
  if (reason.code === 'syntax') {
    const where = { name: reason.keyword, line: reason.line, column: reason.column };
    if (reason.message) {
      const parser = t('sql.reject.parser', { ...where, message: reason.message });
      return reason.suggestion ? `${parser}\n${t('sql.didYouMean', { count: reason.suggestion })}` : parser;
    }
    return reason.suggestion ? t('sql.reject.syntaxSuggest', { ...where, count: reason.suggestion }) : t('sql.reject.syntax', where);
  }
  return t(`sql.reject.${reason.code}` as MessageKey, {
    count: 'count' in reason ? reason.count : 0,
    name: 'keyword' in reason ? reason.keyword : '',
  });
}

/** Where the failure points in the text it ran: the refusal's place, or DuckDB's `LINE n` and caret. */
function failurePlace(failure: ConsoleFailure | null, sql: string): SqlPlace | null {
  if (failure?.kind === 'rejected' && failure.reason.code === 'syntax') {
    const { line, column, keyword } = failure.reason;
    return { line, column, length: keyword.length };
  }
  if (failure?.kind === 'failed') return errorPlace(failure.message, sql);
  return null;
}

function RunStatus({ run, lang, t }: { run: ConsoleRunState; lang: Lang; t: Translate }) {
  if (run.phase === 'waiting') return <span className="sql-status">{t('sql.waiting')}</span>;
  if (run.phase === 'running') return <span className="sql-status"><span className="progress" aria-hidden="true" />{t('sql.running')}</span>;
  if (!run.result) return null;
  const { rows, columns, elapsedMs } = run.result;
  return (
    <span className="sql-status" data-testid="sql-status">
      {t('sql.rows', { count: formatCount(rows.length, lang) })} · {t('sql.columns', { count: formatCount(columns.length, lang) })} · {t('sql.elapsed', { count: formatCount(Math.max(1, Math.round(elapsedMs)), lang) })}
    </span>
  );
}

export function SqlConsoleView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const { sql, chart } = readConsoleUrl(url.params);
  const [text, setText] = useState(sql);
  const [runCount, setRunCount] = useState(0);
  const { history, add, clear } = useQueryHistory();
  const run = useConsoleRun(sql, runCount);
  useEffect(() => setText(sql), [sql]); // back/forward and example picks replace the text
  const editor = useRef<HTMLTextAreaElement>(null);
  // The place of a syntax error, or of DuckDB's error, selected in the editor where the person typed it.
  const failure = run.failure;
  const place = failurePlace(failure, run.sql);
  useEffect(() => {
    if (!place || !editor.current || editor.current.value !== run.sql) return;
    const lines = editor.current.value.split('\n');
    if (place.line > lines.length) return;
    const at = lines.slice(0, place.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + place.column - 1;
    editor.current.focus();
    editor.current.setSelectionRange(at, at + place.length);
    // Once per outcome: `place` is a new object on every render.
  }, [run.finished]);

  const submit = (next: string) => {
    add(next);
    if (next === sql) setRunCount((n) => n + 1);
    else url.setParams(runParams(next));
  };
  const example = exampleOf(run.sql)?.example;
  const fileName = [example ? t(`sql.example.${example.id}` as MessageKey) : t('sql.resultFile')];
  const result = run.result;

  return (
    <div className="sql-console" data-testid="sql-console" data-phase={run.phase} data-finished={run.finished}>
      <section className="card sql-editor-card">
        <header className="sql-editor-header">
          <h2>{t('view.sql')}</h2>
          <span className="sql-note">{t('sql.limitNote', { count: formatCount(CONSOLE_ROW_LIMIT, lang) })}</span>
        </header>
        <p className="sql-intro">{t('sql.intro')}</p>
        {hasFilters(url.filters) && <p className="sql-warning" data-testid="sql-filters-note">{t('sql.filtersIgnored')}</p>}
        <SqlEditor value={text} onChange={setText} onRun={() => submit(text)} textarea={editor} />
        <div className="sql-actions">
          <button type="button" className="sql-run" data-testid="sql-run" title={t('sql.runHint')}
            disabled={run.phase === 'waiting'} onClick={() => submit(text)}>
            ▶ {t('sql.run')}
          </button>
          {run.phase === 'running' && (
            <button type="button" className="sql-cancel" data-testid="sql-cancel" onClick={run.cancel}>{t('sql.cancel')}</button>
          )}
          <RunStatus run={run} lang={lang} t={t} />
        </div>
        {run.failure && (
          <div className={`sql-error${run.failure.kind === 'cancelled' ? ' is-note' : ''}`} role="alert" data-testid="sql-error" data-kind={run.failure.kind}>
            {run.failure.kind !== 'cancelled' && <strong>{t('sql.errorTitle')}</strong>}
            {place && run.failure.kind === 'failed' && (
              <p className="sql-error-place" data-testid="sql-error-place">{t('sql.errorPlace', { line: place.line, column: place.column })}</p>
            )}
            <pre>{failureText(run.failure, t)}</pre>
          </div>
        )}
        {result?.truncated && (
          <p className="sql-warning" role="status" data-testid="sql-truncated">{t('sql.truncated', { count: formatCount(result.limit, lang) })}</p>
        )}
      </section>
      <SqlSidePanel current={run.sql} history={history} onPick={submit} onClearHistory={clear} />
      <div className="sql-results">
        {result && result.rows.length === 0 && <p className="card sql-empty" data-testid="sql-empty">{t('sql.empty')}</p>}
        {result && result.rows.length > 0 && (
          <>
            <ResultChart result={result} wanted={chart} onChange={(spec) => url.setParams(chartParams(spec))}
              exportName={`${fileName[0]}-${t('sql.chart')}`} />
            <ResultTable result={result} fileName={fileName} loading={run.phase === 'running'} />
          </>
        )}
      </div>
    </div>
  );
}
