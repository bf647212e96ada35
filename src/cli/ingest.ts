/**
 * npm run ingest -- [files or folders…] [--out DIR] [--format csv|duckdb]
 *
 * Parses report files into the four contract tables. One line per file, a total, an
 * error on stderr for each file it cannot read (the others are still written), exit
 * code 1 when any file failed. Output is written to a temporary folder first and moved
 * into place at the end, so the output folder is complete and consistent, or as it was.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyTables, parseReportFile, ReportParseError, type ParsedFile, type ParsedReport } from '../parser/index.ts';
import { TABLE_NAMES, type NormalizedTables } from '../parser/types.ts';
import { SCHEMA } from '../parser/schema.ts';
import { toCsv } from '../lib/csv.ts';
import { writeDuckdbFile, DUCKDB_FILE_NAME } from './duckdb-file.ts';

export interface IngestOptions {
  inputs: string[];
  out: string;
  format: 'csv' | 'duckdb';
}

export interface IngestResult {
  tables: NormalizedTables;
  failures: { file: string; message: string }[];
  written: string[];
}

const USAGE = 'usage: npm run ingest -- [files or folders…] [--out DIR] [--format csv|duckdb]';

export function parseArgs(argv: string[], cwd: string): IngestOptions {
  const inputs: string[] = [];
  let out = 'data';
  let format: IngestOptions['format'] = 'csv';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--format') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value\n${USAGE}`);
      if (arg === '--out') out = value;
      else if (value === 'csv' || value === 'duckdb') format = value;
      else throw new Error(`--format must be csv or duckdb, not “${value}”\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') {
      throw new Error(USAGE);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    } else inputs.push(arg);
  }
  if (inputs.length === 0) inputs.push('data/raw');
  return { inputs: inputs.map((p) => path.resolve(cwd, p)), out: path.resolve(cwd, out), format };
}

/** Files named on the command line, and the files of the folders named (sorted, hidden ones skipped). */
async function listFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new Error(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((n) => !n.startsWith('.')).sort();
      for (const name of names) if ((await stat(path.join(input, name))).isFile()) files.push(path.join(input, name));
    } else files.push(input);
  }
  return files;
}

export async function ingest(options: IngestOptions, log: (line: string) => void, warn: (line: string) => void): Promise<IngestResult> {
  const tables = emptyTables();
  const failures: IngestResult['failures'] = [];
  const seen = new Set<string>();
  for (const file of await listFiles(options.inputs)) {
    const name = path.basename(file);
    try {
      const parsed = parseReportFile(new Uint8Array(await readFile(file)), name);
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
  const written = tables.reports.length > 0 ? await writeOutput(tables, options) : [];
  log(`${tables.reports.length} reports, ${tables.indicators.length} indicators, ${tables.findings.length} findings; ${failures.length} failed` +
    (written.length ? ` → ${path.relative(process.cwd(), options.out) || '.'}/` : ' — nothing written'));
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

async function writeOutput(tables: NormalizedTables, options: IngestOptions): Promise<string[]> {
  await mkdir(options.out, { recursive: true });
  const staging = path.join(options.out, `.ingest-${process.pid}-${Date.now()}`);
  await mkdir(staging);
  try {
    const names: string[] = [];
    for (const table of TABLE_NAMES) {
      const columns = SCHEMA[table].map((c) => c.name);
      await writeFile(path.join(staging, `${table}.csv`), toCsv(tables[table] as unknown as Record<string, unknown>[], columns));
      names.push(`${table}.csv`);
    }
    if (options.format === 'duckdb') {
      await writeDuckdbFile(staging, path.join(staging, DUCKDB_FILE_NAME));
      names.splice(0, names.length, DUCKDB_FILE_NAME);
    }
    // Everything is complete in the staging folder: only now touch the output folder.
    for (const name of names) await rename(path.join(staging, name), path.join(options.out, name));
    return names.map((n) => path.join(options.out, n));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArgs(process.argv.slice(2), process.cwd());
    const result = await ingest(options, (l) => console.log(l), (l) => console.error(l));
    process.exitCode = result.failures.length > 0 || result.tables.reports.length === 0 ? 1 : 0;
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
