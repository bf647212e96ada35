/**
 * Which dataset to load: `?data=<same-origin path>` names a folder of the four contract CSVs
 * (ends with `/`, or has no extension) or a DuckDB database file (`.duckdb`, `.db`); the
 * default is the bundled ./data/. Other origins are refused: the CSP would block them anyway,
 * and a shared link must not pull someone else's data into the page.
 */
import { BilingualError } from '../bilingual.ts';

export type DatasetSource =
  | { kind: 'csv-folder'; url: string; label: string; bundled: boolean }
  | { kind: 'duckdb-file'; url: string; label: string; bundled: false };

export const DEFAULT_DATA_PATH = './data/';

/** A `?data=` the page will not open, said in English and in Chinese. */
export class DatasetSourceError extends BilingualError {
  constructor(message: string, zh: string) {
    super(message, zh);
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
    throw new DatasetSourceError(`data=${path}: not a valid path`, `data=${path}：不是有效的路径`);
  }
  if (url.origin !== new URL(baseURI).origin) {
    throw new DatasetSourceError(
      `data=${path}: only datasets of this site can be opened (${url.origin} is another origin)`,
      `data=${path}：只能打开本站的数据集（${url.origin} 是另一个来源）`,
    );
  }
  url.hash = '';
  const label = bundled ? 'data/' : path;
  if (/\.(duckdb|db)$/i.test(url.pathname)) return { kind: 'duckdb-file', url: url.href, label, bundled: false };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { kind: 'csv-folder', url: url.href, label, bundled };
}
