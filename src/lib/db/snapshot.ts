/**
 * Results computed at build time (dist/data/snapshot.json, see src/build/snapshot.ts), looked up
 * by query key. Only valid for the bundled dataset: a `?data=` dataset never uses it.
 */
import { queryKey, type Query } from '../../queries/query.ts';

export interface Snapshot {
  version: 1;
  generatedAt: string;
  results: Record<string, unknown[]>;
}

let snapshot: Snapshot | null = null;
let pending: Promise<Snapshot | null> | null = null;

/** Fetches the snapshot once; resolves to null when there is none (dev without data, other dataset). */
export function loadSnapshot(url: string): Promise<Snapshot | null> {
  pending ??= fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<Snapshot>) : null))
    .then((loaded) => (snapshot = loaded?.version === 1 ? loaded : null))
    .catch(() => null);
  return pending;
}

/** The snapshot's rows for exactly this query (same SQL and parameters), if it has them. */
export function snapshotRows<T>(query: Query<T>): T[] | undefined {
  return snapshot?.results[queryKey(query)] as T[] | undefined;
}
