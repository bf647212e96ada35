/**
 * npm run bench:ingest-scale — issue 18's ingest goal: the whole ingest (files read, parsed,
 * written to CSV, switched in) on generated report files, with 1 and with 2 jobs, each run a
 * process of its own. Prints per number of jobs the median reports/s, wall time and peak
 * resident memory (the process's, its worker threads included), the speed-up over one job, and
 * the load average around the runs (other work on the machine moves these figures).
 *
 * `BENCH_FILES` (default 20,000): the files, generated once with seed 1 into
 * `<tmp>/fund-performance-bench-ingest-<N>/raw` (or `BENCH_DIR`, a folder of report files you
 * made, e.g. `npm run generate -- --reports 150000 --format files --out /somewhere`);
 * `BENCH_RUNS` (default 3) runs per number of jobs, taken in turn; `BENCH_JOBS` (default `1,2`).
 * With `--format duckdb` after `--` the runs write the database instead of the CSVs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, parseArgs as generateArgs } from '../../src/cli/generate.ts';
import { ingest, parseArgs } from '../../src/cli/ingest.ts';

const root = path.resolve(import.meta.dirname, '../..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

interface Measure { seconds: number; reports: number; peakMb: number }

/** One ingest in this process, as the child of a run: prints what it measured as its last line. */
async function child(argv: string[]): Promise<void> {
  const started = performance.now();
  const result = await ingest(parseArgs(argv, process.cwd()), () => {}, () => {});
  const seconds = (performance.now() - started) / 1000;
  const measure: Measure = { seconds, reports: result.counts.reports, peakMb: process.resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(measure));
}

async function run(files: string, jobs: number, extra: string[]): Promise<Measure> {
  const out = mkdtempSync(path.join(tmpdir(), 'bench-ingest-scale-out-'));
  try {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', files, '--out', out, '--jobs', String(jobs), ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    const code = await new Promise((resolve) => proc.on('close', resolve));
    if (code !== 0) throw new Error(`ingest --jobs ${jobs} ended with ${code}`);
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measure;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_FILES ?? 20_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const jobsList = (process.env.BENCH_JOBS ?? '1,2').split(',').map(Number);
  const extra = process.argv.slice(2);
  let files = process.env.BENCH_DIR;
  if (!files) {
    const folder = path.join(tmpdir(), `fund-performance-bench-ingest-${count}`);
    files = path.join(folder, 'raw');
    if (!existsSync(files) || readdirSync(files).length !== count) {
      console.log(`generating ${count.toLocaleString('en')} report files into ${files} …`);
      await generate(generateArgs(['--reports', String(count), '--format', 'files', '--out', folder], root), (line) => console.log(line));
    }
  }
  const fileCount = readdirSync(files).length;
  console.log(`ingest-scale: ${fileCount.toLocaleString('en')} files in ${files}, ${runs} run(s) per number of jobs${extra.length ? ` (${extra.join(' ')})` : ''}; load before ${load()}`);
  const measures = new Map<number, Measure[]>(jobsList.map((jobs) => [jobs, []]));
  for (let k = 0; k < runs; k++) {
    for (const jobs of jobsList) {
      const before = load();
      const measure = await run(files, jobs, extra);
      measures.get(jobs)!.push(measure);
      console.log(`  run ${k + 1}, --jobs ${jobs}: ${(measure.reports / measure.seconds).toFixed(0)} reports/s, ${measure.seconds.toFixed(1)} s, peak ${measure.peakMb.toFixed(0)} MB (load ${before} → ${load()})`);
    }
  }
  const rate = (jobs: number) => median(measures.get(jobs)!.map((m) => m.reports / m.seconds));
  console.log('jobs  reports/s (median)  wall s (median)  peak MB (median)  × one job');
  for (const jobs of jobsList) {
    const list = measures.get(jobs)!;
    console.log(`${String(jobs).padStart(4)}  ${rate(jobs).toFixed(0).padStart(18)}  ${median(list.map((m) => m.seconds)).toFixed(1).padStart(15)}  ${median(list.map((m) => m.peakMb)).toFixed(0).padStart(16)}  ${jobsList.includes(1) ? (rate(jobs) / rate(1)).toFixed(2).padStart(9) : '        –'}`);
  }
  console.log(`load after ${load()}`);
}

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await main();
