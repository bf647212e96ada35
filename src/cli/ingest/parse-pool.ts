/**
 * The ingest's parsers: `jobs` worker threads, or the main thread itself when jobs is 1. Files
 * are asked for in order and answered in any order (the caller puts them back in order, holding
 * at most `window` answers). Any worker that fails (an error it did not catch, running out of
 * memory, stopping) fails the pool: every answer still due is rejected and every worker is
 * terminated. `close()` terminates them all; call it in a `finally`. A signal that ends the
 * process ends its threads with it.
 */
import { Worker } from 'node:worker_threads';
import type { MessageLang } from '../../parser/types.ts';
import { parseFile, type FileOutcome } from './parse-file.ts';
import type { ParseTask } from './parse-worker.ts';
import { workerScript } from './worker-script.ts';

export interface ParsePool {
  /** How many files the caller may have asked for ahead of the one it waits for. */
  readonly window: number;
  parse(file: string, name: string): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** Files sent to a worker before it answers: one parsing, one waiting, so it never idles on the main thread. */
const IN_FLIGHT = 2;
/** Answers held per worker for the reordering: enough for a file much slower than its neighbours. */
const WINDOW_PER_JOB = 16;

let liveWorkers = 0;
/** Worker threads started and not yet ended, by every pool of this process (for the tests). */
export const workersAlive = () => liveWorkers;

export interface PoolOptions {
  /** The workers' code, as a CommonJS script (a test's, to make one fail); the ingest's own by default. */
  script?: string;
}

export async function openParsePool(jobs: number, lang: MessageLang, options: PoolOptions = {}): Promise<ParsePool> {
  if (jobs <= 1) return { window: 2, parse: (file, name) => parseFile(file, name, lang), close: async () => {} };
  return new WorkerPool(jobs, lang, options.script ?? (await workerScript()));
}

interface Slot {
  worker: Worker;
  busy: number;
  ended: Promise<void>;
}

interface Due {
  resolve: (outcome: FileOutcome) => void;
  reject: (error: Error) => void;
}

class WorkerPool implements ParsePool {
  readonly window: number;
  private readonly slots: Slot[] = [];
  private readonly queue: ParseTask[] = [];
  private readonly due = new Map<number, Due>();
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(jobs: number, lang: MessageLang, script: string) {
    this.window = jobs * WINDOW_PER_JOB;
    for (let k = 0; k < jobs; k++) {
      const worker = new Worker(script, { eval: true, workerData: { lang }, execArgv: [] });
      liveWorkers++;
      const slot: Slot = { worker, busy: 0, ended: new Promise((resolve) => worker.once('exit', () => resolve())) };
      worker.on('message', ({ id, outcome }: { id: number; outcome: FileOutcome }) => {
        slot.busy--;
        this.due.get(id)?.resolve(outcome);
        this.due.delete(id);
        this.dispatch();
      });
      worker.on('error', (error) => this.fail(error));
      worker.once('exit', (code) => {
        liveWorkers--;
        if (!this.closing) this.fail(new Error(`a parsing thread stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  parse(file: string, name: string): Promise<FileOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const answer = new Promise<FileOutcome>((resolve, reject) => this.due.set(id, { resolve, reject }));
    this.queue.push({ id, file, name });
    this.dispatch();
    return answer;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.failure) {
      const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= IN_FLIGHT) return;
      slot.busy++;
      slot.worker.postMessage(this.queue.shift());
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = new Error(`ingest: ${error.message}`, { cause: error });
    for (const due of this.due.values()) due.reject(this.failure);
    this.due.clear();
    this.queue.length = 0;
    void this.close();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    await Promise.all(this.slots.map((slot) => slot.ended));
  }
}
