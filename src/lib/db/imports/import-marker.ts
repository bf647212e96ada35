/**
 * A synchronous hint that imports are kept in IndexedDB: start-up reads it before anything else,
 * so that with nothing imported it never opens IndexedDB (no cost), and with imports it never
 * paints the build-time snapshot (whose figures would leave the imports out).
 */
const KEY = 'fund-dashboard.imports';

export function hasStoredImports(): boolean {
  try {
    return Number(globalThis.localStorage?.getItem(KEY) ?? 0) > 0;
  } catch {
    return false; // storage disabled: nothing was kept either
  }
}

export function markStoredImports(count: number): void {
  try {
    if (count > 0) localStorage.setItem(KEY, String(count));
    else localStorage.removeItem(KEY);
  } catch {
    // Without storage the imports last until the page is closed; the import view says so.
  }
}
