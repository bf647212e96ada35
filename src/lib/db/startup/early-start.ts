/**
 * The page's first work, started by src/app/boot.ts before React and the app's code have even
 * been fetched and run: DuckDB's worker (which begins downloading and compiling the wasm at
 * once), the dataset's download, snapshot.json and then the overview's pictures. Started from
 * main.tsx instead, all of it waited for the app's entry (React, the shell, the overview: ~200 ms
 * of download, parsing and evaluation on a two-core PC), and that delay ran on through
 * `db:ready` to `app:ready`.
 * `openDataset` (open-dataset.ts) then finds the work under way.
 */
import { resolveDatasetSource, type DatasetSource } from '../dataset/dataset-source.ts';
import { fetchDatasetFiles, type DatasetFiles } from '../dataset/fetch-dataset.ts';
import type { Lang } from '../../url-params.ts';
import { hasStoredImports } from '../imports/import-marker.ts';
import type { DuckDbSession } from '../session.ts';

/** What startEarly began downloading, kept on the session until openDataset takes it. */
export interface EarlyDownloads {
  url: string;
  files: DatasetFiles | undefined;
}

/** The snapshot of build-time results that goes with `source` (the bundled dataset only). */
export const snapshotUrlOf = (source: DatasetSource): string | null =>
  source.bundled ? new URL('snapshot.json', source.url).href : null;

/** The overview's build-time pictures to download at once: in `lang`, for charts `chartWidth` CSS pixels wide. */
export interface EarlyPictures {
  lang: Lang;
  chartWidth: number;
}

/**
 * Starts DuckDB and the downloads of the dataset the URL names and, when given (the page opens on
 * the overview without filters: src/app/opened-view.ts), of the overview's `pictures`; errors
 * wait for openDataset.
 */
export function startEarly(session: DuckDbSession, search: string, baseURI: string, pictures?: EarlyPictures): void {
  let source: DatasetSource;
  try {
    source = resolveDatasetSource(new URLSearchParams(search).get('data'), baseURI);
  } catch {
    return; // openDataset reports a bad ?data= (and starts nothing)
  }
  const snapshot = snapshotUrlOf(source);
  if (snapshot) {
    void session.snapshot.load(snapshot);
    // Stored imports make the build's figures, and so its pictures, unusable (open-dataset.ts).
    if (pictures && !hasStoredImports()) session.snapshot.preloadPictures(pictures.lang, pictures.chartWidth);
  }
  session.early = { url: source.url, files: fetchDatasetFiles(source) };
  // openDataset awaits this start; if it has already failed by then, openDataset tries once more
  // (the engine forgets a failed start) and reports that attempt's error.
  session.engine.start().catch(() => undefined);
}

/** The downloads startEarly began for `source`, handed over once; undefined otherwise. */
export function takeEarlyFiles(session: DuckDbSession, source: DatasetSource): DatasetFiles | undefined {
  const { early } = session;
  if (!early || early.url !== source.url) return undefined;
  session.early = null;
  return early.files;
}
