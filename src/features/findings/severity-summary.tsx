/** Counts by severity as toggle buttons: a click filters the list to that severity. */
import { formatCount } from '../../lib/format.ts';
import { labelOf, useI18n } from '../../lib/i18n.ts';
import type { FindingsFacetRow } from '../../queries/findings-facets.ts';
import { SEVERITIES } from '../../queries/findings-filter.ts';

export interface SeveritySummaryProps {
  rows: readonly FindingsFacetRow[] | undefined;
  selected: readonly string[];
  onToggle: (severity: string) => void;
}

export function SeveritySummary({ rows, selected, onToggle }: SeveritySummaryProps) {
  const { lang, t } = useI18n();
  const counts = new Map(rows?.filter((r) => r.facet === 'severity').map((r) => [r.value, r.findings]));
  return (
    <ul className="severity-summary">
      {SEVERITIES.map((severity) => (
        <li key={severity}>
          <button type="button" className={`severity-toggle severity-${severity}`} aria-pressed={selected.includes(severity)}
            data-severity={severity} onClick={() => onToggle(severity)}>
            <span className="severity-toggle-label">{labelOf(lang, 'severity', severity)}</span>
            <span className="severity-toggle-count">
              {rows ? t('findings.severityCount', { count: formatCount(counts.get(severity) ?? 0, lang) }) : '—'}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
