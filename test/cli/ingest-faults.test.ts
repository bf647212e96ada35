/**
 * The ingest killed anywhere (issue 16): SIGKILL, SIGINT and SIGTERM at random moments of real
 * runs, and at each step of the switch (the CLI's INGEST_PAUSE_AT hook holds it there), leave the
 * output folder, as readers see it, exactly as before or exactly as an undisturbed run writes it.
 * A handled signal also leaves no staging folder; what SIGKILL leaves, the next run removes.
 *
 * The layout is npm run ingest's: <tmp>/data/raw holds the reports, <tmp>/data the tables. Before:
 * the tables of 2 reports. After: those of 40 (the 5 of data/raw, 8 copies each). So few files
 * are parsed in the main thread unless asked: half the random kills ask for two worker threads
 * (`--jobs 2`), which must end with the process and change nothing in what readers see.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/ingest.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(root, 'src/cli/ingest.ts');
const COPIES = 8;
/** Runs at a time: the machine's two cores are kept busy without starving the runs being timed. */
const PARALLEL = 4;

type Signal = 'SIGKILL' | 'SIGINT' | 'SIGTERM';
/** The steps of a run's write, in order (src/cli/output-folder.ts). */
const POINTS = ['staging', 'staged', 'moved-in', 'switched'] as const;
/** Killed `delay` ms after the process started or after it read its first report, or when it reaches `point`. */
type Plan = { signal: Signal; delay: number; after: 'spawn' | 'first report'; jobs?: number } | { signal: Signal; point: (typeof POINTS)[number] };
interface Run { plan: Plan; code: number | null; killedBy: NodeJS.Signals | null; stdout: string; stderr: string; seen: string; firstReportMs: number; totalMs: number }

/** What readers see of an output folder: every file not hidden, links followed, with its content. */
async function readerView(folder: string, prefix = ''): Promise<string> {
  const lines: string[] = [];
  for (const name of (await readdir(folder)).filter((n) => !n.startsWith('.')).sort()) {
    const full = path.join(folder, name);
    if ((await stat(full)).isDirectory()) lines.push(await readerView(full, `${prefix}${name}/`));
    else lines.push(`${prefix}${name}\n${await readFile(full, 'utf8')}`);
  }
  return lines.join('\n');
}

/** Entries of ours that a run left: hidden ones in the output other than the current version, staging folders beside it. */
async function leftovers(parent: string): Promise<string[]> {
  const data = path.join(parent, 'data');
  const current = await readlink(path.join(data, 'current'));
  return [
    ...(await readdir(parent)).filter((name) => name !== 'data'),
    ...(await readdir(data)).filter((name) => name.startsWith('.') && name !== current).map((name) => `data/${name}`),
  ];
}

/** One run of the CLI on a copy of `template`, killed as `plan` says. */
async function run(template: string, plan: Plan): Promise<Run & { parent: string }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'ingest-fault-'));
  await cp(template, parent, { recursive: true, verbatimSymlinks: true });
  const data = path.join(parent, 'data');
  const env = { ...process.env, ...('point' in plan ? { INGEST_PAUSE_AT: plan.point } : {}) };
  const jobs = 'jobs' in plan && plan.jobs ? ['--jobs', String(plan.jobs)] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, path.join(data, 'raw'), '--out', data, ...jobs], { cwd: root, env });
  const started = performance.now();
  let firstReportMs = 0;
  let timer: NodeJS.Timeout | undefined;
  const killLater = () => 'delay' in plan && (timer = setTimeout(() => child.kill(plan.signal), plan.delay));
  if ('delay' in plan && plan.after === 'spawn') killLater();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (!stdout.includes('✓') && String(chunk).includes('✓')) {
      firstReportMs = performance.now() - started;
      if ('delay' in plan && plan.after === 'first report') killLater();
    }
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
    if ('point' in plan && stderr.includes(`paused at ${plan.point}`)) child.kill(plan.signal);
  });
  const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  // How far the run got, for the summary: started parsing, said its total.
  const seen = /reports, .* failed/.test(stdout) ? 'done' : stdout.includes('✓') ? 'parsing' : 'starting';
  return { parent, plan, code, killedBy, stdout, stderr, seen, firstReportMs, totalMs: performance.now() - started };
}

/** Runs the plans PARALLEL at a time. */
async function runAll<T>(plans: Plan[], each: (plan: Plan) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(plans.length);
  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const k = next++;
      results[k] = await each(plans[k]);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

describe('ingest killed at any point', () => {
  let template = '';
  let before = '';
  let after = '';
  /** An undisturbed run's time from its start, and from its first report read, to its end. */
  let undisturbed = { totalMs: 0, workMs: 0 };

  const made: string[] = [];
  afterAll(() => Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true }))));

  beforeAll(async () => {
    template = await mkdtemp(path.join(tmpdir(), 'ingest-fault-template-'));
    made.push(template);
    const raw = path.join(template, 'data', 'raw');
    await mkdir(raw, { recursive: true });
    const seeds = (await readdir(path.join(root, 'data/raw'))).sort();
    for (let copy = 0; copy < COPIES; copy++) {
      for (const seed of seeds) await cp(path.join(root, 'data/raw', seed), path.join(raw, `${copy}-${seed}`));
    }
    // Written by a process of its own, as a user's earlier run: a version is named after the
    // process that wrote it, and one of a process still alive (this one) is never taken for a leftover.
    const earlier = spawn(process.execPath, ['--import', 'tsx', CLI, path.join(raw, `0-${seeds[0]}`), path.join(raw, `0-${seeds[1]}`), '--out', path.join(template, 'data')], { cwd: root });
    expect(await new Promise((resolve) => earlier.on('close', resolve))).toBe(0);
    before = await readerView(path.join(template, 'data'));
    // Timed side by side, as the runs to be killed will be.
    const results = await Promise.all(Array.from({ length: PARALLEL }, () => run(template, { signal: 'SIGKILL', delay: 600_000, after: 'spawn' })));
    made.push(...results.map((result) => result.parent));
    for (const result of results) expect(result.code, result.stdout).toBe(0);
    undisturbed = { totalMs: Math.max(...results.map((r) => r.totalMs)), workMs: Math.max(...results.map((r) => r.totalMs - r.firstReportMs)) };
    const views = await Promise.all(results.map((result) => readerView(path.join(result.parent, 'data'))));
    after = views[0];
    expect(new Set(views).size).toBe(1);
    expect(after).toContain(`${COPIES - 1}-${seeds.at(-1)}`);
    expect(after).not.toBe(before);
  }, 60_000);

  it('leaves the tables as before or as after, and a handled signal leaves nothing behind', async () => {
    // Random moments spread evenly over an undisturbed run's start-up and over its work (counted
    // from its first report, so that they fall in the work however slow the start-up), then
    // each step of the write.
    const plans: Plan[] = [];
    const spread = (runs: number, after: 'spawn' | 'first report', ms: number) => {
      for (let k = 0; k < runs; k++) {
        plans.push({ signal: k % 2 ? 'SIGINT' : 'SIGKILL', delay: Math.round(((k + Math.random()) / runs) * ms), after, ...(Math.floor(k / 2) % 2 ? { jobs: 2 } : {}) });
      }
    };
    spread(10, 'spawn', undisturbed.totalMs);
    spread(30, 'first report', undisturbed.workMs * 1.1);
    for (const point of POINTS) for (const signal of ['SIGKILL', 'SIGINT', 'SIGTERM'] as const) plans.push({ signal, point });

    const problems: string[] = [];
    const outcomes = await runAll(plans, async (plan) => {
      const result = await run(template, plan);
      const data = path.join(result.parent, 'data');
      const view = await readerView(data);
      const outcome = view === before ? 'before' : view === after ? 'after' : 'neither';
      const said = `${JSON.stringify(plan)} → ${outcome}, exit ${result.code ?? result.killedBy}, ${result.seen}`;
      if (outcome === 'neither') problems.push(`${said}: the tables are a mix`);
      if (result.code === 130 || result.code === 143) {
        if ((await leftovers(result.parent)).length > 0) problems.push(`${said}: left ${await leftovers(result.parent)}`);
        if (result.code !== (plan.signal === 'SIGINT' ? 130 : 143)) problems.push(`${said}: wrong exit code`);
      } else if (result.code !== 0 && result.killedBy !== plan.signal) problems.push(`${said}: unexpected end: ${result.stderr}`);
      if ('point' in plan) {
        // Until the switch (the rename of the new link over `current`) the old tables stand.
        const expected = plan.point === 'switched' ? 'after' : 'before';
        if (outcome !== expected) problems.push(`${said}: expected ${expected}`);
      }
      if (result.killedBy === 'SIGKILL') {
        // The next run clears what the killed one left and writes the tables.
        const quiet = () => {};
        await ingest({ inputs: [path.join(data, 'raw')], out: data, format: 'csv' }, quiet, quiet);
        if ((await readerView(data)) !== after) problems.push(`${said}: the next run did not write the tables`);
        if ((await leftovers(result.parent)).length > 0) problems.push(`${said}: the next run left ${await leftovers(result.parent)}`);
      }
      await rm(result.parent, { recursive: true, force: true });
      return { plan, outcome, seen: result.seen };
    });

    const count = (keep: (o: (typeof outcomes)[number]) => boolean) => outcomes.filter(keep).length;
    console.log(`ingest faults: ${outcomes.length} runs (undisturbed ${Math.round(undisturbed.totalMs)} ms, ${Math.round(undisturbed.workMs)} ms from the first report): ` +
      `${count((o) => o.outcome === 'before')} before, ${count((o) => o.outcome === 'after')} after; ` +
      `random kills while starting ${count((o) => 'delay' in o.plan && o.seen === 'starting')}, ` +
      `parsing ${count((o) => 'delay' in o.plan && o.seen === 'parsing')}, after the total ${count((o) => 'delay' in o.plan && o.seen === 'done')}; ` +
      `with two worker threads ${count((o) => 'jobs' in o.plan && o.plan.jobs === 2)}`);
    expect(problems).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(50);
  }, 180_000); // ~30 s alone on two cores; more when other suites share them
});
