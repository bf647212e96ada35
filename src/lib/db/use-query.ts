/**
 * React hook over `query()`: live rows once DuckDB holds the data, build-time snapshot rows
 * before that (when the snapshot has this exact query), and the previous rows while a new
 * query runs so charts don't blink on a filter change.
 */
import { useEffect, useState } from 'react';
import { queryKey, type Query } from '../../queries/query.ts';
import { query, useDbStatus } from './client.ts';
import { snapshotRows } from './snapshot.ts';

export interface QueryState<T> {
  rows: T[] | undefined;
  /** 'snapshot' = computed at build time; 'live' = from DuckDB-WASM now. */
  source: 'none' | 'snapshot' | 'live';
  loading: boolean;
  error: string | null;
}

export function useQuery<T>(q: Query<T>): QueryState<T> {
  const db = useDbStatus();
  const key = queryKey(q);
  const [live, setLive] = useState<{ key: string; generation: number; rows: T[] } | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);

  useEffect(() => {
    if (db.phase !== 'ready') return;
    let cancelled = false;
    query(q).then(
      (rows) => !cancelled && setLive({ key, generation: db.generation, rows }),
      (failure: Error) => !cancelled && setError({ key, message: failure.message }),
    );
    return () => {
      cancelled = true;
    };
    // `key` identifies the query's SQL and parameters, so `q` itself need not be a dependency.
  }, [key, db.phase, db.generation]);

  const fresh = live !== null && live.key === key && live.generation === db.generation;
  const snapshot = db.snapshotUsable && (db.generation <= 1) ? snapshotRows(q) : undefined;
  if (fresh) return { rows: live.rows, source: 'live', loading: false, error: null };
  if (error?.key === key) return { rows: undefined, source: 'none', loading: false, error: error.message };
  if (snapshot && !live) return { rows: snapshot, source: 'snapshot', loading: true, error: null };
  return { rows: live?.rows ?? snapshot, source: live ? 'live' : snapshot ? 'snapshot' : 'none', loading: true, error: null };
}
