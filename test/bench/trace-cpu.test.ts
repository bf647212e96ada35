import { describe, expect, it } from 'vitest';
import { cpuByGroup, type TraceEvent } from './trace-cpu.ts';

const PAGE = 10;
const BROWSER = 1;
const OTHER = 20;
const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const processName = (pid: number, name: string): TraceEvent => ({ name: 'process_name', ph: 'M', pid, tid: 0, ts: 0, args: { name } });
/** A task from `at` ms lasting `ms`, with `cpuMs` of CPU (all of it unless given). */
const task = (pid: number, tid: number, at: number, ms: number, cpuMs = ms, name = 'ThreadControllerImpl::RunTask'): TraceEvent =>
  ({ name, ph: 'X', pid, tid, ts: at * 1000, dur: ms * 1000, tdur: cpuMs * 1000 });
const mark = (name: string, at: number, navigationId = 'page'): TraceEvent =>
  ({ name, ph: 'R', pid: PAGE, tid: 1, ts: at * 1000, cat: 'blink.user_timing', args: { data: { navigationId } } });

const threads = [
  processName(BROWSER, 'Browser'), processName(PAGE, 'Renderer'), processName(OTHER, 'Renderer'),
  meta(PAGE, 1, 'CrRendererMain'), meta(PAGE, 2, 'DedicatedWorker thread'), meta(PAGE, 3, 'ThreadPoolForegroundWorker'),
  meta(PAGE, 4, 'Compositor'), meta(BROWSER, 5, 'CrBrowserMain'), meta(OTHER, 6, 'ThreadPoolForegroundWorker'),
];

describe('cpuByGroup', () => {
  it('sums the busy and CPU time of outermost tasks per kind of thread between navigation and the mark', () => {
    const { wallMs, time } = cpuByGroup([
      ...threads,
      mark('navigationStart', 100),
      mark('app:ready', 600),
      task(PAGE, 1, 150, 100, 80),
      task(PAGE, 1, 160, 20, 20, 'RunTask'), // nested in the task above: not counted again
      task(PAGE, 2, 200, 300, 250),
      task(PAGE, 3, 300, 50, 50, 'ThreadPool_RunTask'),
      task(PAGE, 4, 400, 10),
      task(BROWSER, 5, 120, 30),
      task(OTHER, 6, 200, 100), // another renderer: left out
    ], 'app:ready');
    expect(wallMs).toBe(500);
    expect(Object.fromEntries(time)).toEqual({
      'page main thread': { busyMs: 100, cpuMs: 80 },
      'DuckDB worker': { busyMs: 300, cpuMs: 250 },
      'V8 background (compile, GC, parse)': { busyMs: 50, cpuMs: 50 },
      'page other threads': { busyMs: 10, cpuMs: 10 },
      'browser and GPU processes': { busyMs: 30, cpuMs: 30 },
    });
  });

  it('counts a task that crosses the navigation or the mark in proportion, from the navigation of the mark', () => {
    const { wallMs, time } = cpuByGroup([
      ...threads,
      mark('navigationStart', 0, 'about:blank'),
      mark('navigationStart', 100),
      mark('navigationStart', 150, 'an SVG picture'),
      mark('app:ready', 300),
      task(PAGE, 1, 50, 100, 60), // half before the navigation
      task(PAGE, 2, 250, 100, 100), // half after the mark
    ], 'app:ready');
    expect(wallMs).toBe(200);
    expect(time.get('page main thread')).toEqual({ busyMs: 50, cpuMs: 30 });
    expect(time.get('DuckDB worker')).toEqual({ busyMs: 50, cpuMs: 50 });
  });

  it('names the mark a trace lacks', () => {
    expect(() => cpuByGroup(threads, 'app:ready')).toThrow('the trace has no app:ready mark');
  });
});
