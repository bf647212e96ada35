/**
 * Imports kept in IndexedDB (ImportStorage), one record per import: its files, the database files
 * as they were and whether it added to or replaced the data; its rows as contract CSV chunks in a
 * store of their own (`chunks`, one entry per chunk, written as the import reads them, so that no
 * more than a chunk is ever held), or, in records kept before chunks, as four CSV texts in the
 * record. Small promise wrappers over the raw API: no library for a few operations.
 *
 * An import is kept in two steps around DuckDB's COMMIT: its record first, marked pending (the
 * `pending` store), then, once DuckDB has it, the mark is taken away. A page closed or reloaded
 * between the two leaves a pending record, which the next start forgets: an import that did not
 * finish never comes back. Chunks of an import that never got a record (a page closed while it
 * read) are swept at the next start (forgetLooseChunks).
 */
import type { TableName } from '../../../parser/types.ts';
import type { ImportedFile, TableChunk } from '../../import/prepare-import.ts';
import type { ImportMode } from './import-commit.ts';

export interface StoredImport {
  id: number;
  /** ISO time of the import. */
  createdAt: string;
  mode: ImportMode;
  files: ImportedFile[];
  counts: Record<TableName, number>;
  /** How many chunks of rows the `chunks` store keeps for it (records kept before chunks: `csv`). */
  chunks?: number;
  csv?: Record<TableName, string>;
  databases: { name: string; bytes: Uint8Array }[];
  reportFiles: Record<string, string>;
  /** Reports of its chunks it left out (already in the data), and reports of the data it shows in place of. */
  skips?: string[];
  replaces?: string[];
  /**
   * The URL of the dataset the import was made over: it is put back over that dataset only.
   * Absent in records kept before imports were tied to a dataset: those go back over any.
   */
  dataset?: string;
}

/** Where the page keeps its imports between visits: IndexedDB (below), or a stand-in in unit tests. */
export interface ImportStorage {
  /** The imports kept for good, in the order they were made, and the ids of pending ones (see above). */
  readStoredImports(): Promise<{ kept: StoredImport[]; pending: number[] }>;
  /** The ids of every kept import, whatever its dataset: a new import takes an id none of them has. */
  readStoredIds(): Promise<number[]>;
  /** Keeps `record`, pending until confirmImport: run before DuckDB's COMMIT. */
  keepPendingImport(record: StoredImport): Promise<void>;
  /** After DuckDB's COMMIT: import `id` is kept for good and `replacedIds` forgotten, in one transaction. */
  confirmImport(id: number, replacedIds: readonly number[]): Promise<void>;
  /** Forgets imports: their records, pending marks and chunks. */
  deleteStoredImports(ids: readonly number[]): Promise<void>;
  /** Keeps chunk number `n` of import `id`'s rows (before its record: keepPendingImport comes last). */
  keepChunk(id: number, n: number, chunk: TableChunk): Promise<void>;
  /** Hands import `id`'s chunks to `each` in order, one read at a time; returns how many there were. */
  readChunks(id: number, each: (chunk: TableChunk) => Promise<void>): Promise<number>;
  /** Forgets the chunks of imports that have no record (a page closed while its import read). */
  forgetLooseChunks(): Promise<void>;
}

const DB_NAME = 'fund-dashboard-imports';
const STORE = 'imports';
/** Ids of imports kept before DuckDB's COMMIT and not yet confirmed after it. */
const PENDING = 'pending';
/** Rows of the kept imports, `{ id, n, table, csv, rows }` under the key [id, n]. */
const CHUNKS = 'chunks';
const chunksOf = (id: number) => IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);

interface StoredChunk extends TableChunk {
  id: number;
  n: number;
}

const readAll = <T>(db: IDBDatabase, store: string, read: (store: IDBObjectStore) => IDBRequest): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const request = read(db.transaction(store, 'readonly').objectStore(store));
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error);
  });

export class IndexedDbImportStorage implements ImportStorage {
  private opened: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 3);
      request.onupgradeneeded = () => {
        for (const name of [STORE, PENDING]) {
          if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, { keyPath: 'id' });
        }
        if (!request.result.objectStoreNames.contains(CHUNKS)) request.result.createObjectStore(CHUNKS, { keyPath: ['id', 'n'] });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    }).catch((error: unknown) => {
      this.opened = null;
      throw error;
    });
    return this.opened;
  }

  /**
   * Runs `work` on both stores in one read-write transaction; resolves once it is durably
   * complete. A write `work` cannot even start (a full disk may throw at once) aborts it.
   */
  private async write(work: (imports: IDBObjectStore, pending: IDBObjectStore, chunks: IDBObjectStore) => void): Promise<void> {
    const db = await this.open();
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction([STORE, PENDING, CHUNKS], 'readwrite');
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
      try {
        work(transaction.objectStore(STORE), transaction.objectStore(PENDING), transaction.objectStore(CHUNKS));
      } catch (error) {
        transaction.abort();
        reject(error);
      }
    });
  }

  async readStoredImports(): Promise<{ kept: StoredImport[]; pending: number[] }> {
    const db = await this.open();
    const [records, pending] = await Promise.all([
      readAll<StoredImport[]>(db, STORE, (store) => store.getAll()),
      readAll<number[]>(db, PENDING, (store) => store.getAllKeys()),
    ]);
    return { kept: records.filter((r) => !pending.includes(r.id)).sort((a, b) => a.id - b.id), pending };
  }

  async readStoredIds(): Promise<number[]> {
    return readAll<number[]>(await this.open(), STORE, (store) => store.getAllKeys());
  }

  keepPendingImport(record: StoredImport): Promise<void> {
    return this.write((imports, pending) => {
      imports.put(record);
      pending.put({ id: record.id });
    });
  }

  confirmImport(id: number, replacedIds: readonly number[]): Promise<void> {
    return this.write((imports, pending) => {
      for (const replaced of replacedIds) imports.delete(replaced);
      pending.delete(id);
    });
  }

  deleteStoredImports(ids: readonly number[]): Promise<void> {
    return this.write((imports, pending, chunks) => {
      for (const id of ids) {
        imports.delete(id);
        pending.delete(id);
        chunks.delete(chunksOf(id));
      }
    });
  }

  keepChunk(id: number, n: number, chunk: TableChunk): Promise<void> {
    const stored: StoredChunk = { id, n, table: chunk.table, csv: chunk.csv, rows: chunk.rows };
    return this.write((_imports, _pending, chunks) => {
      chunks.put(stored);
    });
  }

  async readChunks(id: number, each: (chunk: TableChunk) => Promise<void>): Promise<number> {
    const db = await this.open();
    // The keys first, then one chunk per read: DuckDB is awaited between reads, which an open
    // IndexedDB transaction would not survive.
    const keys = await readAll<IDBValidKey[]>(db, CHUNKS, (store) => store.getAllKeys(chunksOf(id)));
    for (const key of keys) {
      const { table, csv, rows } = await readAll<StoredChunk>(db, CHUNKS, (store) => store.get(key));
      await each({ table, csv, rows });
    }
    return keys.length;
  }

  async forgetLooseChunks(): Promise<void> {
    const db = await this.open();
    const [ids, keys] = await Promise.all([
      readAll<number[]>(db, STORE, (store) => store.getAllKeys()),
      readAll<[number, number][]>(db, CHUNKS, (store) => store.getAllKeys()),
    ]);
    const loose = [...new Set(keys.map(([id]) => id))].filter((id) => !ids.includes(id));
    if (loose.length > 0) await this.deleteStoredImports(loose);
  }
}
