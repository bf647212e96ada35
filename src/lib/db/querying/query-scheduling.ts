/**
 * How the dashboard's queries are timed against each other, kept apart from React and DuckDB
 * so it can be tested on its own:
 * - a view's queries started together form a wave whose results are handed over together
 *   (the view redraws once per filter change, not once per query as each arrives);
 * - background queries (the filter options, which the build snapshot stands in for) wait until
 *   no view query is in flight: DuckDB answers one query at a time.
 */

export type QueryPriority = 'view' | 'background';

export type Settled<T> = { rows: T[] } | { error: Error };

/** Counts the view queries in flight; `idle()` resolves once there are none. */
export class ViewQueryGate {
  private inFlight = 0;
  private waiting: (() => void)[] = [];

  /** Marks a view query as started; call the returned function when it has settled. */
  start(): () => void {
    this.inFlight++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.inFlight === 0) for (const wake of this.waiting.splice(0)) wake();
    };
  }

  /** Resolves when no view query runs, checked after the current task (so queries a view starts together all count). */
  async idle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

interface Wave {
  pending: number;
  commits: (() => void)[];
}

/**
 * Returns `runInWave(run, commit)`: runs `run()` and calls `commit` with its result once every
 * query started in the same task has settled, all commits in one go (React batches the state
 * updates of one task into one render). A wave closes at the end of the task that opened it.
 */
export function createWaves() {
  let open: Wave | null = null;
  return function runInWave<T>(run: () => Promise<T[]>, commit: (result: Settled<T>) => void): void {
    if (!open) {
      const wave: Wave = { pending: 0, commits: [] };
      open = wave;
      queueMicrotask(() => {
        if (open === wave) open = null;
      });
    }
    const wave = open;
    wave.pending++;
    const settle = (result: Settled<T>) => {
      wave.commits.push(() => commit(result));
      if (--wave.pending === 0) for (const apply of wave.commits.splice(0)) apply();
    };
    run().then((rows) => settle({ rows }), (error: Error) => settle({ error }));
  };
}
