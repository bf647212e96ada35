/**
 * Which dataset to load: `?data=<same-origin path>` names a folder of the four contract CSVs
 * (ends with `/`, or has no extension) or a DuckDB database file (`.duckdb`, `.db`); the
 * default is the bundled ./data/. Other origins are refused: the CSP would block them anyway,
 * and a shared link must not pull someone else's data into the page.
 */
import { LocalizedError, type ErrorParams } from '../../localized-error.ts';

export type DatasetSource =
  | { kind: 'csv-folder'; url: string; label: string; bundled: boolean }
  | { kind: 'duckdb-file'; url: string; label: string; bundled: false };

export const DEFAULT_DATA_PATH = './data/';

/** A `?data=` the page will not open, and why. */
export class DatasetSourceError extends LocalizedError {
  constructor(key: 'source.invalidPath' | 'source.otherOrigin', params: ErrorParams) {
    super(key, params);
    this.name = 'DatasetSourceError';
  }
}

export function resolveDatasetSource(dataParam: string | null, baseURI: string): DatasetSource {
  const bundled = dataParam == null || dataParam.trim() === '';
  const path = bundled ? DEFAULT_DATA_PATH : dataParam.trim();
  let url: URL;
  try {
    url = new URL(path, baseURI);
  } catch {
    throw new DatasetSourceError('source.invalidPath', { path });
  }
  if (url.origin !== new URL(baseURI).origin) {
    throw new DatasetSourceError('source.otherOrigin', { path, origin: url.origin });
  }
  url.hash = '';
  const label = bundled ? 'data/' : path;
  if (/\.(duckdb|db)$/i.test(url.pathname)) return { kind: 'duckdb-file', url: url.href, label, bundled: false };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { kind: 'csv-folder', url: url.href, label, bundled };
}
