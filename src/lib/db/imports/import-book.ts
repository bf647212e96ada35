/**
 * What the page knows of its imports: those in place (a Store the import view follows), their
 * layers under the views, where they are kept, and the queue that runs one operation at a time.
 * Held by the page's DuckDbSession, created on first use (importsOf), so that a visit with
 * nothing imported never loads the import code or opens IndexedDB.
 */
import type { TableName } from '../../../parser/types.ts';
import { ImportFailedError, type ImportProblem } from '../../import/import-problem.ts';
import type { ImportedFile } from '../../import/prepare-import.ts';
import type { DuckDbHandle } from '../engine/duckdb-instance.ts';
import type { ImportLayer, ImportMode } from './import-commit.ts';
import { IndexedDbImportStorage, type ImportStorage } from './import-idb.ts';
import { wasmImportSql, type ImportSql } from './import-sql.ts';
import type { DuckDbSession } from '../session.ts';
import { Store } from '../store.ts';

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
export const failureOf = (files: string, error: unknown): RestoreFailure => ({
  files,
  problems: error instanceof ImportFailedError ? error.problems : [{ kind: 'message', file: files, found: (error as Error).message }],
});

export class ImportBook {
  readonly state = new Store<ImportsState>({ imports: [], restoreFailures: [], elsewhere: 0 });
  /** The imports in place, oldest first, as the views know them. */
  layers: ImportLayer[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private importSql: ImportSql | null = null;

  constructor(readonly storage: ImportStorage) {}

  /** One operation at a time: an import and a removal must never interleave their transactions. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Imports kept in this browser: those in place and those over other datasets (the start-up hint). */
  keptCount(): number {
    const { imports, elsewhere } = this.state.get();
    return imports.length + elsewhere;
  }

  /** The import's own connection to `handle`'s database (import-sql.ts), opened once. */
  sql(handle: DuckDbHandle): ImportSql {
    return (this.importSql ??= wasmImportSql(handle));
  }
}

/** The session's imports, set up on first use. */
export const importsOf = (session: DuckDbSession): ImportBook =>
  (session.imports ??= new ImportBook(session.importStorage ?? new IndexedDbImportStorage()));
