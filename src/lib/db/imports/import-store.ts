/**
 * The imports of this browser: run one (worker → DuckDB → IndexedDB, all or nothing), remove one
 * or all, and restore them at start-up. Operations run one after another, on the session's
 * ImportBook (import-book.ts). The import view follows that book's state; the rest of the app
 * sees `DbStatus.imported` and re-queries.
 */
import type { TableName } from '../../../parser/types.ts';
import { prepareImportInWorker } from '../../import/parse-in-worker.ts';
import { fileKindOf } from '../../import/file-kind.ts';
import type { ImportProgress } from '../../import/prepare-import.ts';
import { ImportFailedError } from '../../import/import-problem.ts';
import type { DuckDbHandle } from '../engine/duckdb-instance.ts';
import { MEMORY_LIMIT_BYTES } from '../engine/engine-lock.ts';
import { failureOf, importsOf, type ImportBook, type ImportSummary, type RestoreFailure } from './import-book.ts';
import { commitImport, layersOf, removeImports, stageImport, type ImportMode, type SameReports } from './import-commit.ts';
import type { StoredImport } from './import-idb.ts';
import { markStoredImports } from './import-marker.ts';
import type { DuckDbSession } from '../session.ts';

export type { ImportSummary };

const summaryOf = ({ id, createdAt, mode, files, counts }: StoredImport): ImportSummary => ({ id, createdAt, mode, files, counts });

/** Views, the header badge and the start-up hint follow the imports now in place. */
function publish(session: DuckDbSession, book: ImportBook, imports: ImportSummary[]): void {
  session.dataset.importLayers = layersOf(book.layers);
  book.state.set({ imports });
  markStoredImports(book.keptCount());
  session.importedDataChanged(imports.length === 0 ? null : {
    imports: imports.length,
    reports: imports.reduce((sum, i) => sum + i.counts.reports, 0),
    replaced: imports.some((i) => i.mode === 'replace'),
  });
}

/** IndexedDB refused to keep an import (a full disk, storage turned off): said plainly, data unchanged. */
const notStored = (error: unknown): ImportFailedError => {
  const { name, message } = error as { name?: string; message?: string };
  return new ImportFailedError([{ kind: 'notStored', file: '', found: [name, message].filter(Boolean).join(': ') }]);
};

/**
 * Reads `files`, checks them and adds them to the data (or puts them in its place). Throws
 * ImportFailedError with every problem found, and then nothing has changed. Kept in IndexedDB in
 * two steps around DuckDB's COMMIT (import-idb.ts): a reload at any point before the end leaves
 * the kept imports as they were.
 */
export function runImport(session: DuckDbSession, files: readonly File[], mode: ImportMode, onProgress: ImportProgress,
  same: SameReports = 'refuse'): Promise<ImportSummary> {
  const book = importsOf(session);
  const { storage } = book;
  return book.serial(async () => {
    const databaseFiles = files.filter((file) => fileKindOf(file.name) === 'duckdb');
    const handle = await session.engine.lock();
    // Ids are unique across datasets: an import kept over another one must not be overwritten.
    const storedIds = await storage.readStoredIds().catch(() => [] as number[]);
    const id = Math.max(0, ...book.state.get().imports.map((i) => i.id), ...storedIds) + 1;
    const sql = book.sql(handle);
    // The rows go into DuckDB and IndexedDB a chunk at a time as the worker reads them; the views
    // see none of them until commitImport's transaction, and a failure takes them all away.
    const staged = await stageImport(sql, id);
    const replaced = mode === 'replace' ? book.state.get().imports.map((i) => i.id) : [];
    let chunks = 0;
    let committed = false;
    try {
      const prepared = await prepareImportInWorker(files.filter((file) => fileKindOf(file.name) !== 'duckdb'), onProgress, async (chunk) => {
        await staged.append(chunk);
        await storage.keepChunk(id, chunks++, chunk).catch((error: unknown) => {
          throw notStored(error);
        });
      });
      const databases = await Promise.all(databaseFiles.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      const record: StoredImport = {
        id,
        createdAt: new Date().toISOString(),
        mode,
        files: [...prepared.files, ...databases.map((d) => ({ name: d.name, kind: 'duckdb' as const, reports: 0, rows: 0 }))],
        counts: prepared.counts,
        chunks,
        databases,
        reportFiles: prepared.reportFiles,
        dataset: session.dataset.opened ?? undefined,
      };
      book.layers = await commitImport(sql, session.dataset.base, book.layers, { id, mode }, { ...record, staged: true }, {
        check: true,
        same,
        onSame: ({ skipped, replaced }) => {
          // Kept with the import: its chunks still hold the skipped reports, and a restore must
          // hide the replaced ones again.
          if (skipped.length > 0) record.skips = skipped;
          if (replaced.length > 0) record.replaces = replaced;
        },
        beforeCommit: async () => {
          if (databases.length > 0 || record.skips) await countRows(book, handle, id, record);
          // Should the page close from here on, the next start opens IndexedDB and forgets the
          // pending record; publish() below sets the right count.
          markStoredImports(book.keptCount() + 1);
          await storage.keepPendingImport(record).catch((error: unknown) => {
            throw notStored(error);
          });
        },
      });
      committed = true;
      // The imports a replacing one took the place of are forgotten only now that it is in: a
      // failed COMMIT leaves them on screen, and so they must stay kept.
      try {
        await storage.confirmImport(id, replaced);
      } catch (error) {
        // Still pending, so gone at the next start: the page goes back to what is kept now.
        book.layers = await removeImports(sql, session.dataset.base, book.layers, book.layers.map((layer) => layer.id));
        await putBackKept(session, book, handle);
        throw notStored(error);
      }
      const summary = summaryOf(record);
      publish(session, book, mode === 'replace' ? [summary] : [...book.state.get().imports, summary]);
      return summary;
    } catch (error) {
      markStoredImports(book.keptCount());
      if (!committed) {
        await staged.drop();
        // Loading ran out of DuckDB's memory (a CSV set of millions of rows): said in words.
        if (error instanceof Error && /Out of Memory Error/.test(error.message)) {
          await storage.deleteStoredImports([id]).catch(() => undefined);
          throw new ImportFailedError([{ kind: 'outOfMemory', file: '', count: MEMORY_LIMIT_BYTES / 2 ** 20 }]);
        }
        // Its chunks, and its record if it was kept before DuckDB's COMMIT failed: the import
        // must not come back at the next start.
        await storage.deleteStoredImports([id]).catch(() => undefined);
      }
      throw error;
    }
  });
}

/**
 * A database file's reports are known only once DuckDB has read it, and skipped reports leave the
 * import: count the rows in its schema.
 */
async function countRows(book: ImportBook, handle: DuckDbHandle, id: number, record: StoredImport): Promise<void> {
  const sql = book.sql(handle);
  const [counts] = await sql.all<Record<TableName, number>>(
    `SELECT ${(['reports', 'budget_lines', 'indicators', 'findings'] as const).map((t) => `(SELECT count(*) FROM imp_${id}.${t})::INTEGER AS ${t}`).join(', ')}`);
  record.counts = counts;
  const fromFiles = record.files.filter((f) => f.kind !== 'duckdb').reduce((sum, f) => sum + f.reports, 0);
  const databaseFile = record.files.find((f) => f.kind === 'duckdb');
  // Several database files in one import: their reports are shown together on the first.
  if (databaseFile) {
    databaseFile.reports = counts.reports - fromFiles;
    databaseFile.rows = counts.reports + counts.budget_lines + counts.indicators + counts.findings - record.files.reduce((s, f) => s + f.rows, 0);
  }
}

/** Removes imports by id (removing a replacing import brings the dataset back, and ends every import). */
export function removeStoredImports(session: DuckDbSession, ids: readonly number[]): Promise<void> {
  const book = importsOf(session);
  return book.serial(async () => {
    const handle = await session.engine.lock();
    let removedIds: number[] = [];
    book.layers = await removeImports(book.sql(handle), session.dataset.base, book.layers, ids, async (removed) => {
      removedIds = removed.map((layer) => layer.id);
      await book.storage.deleteStoredImports(removedIds);
    });
    publish(session, book, book.state.get().imports.filter((i) => !removedIds.includes(i.id)));
  });
}

export const removeAllImports = (session: DuckDbSession): Promise<void> =>
  removeStoredImports(session, importsOf(session).state.get().imports.map((i) => i.id));

/** At start-up, after the dataset has loaded: puts back the imports kept over it. Never throws. */
export function restoreImports(session: DuckDbSession, handle: DuckDbHandle): Promise<void> {
  const book = importsOf(session);
  return book.serial(() => putBackKept(session, book, handle));
}

/**
 * Puts back the imports kept over the opened dataset, and forgets pending ones (a page closed
 * during its import). Never throws: what cannot be put back is said in `restoreFailures`.
 */
async function putBackKept(session: DuckDbSession, book: ImportBook, handle: DuckDbHandle): Promise<void> {
  const { storage } = book;
  let stored: StoredImport[] = [];
  try {
    const { kept, pending } = await storage.readStoredImports();
    stored = kept;
    if (pending.length > 0) await storage.deleteStoredImports(pending).catch(() => undefined);
  } catch (error) {
    book.state.set({ restoreFailures: [failureOf('IndexedDB', error)] });
  }
  const restored: ImportSummary[] = [];
  const failures: RestoreFailure[] = [];
  const dataset = session.dataset.opened;
  const ours = stored.filter((record) => record.dataset === undefined || record.dataset === dataset);
  book.state.set({ elsewhere: stored.length - ours.length });
  for (const record of ours) {
    try {
      book.layers = await putBack(book, handle, session, record);
      if (record.mode === 'replace') {
        // Imports it replaced that are still kept (their delete did not happen): forget them now.
        if (restored.length > 0) await storage.deleteStoredImports(restored.map((i) => i.id)).catch(() => undefined);
        restored.length = 0;
      }
      restored.push(summaryOf(record));
    } catch (error) {
      failures.push(failureOf(record.files.map((f) => f.name).join('、'), error));
      await storage.deleteStoredImports([record.id]).catch(() => undefined);
    }
  }
  if (failures.length > 0) book.state.set({ restoreFailures: failures });
  publish(session, book, restored);
  await storage.forgetLooseChunks().catch(() => undefined);
}

/** One kept import back in DuckDB: its rows from its chunks (or, kept before chunks, its CSV texts). */
async function putBack(book: ImportBook, handle: DuckDbHandle, session: DuckDbSession, record: StoredImport) {
  const sql = book.sql(handle);
  const layer = { id: record.id, mode: record.mode };
  if (record.chunks == null) return commitImport(sql, session.dataset.base, book.layers, layer, record, { check: false });
  const staged = await stageImport(sql, record.id);
  try {
    const read = await book.storage.readChunks(record.id, (chunk) => staged.append(chunk));
    if (read !== record.chunks) throw new Error(`${record.chunks - read} / ${record.chunks} chunks of rows missing from IndexedDB`);
    return await commitImport(sql, session.dataset.base, book.layers, layer, { ...record, staged: true }, { check: false });
  } catch (error) {
    await staged.drop();
    throw error;
  }
}
