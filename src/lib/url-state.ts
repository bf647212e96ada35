/**
 * All filter and view state lives in the URL's query string, so a copied link opens the same
 * view. Changes push a history entry (back and forward work); `popstate` re-renders.
 *
 *   ?view=budget&lang=en&city=株洲市&city=益阳市&year=2022&data=./other/
 */
import { useSyncExternalStore } from 'react';
import { FILTER_KEYS, type FilterKey, type Filters } from '../queries/filters.ts';
import { DEFAULT_LANG, DEFAULT_VIEW, parseUrlState, type Lang, type UrlState } from './url-params.ts';

export { DEFAULT_VIEW, parseUrlState, type Lang, type UrlState };

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
    setLang: (lang) => update((p) => (lang === DEFAULT_LANG ? p.delete('lang') : p.set('lang', lang))),
    setFilters: (filters) => navigate(withFilters(current().params, filters)),
    toggleFilter: (key, value) => navigate(withFilters(current().params, toggleFilterValue(current().filters, key, value))),
    setParams: (values) =>
      update((p) => Object.entries(values).forEach(([k, v]) => (v === null ? p.delete(k) : p.set(k, v)))),
  };
}
