/**
 * The page's first work, started by src/app/boot.ts before React and the app's code have even
 * been fetched and run: DuckDB's worker (which begins downloading and compiling the wasm at
 * once), the dataset's download, snapshot.json and then the overview's pictures. Started from
 * main.tsx instead, all of it waited for the app's entry (React, the shell, the overview: ~200 ms
 * of download, parsing and evaluation on a two-core PC), and that delay ran on through
 * `db:ready` to `app:ready`.
 * `openDataset` (client.ts) then finds the work under way.
 */
import { startDuckDb } from './duckdb-instance.ts';
import { resolveDatasetSource, type DatasetSource } from './dataset-source.ts';
import { fetchDatasetFiles, type DatasetFiles } from './load-dataset.ts';
import { FILTER_KEYS } from '../../queries/filters.ts';
import { overviewChartWidth } from '../overview-chart-width.ts';
import { loadSnapshot, preloadPictures } from './snapshot.ts';

let early: { url: string; files: DatasetFiles | undefined } | null = null;

/** The snapshot of build-time results that goes with `source` (the bundled dataset only). */
export const snapshotUrlOf = (source: DatasetSource): string | null =>
  source.bundled ? new URL('snapshot.json', source.url).href : null;

/** The window the page opens in: `width` as media queries see it, `layoutWidth` without a scrollbar's gutter. */
export interface Viewport {
  width: number;
  layoutWidth: number;
}

/**
 * Starts DuckDB and the downloads of the dataset the URL names (and, given the `viewport`, of the
 * overview's pictures); errors wait for openDataset.
 */
export function startEarly(search: string, baseURI: string, viewport?: Viewport): void {
  let source: DatasetSource;
  try {
    source = resolveDatasetSource(new URLSearchParams(search).get('data'), baseURI);
  } catch {
    return; // openDataset reports a bad ?data= (and starts nothing)
  }
  const snapshot = snapshotUrlOf(source);
  if (snapshot) {
    void loadSnapshot(snapshot);
    const params = new URLSearchParams(search);
    // The overview (the default view) without filters shows the build's pictures; url-state.ts
    // reads the URL alike (not imported here: it would bring React into the boot chunk).
    if (viewport && (params.get('view') || 'overview') === 'overview' && !FILTER_KEYS.some((key) => params.has(key))) {
      preloadPictures(params.get('lang') === 'en' ? 'en' : 'zh', overviewChartWidth(viewport.width, viewport.layoutWidth));
    }
  }
  early = { url: source.url, files: fetchDatasetFiles(source) };
  // openDataset awaits this start; if it has already failed by then, openDataset tries once more
  // (startDuckDb forgets a failed start) and reports that attempt's error.
  startDuckDb().catch(() => undefined);
}

/** The downloads startEarly began for `source`, handed over once; undefined otherwise. */
export function takeEarlyFiles(source: DatasetSource): DatasetFiles | undefined {
  if (!early || early.url !== source.url) return undefined;
  const { files } = early;
  early = null;
  return files;
}
