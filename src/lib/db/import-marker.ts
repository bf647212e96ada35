/**
 * A synchronous hint that imports are kept in IndexedDB: start-up reads it before anything else,
 * so that with nothing imported it never opens IndexedDB (no cost), and with imports it never
 * paints the build-time snapshot (whose figures would leave the imports out).
 */
const KEY = 'fund-dashboard.imports';

let dataset: string | null = null;

/**
 * The dataset the page opened (its URL), set before it loads: an import belongs to the dataset it
 * was made over, and is put back only over that one (import-store.ts).
 */
export const setOpenedDataset = (url: string): void => {
  dataset = url;
};
export const openedDataset = (): string | null => dataset;

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
