/**
 * The streaming, parallel ingest (issue 18 item 6): the tables and the lines printed are the same
 * bytes whatever the number of worker threads, and the same as the tables held in memory and
 * written at once (as the ingest did before); its memory does not grow with the number of files
 * (a heap the in-memory ingest ran out of); and a failure, in a worker or in the main thread,
 * terminates every worker. Killed runs: ingest-faults.test.ts.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate, parseArgs as generateArgs } from '../../src/cli/generate.ts';
import { ingest, parseArgs } from '../../src/cli/ingest.ts';
import { openParsePool, workersAlive } from '../../src/cli/ingest/parse-pool.ts';
import { ProgressLine } from '../../src/cli/progress-line.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { emptyTables, parseReportFile } from '../../src/parser/index.ts';
import { SCHEMA } from '../../src/parser/schema.ts';
import { TABLE_NAMES } from '../../src/parser/types.ts';
import { toHtml } from '../parser/fixtures/formats.ts';
import { ANHUI_2022_CHUZHOU } from '../parser/fixtures/layouts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(root, 'src/cli/ingest.ts');
const temp = () => mkdtemp(path.join(tmpdir(), 'ingest-parallel-'));
const quiet = () => {};
/** Files for the memory test: the in-memory ingest needed more than HEAP_MB of heap for them. */
const MANY = 4000;
/**
 * The in-memory ingest (before issue 18) on these 4,000 files: out of memory at 64 MB (at file
 * ~3,600, after 70 s of garbage collection) and at 96 MB (writing the CSVs); it passed at 128 MB.
 * The streaming one keeps ~11 MB live whatever the number of files.
 */
const HEAP_MB = 64;

let generated = '';
beforeAll(async () => {
  generated = await temp();
  await generate(generateArgs(['--reports', String(MANY), '--format', 'files', '--out', generated], root), quiet);
}, 120_000);

afterEach(() => expect(workersAlive()).toBe(0));

/** Each table's CSV in `out/current`. */
const tables = async (out: string) => Promise.all(TABLE_NAMES.map((table) => readFile(path.join(out, 'current', `${table}.csv`), 'utf8')));

/**
 * A folder that gives the reordering something to do: 300 generated reports, one file of 40
 * reports' tables early in the order (slow, so that the files after it come back first), a web
 * page of two tables, an empty file, one with no table, and a copy of a report in a folder read
 * last (its id read already: refused).
 */
async function mixedFolder(): Promise<{ folder: string; files: string[] }> {
  const folder = await temp();
  const raw = path.join(generated, 'raw');
  const names = (await readdir(raw)).sort().slice(0, 300);
  for (const name of names) await copyFile(path.join(raw, name), path.join(folder, name));
  const texts = await Promise.all(names.slice(0, 40).map((name) => readFile(path.join(raw, name), 'utf8')));
  await writeFile(path.join(folder, '000000_0big.txt'), texts.join('\n\n'));
  await writeFile(path.join(folder, '000100_水利.html'), toHtml(ANHUI_2022_CHUZHOU));
  await writeFile(path.join(folder, '000200_empty.txt'), '');
  await writeFile(path.join(folder, '000250_memo.txt'), '会议纪要\n没有表格\n');
  await mkdir(path.join(folder, 'zz'));
  await copyFile(path.join(raw, names[7]), path.join(folder, 'zz', names[7]));
  // The order the ingest reads them in: names sorted, the folder's files in its place.
  const files = [...(await readdir(folder)).filter((name) => name !== 'zz'), 'zz'].sort().map((name) => path.join(folder, name));
  return { folder, files: files.map((file) => (file.endsWith('zz') ? path.join(file, names[7]) : file)) };
}

/** What the ingest wrote before it streamed: every file parsed in turn, the rows held, the CSVs written at once. */
async function inMemory(files: string[]): Promise<string[]> {
  const held = emptyTables();
  const seen = new Set<string>();
  for (const file of files) {
    try {
      const parsed = parseReportFile(new Uint8Array(await readFile(file)), path.basename(file));
      const ids = parsed.reports.map((report) => report.reports[0].report_id);
      if (ids.some((id) => seen.has(id) || !seen.add(id))) continue;
      for (const report of parsed.reports) for (const table of TABLE_NAMES) (held[table] as unknown[]).push(...report[table]);
    } catch {
      // a file that fails is left out
    }
  }
  return TABLE_NAMES.map((table) => toCsv(held[table] as unknown as Record<string, unknown>[], SCHEMA[table].map((c) => c.name)));
}

describe('ingest with worker threads', () => {
  it('writes the same bytes and prints the same lines with 1, 2 or 3 jobs, and the same tables as held in memory', async () => {
    const { folder, files } = await mixedFolder();
    const runs = [];
    for (const jobs of ['1', '2', '3']) {
      const out = await temp();
      const lines: string[] = [];
      const errors: string[] = [];
      const result = await ingest(parseArgs([folder, '--out', out, '--jobs', jobs], root), (l) => lines.push(l), (l) => errors.push(l));
      runs.push({ jobs, result, lines: lines.slice(0, -1), last: lines.at(-1)!.replace(/ → .*$/, ' → OUT'), errors, tables: await tables(out) });
    }
    const [one, ...more] = runs;
    expect(one.result.counts.reports).toBeGreaterThan(300);
    expect(one.errors).toHaveLength(3);
    expect(one.errors[0]).toMatch(/^✗ 000200_empty\.txt: /);
    expect(one.errors[2]).toMatch(new RegExp(`^✗ ${path.basename(files.at(-1)!)}: report_id .* duplicate report id`));
    expect(one.lines[0]).toMatch(/^✓ 000000_0big\.txt {2}\d+ of \d+ tables read/);
    for (const run of more) {
      expect(run.tables, `--jobs ${run.jobs}`).toEqual(one.tables);
      expect(run.lines, `--jobs ${run.jobs}`).toEqual(one.lines);
      expect(run.last, `--jobs ${run.jobs}`).toBe(one.last);
      expect(run.errors, `--jobs ${run.jobs}`).toEqual(one.errors);
      expect(run.result.reportIds).toEqual(one.result.reportIds);
    }
    expect(one.tables).toEqual(await inMemory(files));
  }, 180_000);

  it(`reads ${MANY} files with a heap of ${HEAP_MB} MB, where the in-memory ingest ran out of memory, and prints no progress when not on a terminal`, async () => {
    const out = await temp();
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', CLI, path.join(generated, 'raw'), '--out', out, '--jobs', '2'], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(MANY + 1);
    expect(lines.at(-1)).toMatch(new RegExp(`^${MANY} reports, \\d+ indicators, \\d+ findings; 0 failed`));
    expect(stdout).not.toMatch(/[\r\x1b]/);
    const [reports, , indicators] = await tables(out);
    expect(reports.split('\r\n').filter(Boolean)).toHaveLength(MANY + 1);
    expect(indicators.split('\r\n').filter(Boolean).length).toBe(Number(/(\d+) indicators/.exec(lines.at(-1)!)![1]) + 1);
  }, 180_000);

  it('terminates every worker and leaves the output as it was when the run fails in the main thread', async () => {
    const { folder } = await mixedFolder();
    const parent = await temp();
    const out = path.join(parent, 'out');
    let seenWorkers = 0;
    const failing = ingest(parseArgs([folder, '--out', out, '--jobs', '2'], root), quiet, quiet, {
      progress: (done) => {
        seenWorkers = Math.max(seenWorkers, workersAlive());
        if (done === 20) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(seenWorkers).toBe(2);
    expect(workersAlive()).toBe(0);
    expect(await readdir(parent)).toEqual([]);
  });

  it('fails every answer due and terminates every worker when one worker fails', async () => {
    // A worker that answers its first file and throws on its second.
    const script = `const { parentPort } = require('node:worker_threads'); let n = 0;
      parentPort.on('message', ({ id }) => { if (n++ > 0) throw new Error('worker broke'); parentPort.postMessage({ id, outcome: { ok: false, message: 'read' } }); });`;
    const pool = await openParsePool(2, 'zh', { script });
    expect(workersAlive()).toBe(2);
    const answers = Array.from({ length: 6 }, (_, k) => pool.parse(`/none/${k}.txt`, `${k}.txt`));
    const settled = await Promise.allSettled(answers);
    expect(settled.filter((s) => s.status === 'rejected').length).toBeGreaterThanOrEqual(4);
    expect(settled.find((s) => s.status === 'rejected')).toMatchObject({ reason: { message: expect.stringContaining('worker broke') } });
    await expect(pool.parse('/none/later.txt', 'later.txt')).rejects.toThrow('worker broke');
    await pool.close();
    expect(workersAlive()).toBe(0);
  });

  it('rejects a --jobs that is not a whole number from 1', () => {
    expect(parseArgs(['--jobs', '3'], root).jobs).toBe(3);
    expect(parseArgs([], root).jobs).toBeUndefined();
    for (const bad of ['0', '-1', '1.5', 'all']) expect(() => parseArgs(['--jobs', bad], root), bad).toThrow(/--jobs must be a whole number/);
  });
});

describe('ProgressLine', () => {
  it('rewrites one line in place, prints lines above it, and clears it at the end', () => {
    const written: string[] = [];
    const stream = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const progress = new ProgressLine(stream, 'files');
    progress.show(3, 10, 6);
    expect(written.at(-1)).toMatch(/^\r\x1b\[K3 \/ 10 files {2}[\d,]+ reports\/s {2}ETA \d+ s$/);
    const shown = written.at(-1)!.slice(4);
    progress.print(() => written.push('✓ a.txt\n'));
    expect(written.slice(-3)).toEqual(['\r\x1b[K', '✓ a.txt\n', shown]);
    progress.show(4, 10); // within a quarter of a second: not redrawn
    expect(written.at(-1)).toBe(shown);
    progress.show(10, 10);
    expect(written.at(-1)).toBe('\r\x1b[K');
    progress.print(() => written.push('total\n'));
    expect(written.at(-1)).toBe('total\n');
  });
});
