/**
 * Starts DuckDB and loads the dataset the URL names (`?data=`, or the bundled one), once per
 * page: main.tsx calls it; views follow the session's status (`useDbStatus()`).
 */
import type { Query } from '../../../queries/query.ts';
import { resolveDatasetSource, type DatasetSource } from '../dataset/dataset-source.ts';
import { snapshotUrlOf, takeEarlyFiles } from './early-start.ts';
import { fetchDatasetFiles } from '../dataset/fetch-dataset.ts';
import { hasStoredImports } from '../imports/import-marker.ts';
import type { DuckDbSession } from '../session.ts';

/**
 * `firstQueries`, those the opened view runs first, go to the worker right behind the load: the
 * view's queries then find them answered or under way (sent-ahead.ts).
 */
export async function openDataset(session: DuckDbSession, search: string, baseURI: string, firstQueries: readonly Query<unknown>[] = []): Promise<void> {
  const { status, queries } = session;
  let source: DatasetSource;
  try {
    source = resolveDatasetSource(new URLSearchParams(search).get('data'), baseURI);
  } catch (error) {
    status.set({ phase: 'error', error });
    return;
  }
  session.dataset.opened = source.url;
  // Imports kept from an earlier visit: the build-time figures would leave them out.
  const restoring = hasStoredImports();
  status.set({ phase: 'starting', dataset: source.label, snapshotUsable: source.bundled && !restoring, error: null });
  const snapshot = snapshotUrlOf(source);
  if (snapshot) void session.snapshot.load(snapshot).then(() => status.set({}));
  try {
    // Usually under way since boot.ts (early-start.ts).
    const files = takeEarlyFiles(session, source) ?? fetchDatasetFiles(source);
    const handle = await session.engine.start();
    // Stored imports would change the rows under them.
    const ahead = restoring ? [] : firstQueries;
    await session.dataset.load(handle, source, {
      files,
      whenQueued: () => queries.sentAhead.send(handle.connection, ahead),
      onDownload: (download) => status.set({ download }),
    });
    // The dataset is in: from now on DuckDB reads no file, URL or extension but the import's own
    // (engine-lock.ts). Queued behind the first queries, it holds back none of them; the console
    // and the import wait for it, and report it if it fails.
    const locked = session.engine.lock();
    locked.catch(() => undefined);
    // Loaded only when something was imported: IndexedDB costs nothing otherwise.
    if (restoring) await Promise.all([locked, import('../imports/import-store.ts')]).then(([lockedHandle, store]) => store.restoreImports(session, lockedHandle));
    queries.prepared.forget();
    performance.mark('data:loaded');
    status.set({ phase: 'ready', download: null, generation: status.get().generation + 1 });
  } catch (error) {
    queries.sentAhead.clear();
    status.set({ phase: 'error', download: null, error });
  }
}
