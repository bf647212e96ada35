/** Messages between the page and the import worker (parse-worker.ts). */
import type { ImportProblem } from './import-problem.ts';
import type { PreparedImport } from './prepare-import.ts';

export interface WorkerRequest {
  files: File[];
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'done'; prepared: PreparedImport }
  | { type: 'failed'; problems: ImportProblem[] };
