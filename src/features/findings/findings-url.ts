/**
 * The findings view's state in the URL. Filters are multi-valued and shared with links from
 * other views (`?view=findings&code=TOTAL_SCORE_MISMATCH`); sorting and paging are prefixed `f`.
 *
 *   ?view=findings&code=TARGET_MISSING&code=FIELD_MISSING&sev=warning&report=001_…&fsort=-line&fpage=2&fsize=50
 */
import { formatSorting, parsePage, parseSorting, withPageParams, type PageState, type SortKey } from '../../components/data-table-url.ts';
import { SEVERITIES, type FindingFilters } from '../../queries/findings-filter.ts';
import { DEFAULT_FINDINGS_SORT, isFindingsSortColumn } from '../../queries/findings-page.ts';

export const FINDING_FILTER_PARAMS = { code: 'code', severity: 'sev', report: 'report' } as const satisfies Record<keyof FindingFilters, string>;
export type FindingFilterKey = keyof typeof FINDING_FILTER_PARAMS;
const FILTER_KEYS = Object.keys(FINDING_FILTER_PARAMS) as FindingFilterKey[];

const SORT_PARAM = 'fsort';
const PAGE_PARAM = 'fpage';
const SIZE_PARAM = 'fsize';

export interface FindingsUrlState {
  filters: Required<FindingFilters>;
  /** Never empty: without a `fsort` the default order shows in the headers. */
  sorting: SortKey[];
  page: PageState;
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

export function readFindingsState(params: URLSearchParams): FindingsUrlState {
  const sorting = parseSorting(params.get(SORT_PARAM), isFindingsSortColumn);
  return {
    filters: {
      code: unique(params.getAll(FINDING_FILTER_PARAMS.code)),
      severity: unique(params.getAll(FINDING_FILTER_PARAMS.severity)).filter((s) => (SEVERITIES as readonly string[]).includes(s)),
      report: unique(params.getAll(FINDING_FILTER_PARAMS.report)),
    },
    sorting: sorting.length > 0 ? sorting : DEFAULT_FINDINGS_SORT.map((key) => ({ ...key })),
    page: parsePage(params.get(PAGE_PARAM), params.get(SIZE_PARAM)),
  };
}

const isDefaultSort = (sorting: readonly SortKey[]) =>
  sorting.length === DEFAULT_FINDINGS_SORT.length &&
  sorting.every((key, i) => key.id === DEFAULT_FINDINGS_SORT[i].id && key.desc === DEFAULT_FINDINGS_SORT[i].desc);

/** A changed filter set shows its first page. */
export function toggleFindingFilter(params: URLSearchParams, key: FindingFilterKey, value: string): URLSearchParams {
  const name = FINDING_FILTER_PARAMS[key];
  const current = params.getAll(name);
  const next = new URLSearchParams(params);
  next.delete(name);
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  for (const v of values) next.append(name, v);
  next.delete(PAGE_PARAM);
  return next;
}

export function clearFindingFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) next.delete(FINDING_FILTER_PARAMS[key]);
  next.delete(PAGE_PARAM);
  return next;
}

/** A new order starts again at the first page; the default order leaves no parameter. */
export function withSorting(params: URLSearchParams, sorting: readonly SortKey[]): URLSearchParams {
  const next = new URLSearchParams(params);
  const value = isDefaultSort(sorting) ? null : formatSorting(sorting);
  if (value === null) next.delete(SORT_PARAM);
  else next.set(SORT_PARAM, value);
  next.delete(PAGE_PARAM);
  return next;
}

export const withPage = (params: URLSearchParams, page: PageState): URLSearchParams =>
  withPageParams(params, page, PAGE_PARAM, SIZE_PARAM);
