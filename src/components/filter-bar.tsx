/**
 * The filters of issue 3 (year, province, city, fund, project, department, 一级指标, status),
 * each multi-valued, read from and written to the URL. Options come from DuckDB (or the build
 * snapshot until it is ready) and are sorted as a Chinese reader expects.
 */
import { useMemo } from 'react';
import { useQuery } from '../lib/db/index.ts';
import { tableOrder, zhCollator } from '../lib/format.ts';
import { labelOf, translate, useI18n, type MessageKey } from '../lib/i18n.ts';
import { useUrlState } from '../lib/url-state.ts';
import { LEVEL1_ORDER } from '../parser/types.ts';
import { filterOptions, type FilterOptionRow } from '../queries/filter-options.ts';
import { BLANK_VALUE, FILTER_KEYS, hasFilters, isBlankable, NO_FILTERS, type FilterKey, type Filters } from '../queries/filters.ts';
import { INDICATOR_STATUSES } from '../queries/indicator-status-counts.ts';
import { MultiSelect, type MultiSelectOption } from './multi-select.tsx';

/** Values in a fixed order (unknown ones after them, by name), as the charts show them. */
function byOrder(order: readonly string[], options: MultiSelectOption[]): MultiSelectOption[] {
  return options.sort((a, b) => tableOrder(order, a.value) - tableOrder(order, b.value) || zhCollator.compare(a.label, b.label));
}

function sortOptions(key: FilterKey, options: MultiSelectOption[]): MultiSelectOption[] {
  if (key === 'status') return byOrder(INDICATOR_STATUSES, options);
  if (key === 'level1') return byOrder(LEVEL1_ORDER, options); // 产出, 效益, 满意度
  if (key === 'year') return options.sort((a, b) => Number(b.value) - Number(a.value));
  // Names by pinyin, and the blank ones last.
  return options.sort((a, b) => Number(a.value === BLANK_VALUE) - Number(b.value === BLANK_VALUE) || zhCollator.compare(a.label, b.label));
}

/** A filter value as the filter bar names it (status and 一级 in the reader's language, blank as blank). */
export function filterValueLabel(lang: 'zh' | 'en', key: FilterKey, value: string): string {
  if (key === 'status' || key === 'level1') return labelOf(lang, key, value);
  return value === BLANK_VALUE && isBlankable(key) ? translate(lang, 'value.blank') : value;
}

/**
 * The options of each filter, sorted for display. A selected value the other filters leave
 * without rows is still listed (count 0), so it can be seen and cleared.
 */
export function groupFilterOptions(rows: readonly FilterOptionRow[], lang: 'zh' | 'en', selected: Filters = NO_FILTERS): Record<FilterKey, MultiSelectOption[]> {
  const groups = Object.fromEntries(FILTER_KEYS.map((key) => [key, [] as MultiSelectOption[]])) as Record<FilterKey, MultiSelectOption[]>;
  const option = (key: FilterKey, value: string, count: number): MultiSelectOption => ({ value, label: filterValueLabel(lang, key, value), count });
  for (const row of rows) {
    if (row.dimension in groups) groups[row.dimension].push(option(row.dimension, row.value, row.rows));
  }
  for (const key of FILTER_KEYS) {
    for (const value of (selected[key] ?? []).map(String)) {
      if (!groups[key].some((o) => o.value === value)) groups[key].push(option(key, value, 0));
    }
  }
  for (const key of FILTER_KEYS) sortOptions(key, groups[key]);
  return groups;
}

export function FilterBar() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  // Options follow the other filters. Background: the view's queries go first, and the options
  // on screen (or the build snapshot's, at start) stay until the new ones are there.
  const optionsQuery = useMemo(() => filterOptions(url.filters), [url.filters]);
  const { rows } = useQuery(optionsQuery, { priority: 'background' });
  const groups = useMemo(() => groupFilterOptions(rows ?? [], lang, url.filters), [rows, lang, url.filters]);
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
