/**
 * Above the findings table: the report picker and the finding filters in force, each removable,
 * so a reader arriving from a link (`?view=findings&code=…`) sees what narrows the list.
 */
import { useMemo } from 'react';
import { MultiSelect } from '../../components/multi-select.tsx';
import { zhCollator } from '../../lib/format.ts';
import { labelOf, useI18n } from '../../lib/i18n.ts';
import type { FindingFilters } from '../../queries/findings-filter.ts';
import type { FindingsReportRow } from '../../queries/findings-reports.ts';
import type { FindingFilterKey } from './findings-url.ts';

export const reportLabel = (row: Pick<FindingsReportRow, 'project' | 'city' | 'report_id'>): string =>
  [row.project ?? row.report_id, row.city].filter(Boolean).join(' · ');

export interface FindingsToolbarProps {
  filters: Required<FindingFilters>;
  reports: readonly FindingsReportRow[] | undefined;
  onToggle: (key: FindingFilterKey, value: string) => void;
  onClear: () => void;
}

export function FindingsToolbar({ filters, reports, onToggle, onClear }: FindingsToolbarProps) {
  const { lang, t } = useI18n();
  const options = useMemo(
    () => (reports ?? [])
      .map((r) => ({ value: r.report_id, label: reportLabel(r), count: r.findings }))
      .sort((a, b) => zhCollator.compare(a.label, b.label)),
    [reports],
  );
  const chipLabel = (key: FindingFilterKey, value: string) =>
    key === 'report' ? options.find((o) => o.value === value)?.label ?? value
    : labelOf(lang, key === 'code' ? 'code' : 'severity', value);
  const chips = (['severity', 'code', 'report'] as const).flatMap((key) => filters[key].map((value) => ({ key, value })));
  return (
    <div className="findings-toolbar">
      <MultiSelect
        name="report"
        label={t('findings.report')}
        options={options}
        selected={filters.report}
        allText={t('findings.allReports')}
        emptyText={t('filter.none')}
        selectedText={(count) => t('filter.selected', { count })}
        onToggle={(value) => onToggle('report', value)}
      />
      {chips.length > 0 && (
        <ul className="findings-chips" aria-label={t('findings.activeFilters')}>
          {chips.map(({ key, value }) => {
            const label = chipLabel(key, value);
            return (
              <li key={`${key}:${value}`}>
                <button type="button" className="findings-chip" data-chip={`${key}:${value}`}
                  aria-label={t('findings.removeFilter', { name: label })} onClick={() => onToggle(key, value)}>
                  {label}<span aria-hidden="true"> ×</span>
                </button>
              </li>
            );
          })}
          <li><button type="button" className="filter-clear" onClick={onClear}>{t('findings.clear')}</button></li>
        </ul>
      )}
    </div>
  );
}
