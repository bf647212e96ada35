/**
 * Runs the console's query whenever its text, the run counter (the Run button on the same
 * text) or the loaded data change; a newer run, leaving the view or Cancel stops the older one.
 */
import { useEffect, useRef, useState } from 'react';
import { useDbSession, useDbStatus } from '../../lib/db/index.ts';
import { ConsoleCancelled, ConsoleRejection, runConsoleQuery, type ConsoleResult } from '../../lib/db/console/console-query.ts';
import type { ConsoleRefusal } from '../../queries/console-run.ts';

export type ConsoleFailure =
  | { kind: 'rejected'; reason: ConsoleRefusal }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface ConsoleRunState {
  phase: 'waiting' | 'running' | 'done' | 'failed';
  result: ConsoleResult | null;
  failure: ConsoleFailure | null;
  /** The text the result (or failure) belongs to. */
  sql: string;
  /** Counts finished runs (for tests and assistive technology to notice a new outcome). */
  finished: number;
  cancel(): void;
}

function failureOf(error: unknown): ConsoleFailure {
  if (error instanceof ConsoleRejection) return { kind: 'rejected', reason: error.reason };
  if (error instanceof ConsoleCancelled) return { kind: 'cancelled' };
  return { kind: 'failed', message: (error as Error).message };
}

export function useConsoleRun(sql: string, runCount: number): ConsoleRunState {
  const session = useDbSession();
  const db = useDbStatus();
  const controller = useRef<AbortController | null>(null);
  const [state, setState] = useState<Omit<ConsoleRunState, 'cancel'>>({ phase: 'waiting', result: null, failure: null, sql, finished: 0 });

  useEffect(() => {
    if (db.phase !== 'ready') return;
    const abort = new AbortController();
    controller.current = abort;
    setState((old) => ({ ...old, phase: 'running', failure: null, sql }));
    runConsoleQuery(session, sql, { signal: abort.signal }).then(
      (result) => !abort.signal.aborted && setState((old) => ({ phase: 'done', result, failure: null, sql, finished: old.finished + 1 })),
      (error: unknown) => {
        // A run replaced by a newer one says nothing; one the user cancelled has said so already.
        if (abort.signal.aborted) return;
        setState((old) => ({ phase: 'failed', result: null, failure: failureOf(error), sql, finished: old.finished + 1 }));
      },
    );
    return () => {
      if (controller.current === abort) controller.current = null;
      abort.abort();
    };
  }, [session, sql, runCount, db.phase, db.generation]);

  return {
    ...state,
    cancel: () => {
      const running = controller.current;
      if (!running) return;
      controller.current = null;
      running.abort();
      // The outcome is the cancellation, now: the worker's answer to it, later, changes nothing.
      setState((old) => ({ ...old, phase: 'failed', result: null, failure: { kind: 'cancelled' }, finished: old.finished + 1 }));
    },
  };
}
