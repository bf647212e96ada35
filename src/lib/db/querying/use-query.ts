/**
 * React hook over the session's `query()`: live rows once DuckDB holds the data, build-time snapshot rows
 * before that (when the snapshot has this exact query), and the previous rows while a new
 * query runs so charts don't blink on a filter change.
 *
 * Queries started together (a view's queries after a filter change: one React commit runs all
 * their effects in one task) form a wave, and the wave's results are handed to React together,
 * so the view redraws once with every chart's new rows, not once per query as each arrives.
 */
import { useEffect, useRef, useState } from 'react';
import { queryKey, type Query } from '../../../queries/query.ts';
import type { QueryPriority, Settled } from './query-scheduling.ts';
import type { DuckDbSession } from '../session.ts';
import { useDbSession, useDbStatus } from '../session-context.ts';

/** Runs `q`; a view query commits with its wave, a background one on its own (it must not hold the wave back). */
function startQuery<T>(session: DuckDbSession, q: Query<T>, priority: QueryPriority, commit: (result: Settled<T>) => void): void {
  if (priority === 'background') session.query(q, priority).then((rows) => commit({ rows }), (error: Error) => commit({ error }));
  else session.queries.runInWave(() => session.query(q, priority), commit);
}

export interface QueryState<T> {
  rows: T[] | undefined;
  /** 'snapshot' = computed at build time; 'live' = from DuckDB-WASM now. */
  source: 'none' | 'snapshot' | 'live';
  loading: boolean;
  error: string | null;
}

/** Rows equal to those on screen keep their identity: charts built from them are not rebuilt. */
const SAME_ROWS_LIMIT = 2_000;

export function sameRows(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length || a.length > SAME_ROWS_LIMIT) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface QueryOptions {
  /** 'background': waits until the queries a view is waiting for have finished (query-scheduling.ts). */
  priority?: QueryPriority;
}

export function useQuery<T>(q: Query<T>, { priority = 'view' }: QueryOptions = {}): QueryState<T> {
  const session = useDbSession();
  const db = useDbStatus();
  const key = queryKey(q);
  const [live, setLive] = useState<{ key: string; generation: number; rows: T[] } | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  // The rows last returned: a live result equal to them (the snapshot's figures confirmed, a
  // filter that leaves this chart as it was) is handed back as the same array, so memoized chart
  // options stay put and ECharts does not lay the chart out again (~60 ms a chart here).
  const shown = useRef<T[] | undefined>(undefined);

  useEffect(() => {
    if (db.phase !== 'ready') return;
    let cancelled = false;
    startQuery(session, q, priority, (result) => {
      if (cancelled) return;
      if ('rows' in result) setLive({ key, generation: db.generation, rows: sameRows(result.rows, shown.current) ? shown.current! : result.rows });
      else setError({ key, message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
    // `key` identifies the query's SQL and parameters, so `q` itself need not be a dependency.
  }, [session, key, db.phase, db.generation, priority]);

  const fresh = live !== null && live.key === key && live.generation === db.generation;
  const snapshot = db.snapshotUsable && (db.generation <= 1) ? session.snapshot.rows(q) : undefined;
  let state: QueryState<T>;
  if (fresh) state = { rows: live.rows, source: 'live', loading: false, error: null };
  else if (error?.key === key) state = { rows: undefined, source: 'none', loading: false, error: error.message };
  else if (snapshot && !live) state = { rows: snapshot, source: 'snapshot', loading: true, error: null };
  else state = { rows: live?.rows ?? snapshot, source: live ? 'live' : snapshot ? 'snapshot' : 'none', loading: true, error: null };
  shown.current = state.rows;
  return state;
}
