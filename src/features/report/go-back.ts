/**
 * "Back" from a report: the previous view when the reader came from inside the app, else the
 * overview (a report opened from a shared link has no in-app page to go back to).
 */
import type { UrlStateApi } from '../../lib/url-state.ts';

/** The URL the document was loaded with; any other current URL was reached by in-app navigation. */
function landingUrl(): string | null {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry?.name ?? null;
}

export function goBack(url: Pick<UrlStateApi, 'setParams'>): void {
  const landing = landingUrl();
  if (landing !== null && landing !== window.location.href && window.history.length > 1) window.history.back();
  else url.setParams({ view: null, report: null });
}

/** The link to a report, keeping the filters and the language of the current URL. */
export function reportHref(params: URLSearchParams, reportId: string): string {
  const next = new URLSearchParams(params);
  next.set('view', 'report');
  next.set('report', reportId);
  return `?${next.toString()}`;
}
