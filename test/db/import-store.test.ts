/**
 * The bookkeeping of kept imports (src/lib/db/imports/import-store.ts) around IndexedDB and DuckDB, both
 * stood in for here (the browser test covers them for real): an import belongs to the dataset it
 * was made over and is put back over that one only; ids never collide with another dataset's
 * imports; an import whose COMMIT fails after it was kept is not kept; one left pending (the page
 * closed during it) is forgotten; IndexedDB refusing a write leaves the imports as they were.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DuckDbHandle } from '../../src/lib/db/engine/duckdb-instance.ts';
import { importsOf } from '../../src/lib/db/imports/import-book.ts';
import type { ImportStorage, StoredImport } from '../../src/lib/db/imports/import-idb.ts';
import { restoreImports, runImport } from '../../src/lib/db/imports/import-store.ts';
import { DuckDbSession } from '../../src/lib/db/session.ts';
import type { ImportFailedError } from '../../src/lib/import/import-problem.ts';
import { formatProblem } from '../../src/lib/import/problem-messages.ts';

const idb = vi.hoisted(() => ({
  records: [] as StoredImport[],
  pending: [] as number[],
  stored: [] as number[],
  deleted: [] as number[],
  refuse: null as null | 'keep' | 'confirm',
}));
const commit = vi.hoisted(() => ({ failAfterKeep: false, restoredIds: [] as number[], removedIds: [] as number[] }));
const quotaExceeded = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

/** IndexedDB as the page keeps imports there (import-idb.ts), in memory. */
const fakeStorage: ImportStorage = {
  readStoredImports: async () => ({ kept: idb.records.filter((r) => !idb.pending.includes(r.id)), pending: idb.pending }),
  readStoredIds: async () => idb.records.map((r) => r.id),
  keepPendingImport: async (record: StoredImport) => {
    if (idb.refuse === 'keep') throw quotaExceeded();
    idb.stored.push(record.id);
    idb.records.push(record);
    idb.pending.push(record.id);
  },
  confirmImport: async (id: number, replacedIds: readonly number[]) => {
    if (idb.refuse === 'confirm') throw quotaExceeded();
    forget(replacedIds);
    idb.pending = idb.pending.filter((pending) => pending !== id);
  },
  deleteStoredImports: async (ids: readonly number[]) => forget(ids),
  keepChunk: async () => undefined,
  readChunks: async () => 0,
  forgetLooseChunks: async () => undefined,
};
/** As IndexedDB deletes records: gone from both stores. */
function forget(ids: readonly number[]): void {
  idb.deleted.push(...ids);
  idb.records = idb.records.filter((r) => !ids.includes(r.id));
  idb.pending = idb.pending.filter((id) => !ids.includes(id));
}
vi.mock('../../src/lib/db/imports/import-commit.ts', () => ({
  stageImport: async () => ({ append: async () => undefined, drop: async () => undefined }),
  layersOf: () => ({ hideBase: false, schemas: [] }),
  removeImports: async (_sql: unknown, _base: unknown, layers: { id: number }[], ids: number[]) => {
    commit.removedIds.push(...ids);
    return layers.filter((layer) => !ids.includes(layer.id));
  },
  commitImport: async (_sql: unknown, _base: unknown, layers: { id: number }[], layer: { id: number }, _payload: unknown,
    options: { check: boolean; beforeCommit?: () => Promise<void> }) => {
    if (!options.check) commit.restoredIds.push(layer.id);
    await options.beforeCommit?.();
    if (commit.failAfterKeep) throw new Error('COMMIT failed');
    return [...layers, layer];
  },
}));
vi.mock('../../src/lib/import/parse-in-worker.ts', () => ({
  prepareImportInWorker: async () => ({
    files: [{ name: 'a.txt', kind: 'report', reports: 1, rows: 3 }],
    counts: { reports: 1, budget_lines: 1, indicators: 1, findings: 0 },
    csv: { reports: '', budget_lines: '', indicators: '', findings: '' },
    reportFiles: {},
  }),
}));
vi.mock('../../src/lib/db/imports/import-sql.ts', () => ({ wasmImportSql: () => ({}) }));
/** DuckDB as far as the store reaches it: the engine's lock, which it awaits. */
const fakeDuckDb = async () => ({ connection: { query: async () => undefined } }) as unknown as DuckDbHandle;

const BUNDLED = 'http://site.test/sub/data/';
const OTHER = 'http://site.test/sub/other/';

const record = (id: number, dataset?: string): StoredImport => ({
  id, createdAt: '2026-12-01T00:00:00Z', mode: 'add', files: [{ name: `${id}.txt`, kind: 'report', reports: 1, rows: 1 }],
  counts: { reports: 1, budget_lines: 0, indicators: 0, findings: 0 }, csv: { reports: '', budget_lines: '', indicators: '', findings: '' },
  databases: [], reportFiles: {}, ...(dataset ? { dataset } : {}),
});

/** A fresh page's imports, opened over `dataset`. */
function openStore(dataset: string) {
  const session = new DuckDbSession({ instantiate: fakeDuckDb, importStorage: fakeStorage });
  session.dataset.opened = dataset;
  return {
    restoreImports: (handle: DuckDbHandle) => restoreImports(session, handle),
    runImport: (files: File[], mode: 'add' | 'replace', onProgress: () => void) => runImport(session, files, mode, onProgress),
    getImportsState: () => importsOf(session).state.get(),
  };
}

/** A stand-in for the page's localStorage, where the start-up hint is kept. */
const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (key: string) => storage.get(key) ?? null,
  setItem: (key: string, value: string) => void storage.set(key, value),
  removeItem: (key: string) => void storage.delete(key),
});

beforeEach(() => {
  idb.records = [];
  idb.pending = [];
  idb.stored = [];
  idb.deleted = [];
  idb.refuse = null;
  commit.failAfterKeep = false;
  commit.restoredIds = [];
  commit.removedIds = [];
  storage.clear();
});

describe('kept imports', () => {
  it('puts back over a dataset only the imports made over it (and those from before, which name none)', async () => {
    idb.records = [record(1, BUNDLED), record(2, OTHER), record(3)];
    const store = openStore(BUNDLED);
    await store.restoreImports({} as never);
    expect(commit.restoredIds).toEqual([1, 3]);
    const state = store.getImportsState();
    expect(state.imports.map((i) => i.id)).toEqual([1, 3]);
    expect(state.elsewhere).toBe(1);
    // The start-up hint counts every kept import, so the other dataset still restores its own.
    expect(localStorage.getItem('fund-dashboard.imports')).toBe('3');
    expect(idb.deleted).toEqual([]);
  });

  it('gives a new import an id past every kept one, whatever its dataset, and names its dataset', async () => {
    idb.records = [record(1, BUNDLED), record(7, OTHER)];
    const store = openStore(BUNDLED);
    await store.restoreImports({} as never);
    const summary = await store.runImport([], 'add', () => undefined);
    expect(summary.id).toBe(8);
    expect(idb.stored).toEqual([8]);
  });

  it('keeps the imports a replacing import would take the place of when its COMMIT fails, and forgets them once it is in', async () => {
    idb.records = [record(1, BUNDLED), record(2, BUNDLED)];
    const store = openStore(BUNDLED);
    await store.restoreImports({} as never);
    commit.failAfterKeep = true;
    await expect(store.runImport([], 'replace', () => undefined)).rejects.toThrow('COMMIT failed');
    expect(idb.deleted).toEqual([3]); // the failed one only: 1 and 2 are still on screen, and kept
    expect(store.getImportsState().imports.map((i) => i.id)).toEqual([1, 2]);
    commit.failAfterKeep = false;
    await store.runImport([], 'replace', () => undefined);
    expect(idb.deleted).toEqual([3, 1, 2]);
    expect(store.getImportsState().imports.map((i) => i.id)).toEqual([3]); // the failed import's id was freed
  });

  it('forgets, at start-up, kept imports that a later replacing import took the place of', async () => {
    idb.records = [record(1, BUNDLED), { ...record(2, BUNDLED), mode: 'replace' }];
    const store = openStore(BUNDLED);
    await store.restoreImports({} as never);
    expect(store.getImportsState().imports.map((i) => i.id)).toEqual([2]);
    expect(idb.deleted).toEqual([1]);
  });

  it('forgets an import again when DuckDB\'s COMMIT fails after it was kept', async () => {
    const store = openStore(BUNDLED);
    commit.failAfterKeep = true;
    await expect(store.runImport([], 'add', () => undefined)).rejects.toThrow('COMMIT failed');
    expect(idb.stored).toEqual([1]);
    expect(idb.deleted).toEqual([1]);
  });

  it('forgets, at start-up, an import the page was closed during (still pending), and puts back the others', async () => {
    idb.records = [record(1, BUNDLED), record(2, BUNDLED)];
    idb.pending = [2];
    const store = openStore(BUNDLED);
    await store.restoreImports({} as never);
    expect(commit.restoredIds).toEqual([1]);
    expect(idb.deleted).toEqual([2]);
    expect(store.getImportsState().imports.map((i) => i.id)).toEqual([1]);
    expect(localStorage.getItem('fund-dashboard.imports')).toBe('1');
  });

  it('says so when IndexedDB refuses to keep an import, and keeps the imports as they were', async () => {
    idb.records = [record(1, BUNDLED)];
    const store = openStore(BUNDLED);
    await store.restoreImports({} as never);
    idb.refuse = 'keep';
    const error = await store.runImport([], 'add', () => undefined).catch((e: unknown) => e);
    expect((error as Error).name).toBe('ImportFailedError');
    expect((error as ImportFailedError).problems.map((p) => formatProblem(p, 'zh'))).toEqual([
      '浏览器拒绝保存这次导入（IndexedDB：QuotaExceededError: The quota has been exceeded.），多半是存储空间不足——请清理本网站的浏览器存储或移除以前的导入后再试',
    ]);
    expect(store.getImportsState().imports.map((i) => i.id)).toEqual([1]);
    expect(localStorage.getItem('fund-dashboard.imports')).toBe('1');
    expect(idb.stored).toEqual([]);
  });

  it('goes back to the kept imports when IndexedDB refuses to confirm one after DuckDB took it', async () => {
    idb.records = [record(1, BUNDLED), record(2, BUNDLED)];
    const store = openStore(BUNDLED);
    await store.restoreImports({} as never);
    idb.refuse = 'confirm';
    await expect(store.runImport([], 'replace', () => undefined)).rejects.toMatchObject({ problems: [{ kind: 'notStored' }] });
    expect(commit.removedIds).toEqual([1, 2, 3]); // every layer out, then the kept ones back in
    expect(commit.restoredIds).toEqual([1, 2, 1, 2]);
    expect(store.getImportsState().imports.map((i) => i.id)).toEqual([1, 2]);
    expect(idb.deleted).toEqual([3]); // the pending one, by the putting back
    expect(idb.records.map((r) => r.id)).toEqual([1, 2]);
  });
});
