/**
 * CPU time per kind of thread in a Chromium trace, from a page's navigation to one of its
 * performance marks (npm run bench:cpu).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  cat?: string;
  args?: { name?: string; data?: { navigationId?: string } };
}

/** The kinds of thread a figure is given for, in print order. */
export const GROUPS = ['page main thread', 'DuckDB worker', 'V8 background (compile, GC, parse)', 'page other threads', 'browser and GPU processes', 'test server (Node)'] as const;
export type Group = (typeof GROUPS)[number];

/** Task events: each thread runs one at a time; `RunTask` and its twin nest, so only the outermost counts. */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'ThreadPool_RunTask']);

/**
 * Busy and CPU milliseconds per group from the page's navigation to its mark `done`. A task that
 * crosses either end counts in proportion. Threads of processes other than the page's renderer, the
 * browser and the GPU (another renderer, say) are left out.
 */
export interface ThreadTime {
  /** Time the group's threads spent in tasks (for several threads, the sum). */
  busyMs: number;
  /** CPU time within those tasks; less than `busyMs` when a thread waited for a core (or a lock) mid-task. */
  cpuMs: number;
}

export function cpuByGroup(events: TraceEvent[], done: string): { wallMs: number; time: Map<Group, ThreadTime> } {
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '');
  }
  const mark = events.find((e) => e.name === done && e.cat?.includes('user_timing'));
  if (!mark) throw new Error(`the trace has no ${done} mark`);
  const page = mark.pid;
  // The mark's own navigation: an SVG <img> is a document too, with a navigation of its own.
  const navigation = mark.args?.data?.navigationId;
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === page && e.args?.data?.navigationId === navigation);
  if (!start) throw new Error(`the trace has no navigationStart for the navigation of ${done}`);
  const from = start.ts;
  const to = mark.ts;

  const groupOf = (e: TraceEvent): Group | undefined => {
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? '';
    if (e.pid === page) {
      if (thread === 'CrRendererMain') return 'page main thread';
      if (thread === 'DedicatedWorker thread') return 'DuckDB worker';
      if (thread.startsWith('ThreadPool')) return 'V8 background (compile, GC, parse)';
      return 'page other threads';
    }
    const process = processNames.get(e.pid) ?? '';
    return process === 'Browser' || process === 'GPU Process' ? 'browser and GPU processes' : undefined;
  };

  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !TASKS.has(e.name) || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const tasks = byThread.get(key);
    if (tasks) tasks.push(e);
    else byThread.set(key, [e]);
  }
  const time = new Map<Group, ThreadTime>();
  for (const tasks of byThread.values()) {
    const group = groupOf(tasks[0]);
    if (!group) continue;
    tasks.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    for (const task of tasks) {
      const taskEnd = task.ts + (task.dur ?? 0);
      if (task.ts < end) continue; // inside the task before it
      end = taskEnd;
      const overlap = Math.min(taskEnd, to) - Math.max(task.ts, from);
      if (overlap <= 0 || !task.dur) continue;
      const share = overlap / task.dur;
      const sum = time.get(group) ?? { busyMs: 0, cpuMs: 0 };
      sum.busyMs += overlap / 1000;
      sum.cpuMs += ((task.tdur ?? task.dur) * share) / 1000;
      time.set(group, sum);
    }
  }
  return { wallMs: (to - from) / 1000, time };
}
