/**
 * The report's findings: severity, code, message and the source line; a line that names a row of
 * the table above is a button that scrolls to that row (highlighted already).
 */
import { formatCount } from '../../lib/format.ts';
import { labelOf, useI18n } from '../../lib/i18n.ts';
import type { ReportFindingRow } from '../../queries/report-findings.ts';
import { findingValue } from '../../lib/findings/field-label.ts';
import { findingMessage } from '../../lib/findings/finding-message.ts';

interface FindingsListProps {
  findings: readonly ReportFindingRow[];
  /** Source lines that have a row in the rebuilt table. */
  tableLines: ReadonlySet<number>;
}

function locate(line: number): void {
  const row = document.querySelector<HTMLElement>(`[data-testid="report-sheet"] tr[data-lines~="${line}"]`);
  if (!row) return;
  row.scrollIntoView({ behavior: 'smooth', block: 'center' });
  row.classList.remove('is-located');
  void row.offsetWidth; // restart the flash when the same row is located twice
  row.classList.add('is-located');
}

export function FindingsList({ findings, tableLines }: FindingsListProps) {
  const { lang, t } = useI18n();
  return (
    <section className="card report-findings" data-testid="report-findings" aria-labelledby="report-findings-title">
      <header className="card-header">
        <h2 id="report-findings-title">{t('report.findingsTitle')}</h2>
        <span className="report-count">{t('report.findingsCount', { count: formatCount(findings.length, lang) })}</span>
      </header>
      {findings.length === 0 ? <p className="card-empty">{t('report.findingsNone')}</p> : (
        <ol className="finding-list">
          {findings.map((finding, index) => {
            const message = findingMessage(finding, lang) ?? '';
            // A Word paragraph or a sheet row is no line of text: those say where in their own terms.
            const lineText = finding.line == null ? null
              : finding.source_ref && !finding.source_ref.startsWith('L') ? t('report.position', { name: finding.source_ref })
              : t('report.line', { count: finding.line });
            return (
              <li key={index} className={`finding finding-${finding.severity}`} data-code={finding.code} data-line={finding.line ?? undefined}>
                <span className={`severity-badge severity-${finding.severity}`}>{labelOf(lang, 'severity', finding.severity)}</span>
                <span className="finding-code" title={finding.code}>{labelOf(lang, 'code', finding.code)}</span>
                <span className="finding-message">
                  {message || '—'}
                  {/* Both halves of a message name its values; these are the field's, as stored. */}
                  {finding.expected && finding.found && (
                    <span className="finding-values">
                      {t('report.expectedFound', { from: findingValue(finding.field, finding.expected, lang), to: findingValue(finding.field, finding.found, lang) })}
                    </span>
                  )}
                </span>
                {lineText && (finding.line != null && tableLines.has(finding.line)
                  ? <button type="button" className="finding-line" title={t('report.lineHint')} onClick={() => locate(finding.line!)}>{lineText}</button>
                  : <span className="finding-line is-plain" title={t('report.lineSource')}>{lineText}</span>)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
