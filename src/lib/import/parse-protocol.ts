/** Messages between the page and the import worker (parse-worker.ts). */
import type { ImportProblem } from './import-problem.ts';
import type { PreparedImport, TableChunk } from './prepare-import.ts';

export type WorkerRequest =
  | { type: 'read'; files: File[] }
  /** The page has loaded the last chunk: the worker reads on (one chunk in flight at a time). */
  | { type: 'ack' };

export type WorkerReply =
  | { type: 'progress'; done: number; total: number; file: string; bytes?: { read: number; size: number } }
  | { type: 'chunk'; chunk: TableChunk }
  | { type: 'done'; prepared: PreparedImport }
  | { type: 'failed'; problems: ImportProblem[] };
