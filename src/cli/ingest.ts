/**
 * npm run ingest -- [files or folders…] [--out DIR] [--format csv|duckdb] [--lang zh|en]
 *
 * Parses report files (.docx, .xlsx, .html, .txt; one report for each self-evaluation table of a
 * file) into the four contract tables. Folders are read with the folders in them; their files in
 * other formats are skipped and listed. One line per file, a total, an error on stderr for each
 * file or table it cannot read (the others are still written), exit code 1 when any failed. The
 * tables are written beside the output folder and switched in with one rename (output-folder.ts):
 * readers of `<out>/current/` see the old tables or the new ones, whenever the run is stopped.
 * `findings.message` is written in the language of `--lang` (Chinese unless asked); the code and
 * `findings.params` it is rendered from are the same in every language.
 */
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyTables, parseReportFile, ReportParseError, type ParsedFile, type ParsedReport } from '../parser/index.ts';
import { TABLE_NAMES, type MessageLang, type NormalizedTables } from '../parser/types.ts';
import { SCHEMA } from '../parser/schema.ts';
import { toCsv } from '../lib/csv.ts';
import { isReportFile, REPORT_EXTENSIONS } from '../parser/readers/extensions.ts';
import { writeDuckdbFile, DUCKDB_FILE_NAME } from './duckdb-file.ts';
import { cleanUpOnSignals, removeLeftovers, replaceTables } from './output-folder.ts';

export interface IngestOptions {
  inputs: string[];
  out: string;
  format: 'csv' | 'duckdb';
  /** The language of `findings.message` (zh when not given). */
  lang?: MessageLang;
}

export interface IngestResult {
  tables: NormalizedTables;
  failures: { file: string; message: string }[];
  written: string[];
}

const USAGE = 'usage: npm run ingest -- [files or folders…] [--out DIR] [--format csv|duckdb] [--lang zh|en]';

export function parseArgs(argv: string[], cwd: string): IngestOptions {
  const inputs: string[] = [];
  let out = 'data';
  let format: IngestOptions['format'] = 'csv';
  let lang: MessageLang = 'zh';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--format' || arg === '--lang') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value\n${USAGE}`);
      if (arg === '--out') out = value;
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
  return { inputs: inputs.map((p) => path.resolve(cwd, p)), out: path.resolve(cwd, out), format, lang };
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

export async function ingest(options: IngestOptions, log: (line: string) => void, warn: (line: string) => void): Promise<IngestResult> {
  const tables = emptyTables();
  const failures: IngestResult['failures'] = [];
  const seen = new Set<string>();
  await removeLeftovers(options.out);
  const list = await listFiles(options.inputs);
  for (const { file, message } of list.broken) {
    failures.push({ file: path.basename(file), message: `${path.basename(file)}: ${message}` });
    warn(`✗ ${path.basename(file)}: ${message}`);
  }
  for (const file of list.files) {
    const name = path.basename(file);
    try {
      const parsed = parseReportFile(new Uint8Array(await readFile(file)), name, { lang: options.lang });
      for (const report of parsed.reports) {
        const id = report.reports[0].report_id;
        if (seen.has(id)) throw new ReportParseError(name, `report_id “${id}” 与已读入的文件重复 / duplicate report id`);
        seen.add(id);
      }
      for (const report of parsed.reports) for (const table of TABLE_NAMES) (tables[table] as unknown[]).push(...report[table]);
      if (parsed.reports.length > 0) log(`✓ ${name}  ${describe(parsed)}`);
      for (const refusal of parsed.refusals) {
        failures.push({ file: name, message: refusal.message });
        warn(`✗ ${refusal.message}`);
      }
    } catch (error) {
      const message = error instanceof ReportParseError ? error.message : `${name}: ${(error as Error).message}`;
      failures.push({ file: name, message });
      warn(`✗ ${message}`);
    }
  }
  if (list.skipped.length > 0) {
    const names = list.skipped.slice(0, SKIPPED_LISTED).map((f) => path.relative(process.cwd(), f) || f).join(', ');
    log(`skipped ${list.skipped.length} file(s) not in a report format (${REPORT_EXTENSIONS.map((e) => `.${e}`).join(' ')}): ${names}${list.skipped.length > SKIPPED_LISTED ? ', …' : ''}`);
  }
  const written = tables.reports.length > 0 ? await replaceTables(options.out, (staging) => writeTables(tables, options.format, staging)) : [];
  log(`${tables.reports.length} reports, ${tables.indicators.length} indicators, ${tables.findings.length} findings; ${failures.length} failed` +
    (written.length ? ` → ${path.relative(process.cwd(), path.dirname(written[0])) || '.'}/` : ' — nothing written'));
  return { tables, failures, written };
}

/** `15 indicators, 11 findings (utf-8)`, or per table for a file of several. */
function describe(parsed: ParsedFile): string {
  const count = (report: ParsedReport) => `${report.indicators.length} indicators, ${report.findings.length} findings`;
  const tables = parsed.reports.length + parsed.refusals.length;
  const what = parsed.reports.length === 1 && tables === 1 ? count(parsed.reports[0])
    : `${parsed.reports.length} of ${tables} tables read: ${parsed.reports.map((r) => `${r.reports[0].report_id} (${count(r)})`).join('; ')}`;
  return `${what} (${parsed.format === 'text' || parsed.format === 'pipe' || parsed.format === 'html' ? parsed.encoding : parsed.format})`;
}

/** The tables as files in `folder`; returns their names. */
async function writeTables(tables: NormalizedTables, format: IngestOptions['format'], folder: string): Promise<string[]> {
  const csvFiles = TABLE_NAMES.map((table) => `${table}.csv`);
  for (const table of TABLE_NAMES) {
    const columns = SCHEMA[table].map((c) => c.name);
    await writeFile(path.join(folder, `${table}.csv`), toCsv(tables[table] as unknown as Record<string, unknown>[], columns));
  }
  if (format === 'csv') return csvFiles;
  await writeDuckdbFile(folder, path.join(folder, DUCKDB_FILE_NAME));
  // The CSVs were the database's source only: the CSVs readers see, if any, stay as they are.
  await Promise.all(csvFiles.map((name) => rm(path.join(folder, name))));
  return [DUCKDB_FILE_NAME];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cleanUpOnSignals();
  try {
    const options = parseArgs(process.argv.slice(2), process.cwd());
    const result = await ingest(options, (l) => console.log(l), (l) => console.error(l));
    process.exitCode = result.failures.length > 0 || result.tables.reports.length === 0 ? 1 : 0;
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
