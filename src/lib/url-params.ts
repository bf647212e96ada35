/**
 * The URL's view and filter state, read without React: boot.ts reads it before React has
 * loaded (src/app/opened-view.ts); url-state.ts keeps it in step with the address bar.
 */
import { BLANK_VALUE, FILTER_KEYS, isBlankable, type Filters } from '../queries/filters.ts';

/** The app's languages, the default first. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

/** `?lang=` as one of the languages; the default for none or an unknown one. */
export const parseLang = (value: string | null): Lang => LANGS.find((lang) => lang === value) ?? DEFAULT_LANG;

export interface UrlState {
  /** The view id (`overview`, `budget`, …); unknown ids are resolved by the shell. */
  view: string;
  lang: Lang;
  filters: Filters;
  /** Every parameter, for view-specific state (`report`, `dim`, …) read with `params.get()`. */
  params: URLSearchParams;
}

/** The view a URL without `view` opens, and an unknown `view` too (src/app/opened-view.ts). */
export const DEFAULT_VIEW = 'overview' as const;

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
    lang: parseLang(params.get('lang')),
    filters: filters as Filters,
    params,
  };
}
