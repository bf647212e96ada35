/** The state of one import run: reading (n of N), loading into DuckDB, done, or failed. */
import { useCallback, useState } from 'react';
import { useDbSession } from '../../lib/db/index.ts';
import { runImport, type ImportSummary } from '../../lib/db/imports/import-store.ts';
import type { ImportMode, SameReports } from '../../lib/db/imports/import-commit.ts';
import { ImportFailedError, type ImportProblem } from '../../lib/import/import-problem.ts';

export type ImportRun =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number; total: number; file: string; bytes?: { read: number; size: number } }
  | { phase: 'loading' }
  | { phase: 'done'; summary: ImportSummary }
  /** With the files and mode of the run, to try again with some of them or another choice. */
  | { phase: 'failed'; problems: ImportProblem[]; files: readonly File[]; mode: ImportMode };

export function useImportRun(): { run: ImportRun; start(files: readonly File[], mode: ImportMode, same?: SameReports): Promise<boolean>; reset(): void } {
  const session = useDbSession();
  const [run, setRun] = useState<ImportRun>({ phase: 'idle' });
  const start = useCallback(async (files: readonly File[], mode: ImportMode, same?: SameReports) => {
    setRun({ phase: 'reading', done: 0, total: files.length, file: files[0]?.name ?? '' });
    try {
      const summary = await runImport(session, files, mode, (done, total, file, bytes) => {
        setRun(done >= total ? { phase: 'loading' } : { phase: 'reading', done, total, file, bytes });
      }, same);
      setRun({ phase: 'done', summary });
      return true;
    } catch (error) {
      const problems = error instanceof ImportFailedError ? error.problems : [{ kind: 'message' as const, file: '', found: (error as Error).message }];
      setRun({ phase: 'failed', problems, files, mode });
      return false;
    }
  }, [session]);
  return { run, start, reset: useCallback(() => setRun({ phase: 'idle' }), []) };
}
