/**
 * What a failed import can still offer (issue 20, "imports that forgive"): the result of each
 * file, the files without a problem (imported alone, each whole), and — when the only problems
 * are reports already in the data — to skip or replace those reports.
 */
import type { ImportProblem, ProblemKind } from '../../lib/import/import-problem.ts';

/** A report already in the data: the only problems that skipping or replacing settles. */
const SAME_KINDS: readonly ProblemKind[] = ['duplicateLoaded', 'sameContentLoaded', 'sameProjectLoaded'];

/** Whether `problem` is about file `name` (a workbook's sheet and a database's table name it first). */
const isAbout = (problem: ImportProblem, name: string) => problem.file === name || problem.file.startsWith(`${name} › `);

export interface FileResult {
  file: File;
  problems: number;
}

export interface FailedImportOffer {
  results: FileResult[];
  /** Files without a problem, when some others have one and every problem names a file. */
  readable: File[];
  /** How many reports are already in the data, when those are all the problems (else 0). */
  same: number;
}

export function offerOf(problems: readonly ImportProblem[], files: readonly File[], adding: boolean): FailedImportOffer {
  const listed = problems.filter((p) => p.kind !== 'more');
  const left = problems.filter((p) => p.kind === 'more').reduce((sum, p) => sum + (p.count ?? 0), 0);
  const results = files.map((file) => ({
    file,
    problems: problems.reduce((sum, p) => sum + (isAbout(p, file.name) ? (p.kind === 'more' ? p.count ?? 0 : 1) : 0), 0),
  }));
  const everyNamed = listed.every((p) => files.some((file) => isAbout(p, file.name)));
  const readable = everyNamed ? results.filter((r) => r.problems === 0).map((r) => r.file) : [];
  const sameOnly = adding && listed.length > 0 && listed.every((p) => SAME_KINDS.includes(p.kind));
  return {
    results,
    readable: readable.length < files.length ? readable : [],
    same: sameOnly ? listed.length + left : 0,
  };
}
