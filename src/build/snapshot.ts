/**
 * The build-time snapshot: results of the overview's queries (and the filter options) with no
 * filters, computed by native DuckDB from the same query modules the app runs. The app paints
 * from it at once and switches to live DuckDB-WASM results when they arrive.
 */
import { openNodeDb } from './node-db.ts';
import { overviewQueries } from '../features/overview/overview-queries.ts';
import { filterOptions } from '../queries/filter-options.ts';
import { NO_FILTERS } from '../queries/filters.ts';
import { queryKey, type Query } from '../queries/query.ts';
import type { Snapshot } from '../lib/db/snapshot.ts';

export const snapshotQueries = (): Query[] => [...overviewQueries(NO_FILTERS), filterOptions()];

export async function buildSnapshot(dataDir: string): Promise<Snapshot> {
  const db = await openNodeDb(dataDir);
  try {
    const results: Snapshot['results'] = {};
    for (const query of snapshotQueries()) results[queryKey(query)] = await db.query(query);
    return { version: 1, generatedAt: new Date().toISOString(), results };
  } finally {
    db.close();
  }
}
