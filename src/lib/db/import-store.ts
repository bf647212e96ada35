/**
 * The imports of this browser: run one (worker → DuckDB → IndexedDB, all or nothing), remove one
 * or all, and restore them at start-up. Operations run one after another. The import view
 * watches `useImports()`; the rest of the app sees `DbStatus.imported` and re-queries.
 */
import { useSyncExternalStore } from 'react';
import type { TableName } from '../../parser/types.ts';
import { prepareImportInWorker } from '../import/parse-in-worker.ts';
import { fileKindOf } from '../import/file-kind.ts';
import type { ImportedFile, ImportProgress } from '../import/prepare-import.ts';
import { setImportedData } from './client.ts';
import { ImportFailedError, type ImportProblem } from '../import/import-problem.ts';
import { lockedDuckDb, type DuckDbHandle } from './duckdb-instance.ts';
import { commitImport, layersOf, removeImports, type ImportLayer, type ImportMode } from './import-commit.ts';
import { confirmImport, deleteStoredImports, keepPendingImport, readStoredIds, readStoredImports, type StoredImport } from './import-idb.ts';
import { markStoredImports, openedDataset } from './import-marker.ts';
import { wasmImportSql } from './import-sql.ts';
import { getBaseDataset } from './load-dataset.ts';
import { setImportLayers } from './origin-views.ts';

export interface ImportSummary {
  id: number;
  createdAt: string;
  mode: ImportMode;
  files: ImportedFile[];
  counts: Record<TableName, number>;
}

export interface ImportsState {
  imports: ImportSummary[];
  /** Kept imports that could not be restored at start-up (and were dropped): their files, and why. */
  restoreFailures: RestoreFailure[];
  /** Imports kept in this browser over other datasets: left as they are, put back over theirs. */
  elsewhere: number;
}

export interface RestoreFailure {
  files: string;
  problems: ImportProblem[];
}

/** Why an import could not be put back: its problems, or the error as one. */
const failureOf = (files: string, error: unknown): RestoreFailure => ({
  files,
  problems: error instanceof ImportFailedError ? error.problems : [{ kind: 'message', file: files, found: (error as Error).message }],
});

let state: ImportsState = { imports: [], restoreFailures: [], elsewhere: 0 };
let layers: ImportLayer[] = [];
const listeners = new Set<() => void>();
let queue: Promise<unknown> = Promise.resolve();

function setState(next: Partial<ImportsState>): void {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const getImportsState = (): ImportsState => state;

export const useImports = (): ImportsState => useSyncExternalStore(subscribe, getImportsState);

/** One operation at a time: an import and a removal must never interleave their transactions. */
function serial<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

const summaryOf = ({ id, createdAt, mode, files, counts }: StoredImport): ImportSummary => ({ id, createdAt, mode, files, counts });

/** Views, the header badge and the start-up hint follow the imports now in place. */
function publish(imports: ImportSummary[]): void {
  setImportLayers(layersOf(layers));
  setState({ imports });
  markStoredImports(imports.length + state.elsewhere);
  setImportedData(imports.length === 0 ? null : {
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
export function runImport(files: readonly File[], mode: ImportMode, onProgress: ImportProgress): Promise<ImportSummary> {
  return serial(async () => {
    const databaseFiles = files.filter((file) => fileKindOf(file.name) === 'duckdb');
    const prepared = await prepareImportInWorker(files.filter((file) => fileKindOf(file.name) !== 'duckdb'), onProgress);
    const databases = await Promise.all(databaseFiles.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    const handle = await lockedDuckDb();
    // Ids are unique across datasets: an import kept over another one must not be overwritten.
    const storedIds = await readStoredIds().catch(() => [] as number[]);
    const id = Math.max(0, ...state.imports.map((i) => i.id), ...storedIds) + 1;
    const record: StoredImport = {
      id,
      createdAt: new Date().toISOString(),
      mode,
      files: [...prepared.files, ...databases.map((d) => ({ name: d.name, kind: 'duckdb' as const, reports: 0, rows: 0 }))],
      counts: prepared.counts,
      csv: prepared.csv,
      databases,
      reportFiles: prepared.reportFiles,
      dataset: openedDataset() ?? undefined,
    };
    const replaced = mode === 'replace' ? state.imports.map((i) => i.id) : [];
    let stored = false;
    try {
      layers = await commitImport(wasmImportSql(handle), getBaseDataset(), layers, { id, mode }, record, {
        check: true,
        beforeCommit: async () => {
          if (databases.length > 0) await countDatabaseRows(handle, id, record);
          // Should the page close from here on, the next start opens IndexedDB and forgets the
          // pending record; publish() below sets the right count.
          markStoredImports(state.imports.length + state.elsewhere + 1);
          await keepPendingImport(record).catch((error: unknown) => {
            throw notStored(error);
          });
          stored = true;
        },
      });
    } catch (error) {
      markStoredImports(state.imports.length + state.elsewhere);
      // Kept, then DuckDB's COMMIT failed: the import must not come back at the next start.
      if (stored) await deleteStoredImports([id]).catch(() => undefined);
      throw error;
    }
    // The imports a replacing one took the place of are forgotten only now that it is in: a
    // failed COMMIT leaves them on screen, and so they must stay kept.
    try {
      await confirmImport(id, replaced);
    } catch (error) {
      // Still pending, so gone at the next start: the page goes back to what is kept now.
      layers = await removeImports(wasmImportSql(handle), getBaseDataset(), layers, layers.map((layer) => layer.id));
      await putBackKept(handle);
      throw notStored(error);
    }
    const summary = summaryOf(record);
    publish(mode === 'replace' ? [summary] : [...state.imports, summary]);
    return summary;
  });
}

/** A database file's reports are known only once DuckDB has read it: count them in its schema. */
async function countDatabaseRows(handle: DuckDbHandle, id: number, record: StoredImport): Promise<void> {
  const sql = wasmImportSql(handle);
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
export function removeStoredImports(ids: readonly number[]): Promise<void> {
  return serial(async () => {
    const handle = await lockedDuckDb();
    let removedIds: number[] = [];
    layers = await removeImports(wasmImportSql(handle), getBaseDataset(), layers, ids, async (removed) => {
      removedIds = removed.map((layer) => layer.id);
      await deleteStoredImports(removedIds);
    });
    publish(state.imports.filter((i) => !removedIds.includes(i.id)));
  });
}

export const removeAllImports = (): Promise<void> => removeStoredImports(state.imports.map((i) => i.id));

/** At start-up, after the dataset has loaded: puts back the imports kept over it. Never throws. */
export const restoreImports = (handle: DuckDbHandle): Promise<void> => serial(() => putBackKept(handle));

/**
 * Puts back the imports kept over the opened dataset, and forgets pending ones (a page closed
 * during its import). Never throws: what cannot be put back is said in `restoreFailures`.
 */
async function putBackKept(handle: DuckDbHandle): Promise<void> {
  let stored: StoredImport[] = [];
  try {
    const { kept, pending } = await readStoredImports();
    stored = kept;
    if (pending.length > 0) await deleteStoredImports(pending).catch(() => undefined);
  } catch (error) {
    setState({ restoreFailures: [failureOf('IndexedDB', error)] });
  }
  const restored: ImportSummary[] = [];
  const failures: RestoreFailure[] = [];
  const dataset = openedDataset();
  const ours = stored.filter((record) => record.dataset === undefined || record.dataset === dataset);
  setState({ elsewhere: stored.length - ours.length });
  for (const record of ours) {
    try {
      layers = await commitImport(wasmImportSql(handle), getBaseDataset(), layers, { id: record.id, mode: record.mode }, record, { check: false });
      if (record.mode === 'replace') {
        // Imports it replaced that are still kept (their delete did not happen): forget them now.
        if (restored.length > 0) await deleteStoredImports(restored.map((i) => i.id)).catch(() => undefined);
        restored.length = 0;
      }
      restored.push(summaryOf(record));
    } catch (error) {
      failures.push(failureOf(record.files.map((f) => f.name).join('、'), error));
      await deleteStoredImports([record.id]).catch(() => undefined);
    }
  }
  if (failures.length > 0) setState({ restoreFailures: failures });
  publish(restored);
}
