/**
 * What can be wrong with an imported file, as data: the worker reports problems, the view words
 * them in the reader's language (problem-messages.ts). Each names the file and, when it can,
 * the line (or sheet row) and the column.
 */
export type ProblemKind =
  /** The parser's message (ReportParseError), shown as it is. */
  | 'unreadable'
  | 'empty'
  | 'unknownTable'
  | 'missingTable'
  | 'missingColumns'
  | 'unknownColumns'
  | 'notNumber'
  | 'notInteger'
  /** A whole number beyond the range of SQL INTEGER. */
  | 'integerRange'
  /** A CSV line with more or fewer fields than the header. */
  | 'fieldCount'
  | 'required'
  | 'notAllowed'
  | 'duplicateInImport'
  | 'duplicateLoaded'
  /** A report already in the data under another id: the same content, or the same project (year, city, fund, project, department). */
  | 'sameContentLoaded'
  | 'sameProjectLoaded'
  /** A report twice in the import under two ids (two files of one report). */
  | 'sameContentInImport'
  | 'sameProjectInImport'
  | 'orphan'
  | 'noSheets'
  | 'noSheetsNorTable'
  | 'noReports'
  /** A database file holding more than the contract's tables: views, macros, sequences… */
  | 'notPlainTables'
  /** IndexedDB refused to keep the import (`found`: the browser's error). */
  | 'notStored'
  /** DuckDB's memory limit was reached while loading the import (`count`: the limit in MiB). */
  | 'outOfMemory'
  | 'message'
  /** Further problems of one file that are not listed one by one. */
  | 'more';

export interface ImportProblem {
  kind: ProblemKind;
  /** The file (for a workbook: `book.xlsx › indicators`). */
  file: string;
  /** Line of a CSV file or row of a sheet, 1 = the header. */
  line?: number;
  column?: string;
  /** The value found, or the other file for a duplicate, or the parser's message. */
  found?: string;
  /** What was expected: a list of columns or values. */
  expected?: string;
  /** For `more`: how many problems were left out. */
  count?: number;
}

/** Thrown by the import steps: the import loads nothing. */
export class ImportFailedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => `${p.file}${p.line != null ? `:${p.line}` : ''} ${p.kind}${p.column ? ` ${p.column}` : ''}${p.found ? ` ${p.found}` : ''}`).join('; '));
    this.name = 'ImportFailedError';
  }
}

/** The problems of one file, capped so that a wholly wrong file does not bury the others. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private readonly perFile = new Map<string, number>();

  constructor(private readonly maxPerFile = 20) {}

  add(problem: ImportProblem): void {
    const seen = (this.perFile.get(problem.file) ?? 0) + 1;
    this.perFile.set(problem.file, seen);
    if (seen <= this.maxPerFile) this.items.push(problem);
  }

  /** Appends a `more` line for every file that had more problems than were kept. */
  finish(): ImportProblem[] {
    for (const [file, seen] of this.perFile) {
      if (seen > this.maxPerFile) this.items.push({ kind: 'more', file, count: seen - this.maxPerFile });
    }
    return this.items;
  }

  get length(): number {
    return this.items.length;
  }
}
