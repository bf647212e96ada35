/**
 * The filters of issue 3 (year, province, city, fund, project, department, 一级指标, status),
 * each multi-valued, read from and written to the URL. Options come from DuckDB (or the build
 * snapshot until it is ready) and are sorted as a Chinese reader expects.
 */
import { useMemo } from 'react';
import { useQuery } from '../lib/db/index.ts';
import { zhCollator } from '../lib/format.ts';
import { labelOf, useI18n, type MessageKey } from '../lib/i18n.ts';
import { useUrlState } from '../lib/url-state.ts';
import { filterOptions, type FilterOptionRow } from '../queries/filter-options.ts';
import { FILTER_KEYS, hasFilters, type FilterKey } from '../queries/filters.ts';
import { INDICATOR_STATUSES } from '../queries/indicator-status-counts.ts';
import { MultiSelect, type MultiSelectOption } from './multi-select.tsx';

const OPTIONS_QUERY = filterOptions();

function sortOptions(key: FilterKey, options: MultiSelectOption[]): MultiSelectOption[] {
  if (key === 'status') {
    const rank = (value: string) => (INDICATOR_STATUSES as readonly string[]).indexOf(value);
    return options.sort((a, b) => rank(a.value) - rank(b.value));
  }
  if (key === 'year') return options.sort((a, b) => Number(b.value) - Number(a.value));
  return options.sort((a, b) => zhCollator.compare(a.label, b.label));
}

export function groupFilterOptions(rows: readonly FilterOptionRow[], lang: 'zh' | 'en'): Record<FilterKey, MultiSelectOption[]> {
  const groups = Object.fromEntries(FILTER_KEYS.map((key) => [key, [] as MultiSelectOption[]])) as Record<FilterKey, MultiSelectOption[]>;
  for (const row of rows) {
    if (!(row.dimension in groups)) continue;
    const label = row.dimension === 'status' || row.dimension === 'level1' ? labelOf(lang, row.dimension, row.value) : row.value;
    groups[row.dimension].push({ value: row.value, label, count: row.rows });
  }
  for (const key of FILTER_KEYS) sortOptions(key, groups[key]);
  return groups;
}

export function FilterBar() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  // Background: the build snapshot (or nothing, briefly) stands in while the view's queries go first.
  const { rows } = useQuery(OPTIONS_QUERY, { priority: 'background' });
  const groups = useMemo(() => groupFilterOptions(rows ?? [], lang), [rows, lang]);
  return (
    <div className="filter-bar" role="search">
      {FILTER_KEYS.map((key) => (
        <MultiSelect
          key={key}
          name={key}
          label={t(`filter.${key}` as MessageKey)}
          options={groups[key]}
          selected={(url.filters[key] ?? []).map(String)}
          allText={t('filter.all')}
          emptyText={t('filter.none')}
          selectedText={(count) => t('filter.selected', { count })}
          onToggle={(value) => url.toggleFilter(key, key === 'year' ? Number(value) : value)}
        />
      ))}
      {hasFilters(url.filters) && (
        <button type="button" className="filter-clear" onClick={() => url.setFilters({})}>{t('filter.clear')}</button>
      )}
    </div>
  );
}
