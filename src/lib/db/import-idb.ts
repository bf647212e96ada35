/**
 * Imports kept in IndexedDB, one record per import: its files, the four tables as contract CSV
 * (or the database files as they were) and whether it added to or replaced the data. Small
 * promise wrappers over the raw API: no library for three operations.
 */
import type { TableName } from '../../parser/types.ts';
import type { ImportedFile } from '../import/prepare-import.ts';
import type { ImportMode } from './import-commit.ts';

export interface StoredImport {
  id: number;
  /** ISO time of the import. */
  createdAt: string;
  mode: ImportMode;
  files: ImportedFile[];
  counts: Record<TableName, number>;
  csv: Record<TableName, string>;
  databases: { name: string; bytes: Uint8Array }[];
  reportFiles: Record<string, string>;
  /**
   * The URL of the dataset the import was made over: it is put back over that dataset only.
   * Absent in records kept before imports were tied to a dataset: those go back over any.
   */
  dataset?: string;
}

const DB_NAME = 'fund-dashboard-imports';
const STORE = 'imports';

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  }).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

/** Runs `work` in one read-write transaction; resolves once it is durably complete. */
async function write(work: (store: IDBObjectStore) => void): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite');
    work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
  });
}

export async function readStoredImports(): Promise<StoredImport[]> {
  const db = await open();
  const records = await new Promise<StoredImport[]>((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
    request.onsuccess = () => resolve(request.result as StoredImport[]);
    request.onerror = () => reject(request.error);
  });
  return records.sort((a, b) => a.id - b.id);
}

/** The ids of every kept import, whatever its dataset: a new import takes an id none of them has. */
export async function readStoredIds(): Promise<number[]> {
  const db = await open();
  return new Promise<number[]>((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).getAllKeys();
    request.onsuccess = () => resolve(request.result as number[]);
    request.onerror = () => reject(request.error);
  });
}

/** Keeps `record` and forgets `replacedIds`, in one transaction. */
export const storeImport = (record: StoredImport, replacedIds: readonly number[]): Promise<void> =>
  write((store) => {
    for (const id of replacedIds) store.delete(id);
    store.put(record);
  });

export const deleteStoredImports = (ids: readonly number[]): Promise<void> =>
  write((store) => {
    for (const id of ids) store.delete(id);
  });
