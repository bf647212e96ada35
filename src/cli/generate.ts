/**
 * npm run generate -- [--reports N] [--seed S] [--out DIR] [--format files|csv|duckdb]
 *
 * A large dataset for measuring the app and the ingest at the size of a province's archive:
 * N reports (150,000 unless asked) spread over every city of the gazetteer, their funds and
 * projects, the years 2019–2024, log-normal budgets, execution rates mostly 85–100 %, 8–20
 * indicators in the template's 一级/二级 categories with every status, merged point cells,
 * inflated self-scores and the findings they bring (src/cli/generate/). The same seed gives the
 * same bytes on every machine; report i is the same whatever N.
 *
 * - `files`: the reports as text files in the bundled seeds' layout, `<out>/raw/*.txt`, for
 *   `npm run ingest -- <out>/raw --out <out>`;
 * - `csv` (the default): the four contract tables in `<out>/current/`, each report's text run
 *   through the parser in this process, so the rows are exactly what the ingest makes of the files;
 *   streamed to the files as they are made (memory stays that of one batch);
 * - `duckdb`: those tables in `<out>/current/fund-performance.duckdb`, written as the ingest's
 *   `--format duckdb` writes it.
 * The tables are switched in as the ingest's are (output-folder.ts): a run stopped at any moment
 * leaves the previous set.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReportFile } from '../parser/index.ts';
import { DUCKDB_FILE_NAME, writeDuckdbFile } from './duckdb-file.ts';
import { cleanUpOnSignals, removeLeftovers, replaceTables } from './output-folder.ts';
import { citiesOf } from './generate/places.ts';
import { generateReport } from './generate/report-text.ts';
import { CsvTableWriter } from './csv-table-writer.ts';
import { ProgressLine } from './progress-line.ts';

export type GenerateFormat = 'files' | 'csv' | 'duckdb';

export interface GenerateOptions {
  reports: number;
  seed: number;
  out: string;
  format: GenerateFormat;
}

export interface GenerateResult {
  reports: number;
  /** Rows of the tables (csv and duckdb only). */
  indicators: number | null;
  findings: number | null;
  /** The paths written (one folder of files, or the table files as readers open them). */
  written: string[];
  bytes: number;
}

const USAGE = 'usage: npm run generate -- [--reports N] [--seed S] [--out DIR] [--format files|csv|duckdb]';
const FORMATS: readonly GenerateFormat[] = ['files', 'csv', 'duckdb'];
/** The names generate gives its report files; a raw folder holding anything else is not ours to empty. */
export const GENERATED_FILE = /^\d{6,}_[0-9a-f]{16}\.txt$/;

export function parseArgs(argv: string[], cwd: string): GenerateOptions {
  const options: GenerateOptions = { reports: 150_000, seed: 1, out: 'data/generated', format: 'csv' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    if (!['--reports', '--seed', '--out', '--format'].includes(arg)) throw new Error(`unknown option ${arg}\n${USAGE}`);
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
    if (arg === '--out') options.out = value;
    else if (arg === '--format') {
      if (!FORMATS.includes(value as GenerateFormat)) throw new Error(`--format must be files, csv or duckdb, not “${value}”\n${USAGE}`);
      options.format = value as GenerateFormat;
    } else {
      const number = Number(value.replace(/_/g, ''));
      const max = arg === '--reports' ? 10_000_000 : 0xffffffff;
      if (!Number.isInteger(number) || number < (arg === '--reports' ? 1 : 0) || number > max) throw new Error(`${arg} must be a whole number from ${arg === '--reports' ? 1 : 0} to ${max}, not “${value}”\n${USAGE}`);
      if (arg === '--reports') options.reports = number;
      else options.seed = number;
    }
  }
  return { ...options, out: path.resolve(cwd, options.out) };
}

export async function generate(options: GenerateOptions, log: (line: string) => void): Promise<GenerateResult> {
  const cities = citiesOf(options.seed);
  const idWidth = Math.max(6, String(options.reports - 1).length);
  const started = performance.now();
  const line = process.stderr.isTTY ? new ProgressLine(process.stderr, 'reports') : null;
  const progress = (done: number) => line?.show(done, options.reports);
  const encoder = new TextEncoder();
  let result: GenerateResult;
  if (options.format === 'files') {
    const folder = path.join(options.out, 'raw');
    const foreign = existsSync(folder) ? readdirSync(folder).filter((name) => !GENERATED_FILE.test(name)) : [];
    if (foreign.length > 0) throw new Error(`${folder} holds files generate did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}): choose another --out`);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    let bytes = 0;
    for (let i = 0; i < options.reports; i++) {
      const report = generateReport(options.seed, i, cities, idWidth);
      const data = encoder.encode(report.text);
      writeFileSync(path.join(folder, report.fileName), data);
      bytes += data.length;
      progress(i + 1);
    }
    result = { reports: options.reports, indicators: null, findings: null, written: [folder], bytes };
  } else {
    await removeLeftovers(options.out);
    let counts: CsvTableWriter['counts'] | null = null;
    const written = await replaceTables(options.out, async (staging) => {
      const writer = new CsvTableWriter(staging);
      try {
        for (let i = 0; i < options.reports; i++) {
          const report = generateReport(options.seed, i, cities, idWidth);
          const parsed = parseReportFile(encoder.encode(report.text), report.fileName);
          if (parsed.refusals.length > 0) throw new Error(`generated report ${report.fileName} was refused by the parser (a bug in the generator): ${parsed.refusals[0].message}`);
          for (const tables of parsed.reports) writer.add(tables);
          progress(i + 1);
        }
      } finally {
        writer.close();
      }
      counts = writer.counts;
      if (options.format === 'csv') return CsvTableWriter.names();
      await writeDuckdbFile(staging, path.join(staging, DUCKDB_FILE_NAME));
      await Promise.all(CsvTableWriter.names().map((name) => rm(path.join(staging, name))));
      return [DUCKDB_FILE_NAME];
    });
    const sizes = await Promise.all(written.map((file) => stat(file).then((s) => s.size)));
    const { indicators, findings } = counts!;
    result = { reports: options.reports, indicators, findings, written, bytes: sizes.reduce((a, b) => a + b, 0) };
  }
  const seconds = (performance.now() - started) / 1000;
  const folder = options.format === 'files' ? result.written[0] : path.dirname(result.written[0]);
  const relative = path.relative(process.cwd(), folder);
  const where = relative === '' ? '.' : relative.startsWith('..') ? folder : relative;
  log(`${result.reports.toLocaleString('en')} reports` +
    (result.indicators == null ? '' : `, ${result.indicators.toLocaleString('en')} indicators, ${result.findings!.toLocaleString('en')} findings`) +
    ` (seed ${options.seed}) → ${where}/  ${(result.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cleanUpOnSignals();
  try {
    await generate(parseArgs(process.argv.slice(2), process.cwd()), (line) => console.log(line));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = error instanceof Error && error.message.startsWith('usage') ? 2 : 1;
  }
}
