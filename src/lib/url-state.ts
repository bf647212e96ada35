/**
 * All filter and view state lives in the URL's query string, so a copied link opens the same
 * view. Changes push a history entry (back and forward work); `popstate` re-renders.
 *
 *   ?view=budget&lang=en&city=株洲市&city=益阳市&year=2022&data=./other/
 */
import { useSyncExternalStore } from 'react';
import { BLANK_VALUE, FILTER_KEYS, isBlankable, type FilterKey, type Filters } from '../queries/filters.ts';

export type Lang = 'zh' | 'en';

export interface UrlState {
  /** The view id (`overview`, `budget`, …); unknown ids are resolved by the shell. */
  view: string;
  lang: Lang;
  filters: Filters;
  /** Every parameter, for view-specific state (`report`, `dim`, …) read with `params.get()`. */
  params: URLSearchParams;
}

export const DEFAULT_VIEW = 'overview';

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const filters: Record<string, unknown[]> = {};
  for (const key of FILTER_KEYS) {
    // An empty value is BLANK_VALUE where the filter takes it (`?department=`), and dropped elsewhere.
    const values = params.getAll(key).filter((value) => value !== BLANK_VALUE || isBlankable(key));
    // A year is written in digits (`?year=%20` or `0x7E6` is no year), once.
    const typed = key === 'year' ? [...new Set(values.filter((v) => /^\d{1,4}$/.test(v)).map(Number))] : [...new Set(values)];
    if (typed.length > 0) filters[key] = typed;
  }
  return {
    view: params.get('view') || DEFAULT_VIEW,
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    filters: filters as Filters,
    params,
  };
}

/** The query string for `filters` merged into `base` (other parameters kept). */
export function withFilters(base: URLSearchParams, filters: Filters): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of FILTER_KEYS) {
    next.delete(key);
    for (const value of filters[key] ?? []) next.append(key, String(value));
  }
  return next;
}

/** Adds or removes one value of one filter (what a click on a bar does). */
export function toggleFilterValue(filters: Filters, key: FilterKey, value: string | number): Filters {
  const current = (filters[key] ?? []) as readonly (string | number)[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [key]: next };
}

// ---- the store over window.location -------------------------------------------------------

const listeners = new Set<() => void>();
let cached: { search: string; state: UrlState } | null = null;

function current(): UrlState {
  const search = window.location.search;
  if (cached?.search !== search) cached = { search, state: parseUrlState(search) };
  return cached.state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** Pushes a new query string (no reload); `replace` for changes that shouldn't add history. */
export function navigate(params: URLSearchParams, { replace = false } = {}): void {
  const search = params.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (`?${search}` === window.location.search || (search === '' && window.location.search === '')) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

export interface UrlStateApi extends UrlState {
  setView(view: string): void;
  setLang(lang: Lang): void;
  setFilters(filters: Filters): void;
  toggleFilter(key: FilterKey, value: string | number): void;
  /** Sets (or with null removes) view-specific parameters. */
  setParams(values: Record<string, string | null>): void;
}

export function useUrlState(): UrlStateApi {
  const state = useSyncExternalStore(subscribe, current);
  const update = (change: (params: URLSearchParams) => void) => {
    const next = new URLSearchParams(current().params);
    change(next);
    navigate(next);
  };
  return {
    ...state,
    setView: (view) => update((p) => (view === DEFAULT_VIEW ? p.delete('view') : p.set('view', view))),
    setLang: (lang) => update((p) => (lang === 'zh' ? p.delete('lang') : p.set('lang', lang))),
    setFilters: (filters) => navigate(withFilters(current().params, filters)),
    toggleFilter: (key, value) => navigate(withFilters(current().params, toggleFilterValue(current().filters, key, value))),
    setParams: (values) =>
      update((p) => Object.entries(values).forEach(([k, v]) => (v === null ? p.delete(k) : p.set(k, v)))),
  };
}
