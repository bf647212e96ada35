/** The console's side panel: example questions, the query history, the tables and columns. */
import { TABLE_COLUMNS, TABLE_NAMES } from '../../lib/db/dataset/schema.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import { SQL_EXAMPLES } from './examples.ts';

interface SidePanelProps {
  current: string;
  history: readonly string[];
  onPick(sql: string): void;
  onClearHistory(): void;
}

/** A query's first line of code (comments and blank lines skipped), for the history list. */
const firstLine = (sql: string): string =>
  sql.split('\n').map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('--')) ?? sql.trim();

export function SqlSidePanel({ current, history, onPick, onClearHistory }: SidePanelProps) {
  const { lang, t } = useI18n();
  return (
    <aside className="sql-side">
      <section className="card sql-side-card" data-testid="sql-examples">
        <h2>{t('sql.examples')}</h2>
        <ul className="sql-pick-list sql-example-list">
          {SQL_EXAMPLES.map((example) => (
            <li key={example.id}>
              <button type="button" data-example={example.id} aria-pressed={Object.values(example.sql).some((sql) => sql.trim() === current.trim())}
                onClick={() => onPick(example.sql[lang])}>
                {t(`sql.example.${example.id}` as MessageKey)}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card sql-side-card" data-testid="sql-history">
        <div className="sql-side-header">
          <h2>{t('sql.history')}</h2>
          {history.length > 0 && <button type="button" className="sql-link" onClick={onClearHistory}>{t('sql.historyClear')}</button>}
        </div>
        {history.length === 0 ? <p className="sql-note">{t('sql.historyEmpty')}</p> : (
          <ul className="sql-pick-list sql-history-list">
            {history.map((sql) => (
              <li key={sql}>
                <button type="button" title={sql} onClick={() => onPick(sql)}><code>{firstLine(sql)}</code></button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <details className="card sql-side-card sql-tables">
        <summary><h2>{t('sql.tables')}</h2></summary>
        {TABLE_NAMES.map((table) => (
          <div key={table} className="sql-table-columns">
            <code className="sql-table-name">{table}</code>
            <p>
              {Object.entries({ ...TABLE_COLUMNS[table].required, ...TABLE_COLUMNS[table].optional }).map(([name, type]) => (
                <span key={name} className="sql-column" title={type}>{name}</span>
              ))}
            </p>
          </div>
        ))}
      </details>
    </aside>
  );
}
