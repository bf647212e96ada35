/**
 * The build-time snapshot: results of the overview's queries (and the filter options) with no
 * filters, computed by native DuckDB from the same query modules the app runs, and the
 * overview's charts drawn from those rows (snapshot-charts.ts). The app paints from it at once
 * and switches to live DuckDB-WASM results when they arrive.
 */
import { openNodeDb } from './node-db.ts';
import { renderSnapshotCharts } from './snapshot-charts.ts';
import { overviewQueries } from '../queries/overview-queries.ts';
import { filterOptions } from '../queries/filter-options.ts';
import { NO_FILTERS } from '../queries/filters.ts';
import { queryKey, type Query } from '../queries/query.ts';
import type { Snapshot } from '../lib/db/dataset/snapshot.ts';

export const snapshotQueries = (): Query[] => [...overviewQueries(NO_FILTERS), filterOptions()];

/** snapshot.json's content and the chart pictures that go to `charts/` beside it. */
export interface BuiltSnapshot {
  snapshot: Snapshot;
  pictures: { name: string; svg: string }[];
}

export async function buildSnapshot(dataDir: string): Promise<BuiltSnapshot> {
  const db = await openNodeDb(dataDir);
  const results: Snapshot['results'] = {};
  try {
    for (const query of snapshotQueries()) results[queryKey(query)] = await db.query(query);
  } finally {
    db.close();
  }
  const snapshot: Snapshot = { version: 1, generatedAt: new Date().toISOString(), results };
  const { charts, files } = renderSnapshotCharts(snapshot);
  return { snapshot: { ...snapshot, charts }, pictures: files };
}
