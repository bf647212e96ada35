/**
 * npm run ingest -- [files or folders…] [--out DIR] [--format csv|duckdb] [--lang zh|en] [--jobs N]
 *
 * Parses report files (.docx, .xlsx, .html, .txt; one report for each self-evaluation table of a
 * file) into the four contract tables. Folders are read with the folders in them; their files in
 * other formats are skipped and listed. One line per file, a total, an error on stderr for each
 * file or table it cannot read (the others are still written), exit code 1 when any failed. The
 * tables are written beside the output folder and switched in with one rename (output-folder.ts):
 * readers of `<out>/current/` see the old tables or the new ones, whenever the run is stopped.
 * `findings.message` is written in the language of `--lang` (Chinese unless asked); the code and
 * `findings.params` it is rendered from are the same in every language.
 *
 * The files are parsed by `--jobs` worker threads (unless asked, one per core, at most one per
 * 100 files; `--jobs 1` parses in this thread) and their rows appended to the staging folder's
 * CSVs in the files' order as they come: the memory is that of the files in flight, not of the
 * tables, and the bytes are the same whatever the number of jobs. Only the report ids are kept, to refuse a file whose id
 * was read already. On a terminal, a progress line (files, reports/s, ETA).
 */
import { availableParallelism } from 'node:os';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReportParseError } from '../parser/index.ts';
import type { MessageLang } from '../parser/types.ts';
import { isReportFile, REPORT_EXTENSIONS } from '../parser/readers/extensions.ts';
import { CsvTableWriter, zeroCounts, type TableCounts } from './csv-table-writer.ts';
import { writeDuckdbFile, DUCKDB_FILE_NAME } from './duckdb-file.ts';
import { cleanUpOnSignals, removeLeftovers, replaceTables } from './output-folder.ts';
import type { FileOutcome } from './ingest/parse-file.ts';
import { openParsePool, type ParsePool } from './ingest/parse-pool.ts';
import { ProgressLine } from './progress-line.ts';

export interface IngestOptions {
  inputs: string[];
  out: string;
  format: 'csv' | 'duckdb';
  /** The language of `findings.message` (zh when not given). */
  lang?: MessageLang;
  /** Worker threads that parse (when not given, one per core and per 100 files); 1 parses in the calling thread. */
  jobs?: number;
}

export interface IngestResult {
  /** Rows written to each table. */
  counts: TableCounts;
  /** The reports written, in order. */
  reportIds: string[];
  failures: { file: string; message: string }[];
  written: string[];
}

const USAGE = 'usage: npm run ingest -- [files or folders…] [--out DIR] [--format csv|duckdb] [--lang zh|en] [--jobs N]';

export function parseArgs(argv: string[], cwd: string): IngestOptions {
  const inputs: string[] = [];
  let out = 'data';
  let format: IngestOptions['format'] = 'csv';
  let lang: MessageLang = 'zh';
  let jobs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--format' || arg === '--lang' || arg === '--jobs') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value\n${USAGE}`);
      if (arg === '--out') out = value;
      else if (arg === '--jobs') {
        jobs = Number(value);
        if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new Error(`--jobs must be a whole number from 1 to 256, not “${value}”\n${USAGE}`);
      }
      else if (arg === '--lang') {
        if (value !== 'zh' && value !== 'en') throw new Error(`--lang must be zh or en, not “${value}”\n${USAGE}`);
        lang = value;
      } else if (value === 'csv' || value === 'duckdb') format = value;
      else throw new Error(`--format must be csv or duckdb, not “${value}”\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') {
      throw new Error(USAGE);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    } else inputs.push(arg);
  }
  if (inputs.length === 0) inputs.push('data/raw');
  return { inputs: inputs.map((p) => path.resolve(cwd, p)), out: path.resolve(cwd, out), format, lang, ...(jobs === undefined ? {} : { jobs }) };
}

interface FileList {
  /** Files to read, in order. */
  files: string[];
  /** Files of the folders that are not a format the parser reads (README.md, notes.json, .pdf copies). */
  skipped: string[];
  /** Entries that cannot be read as a file (a dangling link, a FIFO), each with why. */
  broken: { file: string; message: string }[];
}

/**
 * The files named on the command line (always read, so that a wrong one gets its message) and
 * the report files of the folders named, folders within them included, in name order. Hidden
 * files and Office lock files (`~$…`) are left out; other files are listed as skipped.
 */
async function listFiles(inputs: string[]): Promise<FileList> {
  const list: FileList = { files: [], skipped: [], broken: [] };
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = path.join(folder, entry.name);
      const info = await stat(full).catch(() => null); // follows links; null for a dangling one
      if (!info) list.broken.push({ file: full, message: '链接指向的文件不存在 / a link to a file that does not exist' });
      else if (info.isDirectory()) await walk(full);
      else if (!info.isFile()) list.broken.push({ file: full, message: '不是普通文件（管道、设备或套接字）/ not a regular file (a pipe, device or socket)' });
      else if (isReportFile(entry.name)) list.files.push(full);
      else list.skipped.push(full);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new Error(`${input}: no such file or folder`);
    if (info.isDirectory()) await walk(input);
    else if (info.isFile()) list.files.push(input);
    else list.broken.push({ file: input, message: '不是普通文件（管道、设备或套接字）/ not a regular file (a pipe, device or socket)' });
  }
  return list;
}

const SKIPPED_LISTED = 5;
/**
 * Unless --jobs says otherwise, a worker thread per core but not more than one per this many
 * files: a worker takes ~0.3 s to start, the time of ~100 files, so a few files (the bundled five)
 * are parsed in the main thread.
 */
const FILES_PER_WORKER = 100;

export interface IngestHooks {
  /** Called after each file is written: files done, files in all, reports so far. */
  progress?: (done: number, total: number, reports: number) => void;
}

export async function ingest(options: IngestOptions, log: (line: string) => void, warn: (line: string) => void, hooks: IngestHooks = {}): Promise<IngestResult> {
  const failures: IngestResult['failures'] = [];
  const reportIds: string[] = [];
  const seen = new Set<string>();
  let counts = zeroCounts();
  await removeLeftovers(options.out);
  const list = await listFiles(options.inputs);
  const jobs = Math.min(options.jobs ?? Math.min(availableParallelism(), Math.ceil(list.files.length / FILES_PER_WORKER)), list.files.length);
  for (const { file, message } of list.broken) {
    failures.push({ file: path.basename(file), message: `${path.basename(file)}: ${message}` });
    warn(`✗ ${path.basename(file)}: ${message}`);
  }
  const written = await replaceTables(options.out, async (staging) => {
    const writer = new CsvTableWriter(staging);
    let pool: ParsePool | null = null;
    try {
      pool = await openParsePool(jobs, options.lang ?? 'zh');
      await readInOrder(list.files, pool, (name, outcome) => {
        const failure = writeFile(name, outcome, { writer, seen, reportIds }, log, warn);
        failures.push(...failure.map((message) => ({ file: name, message })));
      }, (done) => hooks.progress?.(done, list.files.length, writer.counts.reports));
    } finally {
      try {
        writer.close();
      } finally {
        await pool?.close();
      }
    }
    counts = writer.counts;
    if (list.skipped.length > 0) {
      const names = list.skipped.slice(0, SKIPPED_LISTED).map((f) => path.relative(process.cwd(), f) || f).join(', ');
      log(`skipped ${list.skipped.length} file(s) not in a report format (${REPORT_EXTENSIONS.map((e) => `.${e}`).join(' ')}): ${names}${list.skipped.length > SKIPPED_LISTED ? ', …' : ''}`);
    }
    if (counts.reports === 0) return null;
    if (options.format === 'csv') return CsvTableWriter.names();
    await writeDuckdbFile(staging, path.join(staging, DUCKDB_FILE_NAME));
    // The CSVs were the database's source only: the CSVs readers see, if any, stay as they are.
    await Promise.all(CsvTableWriter.names().map((name) => rm(path.join(staging, name))));
    return [DUCKDB_FILE_NAME];
  });
  log(`${counts.reports} reports, ${counts.indicators} indicators, ${counts.findings} findings; ${failures.length} failed` +
    (written.length ? ` → ${path.relative(process.cwd(), path.dirname(written[0])) || '.'}/` : ' — nothing written'));
  return { counts, reportIds, failures, written };
}

/**
 * Hands each file's outcome to `take` in the files' order, whatever order the pool answers in:
 * the pool is asked for at most `pool.window` files ahead of the one awaited, so the answers held
 * stay few whatever the number of files.
 */
async function readInOrder(files: string[], pool: ParsePool, take: (name: string, outcome: FileOutcome) => void, done: (count: number) => void): Promise<void> {
  const ahead = new Map<number, Promise<FileOutcome>>();
  let asked = 0;
  for (let index = 0; index < files.length; index++) {
    for (; asked < files.length && asked <= index + pool.window; asked++) {
      const answer = pool.parse(files[asked], path.basename(files[asked]));
      answer.catch(() => {}); // awaited in its turn; a failure before then must not count as unhandled
      ahead.set(asked, answer);
    }
    const outcome = await ahead.get(index)!;
    ahead.delete(index);
    take(path.basename(files[index]), outcome);
    done(index + 1);
  }
}

/**
 * One file's rows appended and its lines printed; returns its failures' messages. Its report ids
 * are checked against every id read before it (only the ids are kept, not the rows): a file
 * whose id was read already is refused whole.
 */
function writeFile(name: string, outcome: FileOutcome, into: { writer: CsvTableWriter; seen: Set<string>; reportIds: string[] }, log: (line: string) => void, warn: (line: string) => void): string[] {
  if (!outcome.ok) {
    warn(`✗ ${outcome.message}`);
    return [outcome.message];
  }
  for (const id of outcome.reportIds) {
    if (into.seen.has(id)) {
      const message = new ReportParseError(name, `report_id “${id}” 与已读入的文件重复 / duplicate report id`).message;
      warn(`✗ ${message}`);
      return [message];
    }
    into.seen.add(id);
  }
  into.reportIds.push(...outcome.reportIds);
  into.writer.append(outcome.rows);
  if (outcome.reportIds.length > 0) log(`✓ ${name}  ${outcome.summary}`);
  for (const refusal of outcome.refusals) warn(`✗ ${refusal}`);
  return outcome.refusals;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cleanUpOnSignals();
  try {
    const options = parseArgs(process.argv.slice(2), process.cwd());
    // Progress only on a terminal: piped or redirected, the output is the lines it always was.
    const progress = process.stdout.isTTY ? new ProgressLine(process.stdout, 'files') : null;
    const print = (write: () => void) => (progress ? progress.print(write) : write());
    const result = await ingest(options, (l) => print(() => console.log(l)), (l) => print(() => console.error(l)), {
      progress: progress ? (done, total, reports) => progress.show(done, total, reports) : undefined,
    });
    process.exitCode = result.failures.length > 0 || result.counts.reports === 0 ? 1 : 0;
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
