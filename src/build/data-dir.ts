import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository's bundled dataset: what `npm run dev` and `npm run build` serve at ./data/. */
export const BUNDLED_DATA_DIR = resolve(import.meta.dirname, '../../data');

/** Provisional dataset used while the ingest has not yet written data/*.csv. */
export const PROVISIONAL_DATA_DIR = '/tmp/dash-data';

/**
 * Where the dev server and the build take the dataset from: $DASH_DATA_DIR when set, else
 * data/ (falling back to the provisional folder only while data/reports.csv does not exist).
 */
export function resolveDataDir(): string {
  const chosen = process.env.DASH_DATA_DIR;
  if (chosen) return resolve(chosen);
  if (existsSync(resolve(BUNDLED_DATA_DIR, 'reports.csv')) || !existsSync(PROVISIONAL_DATA_DIR)) return BUNDLED_DATA_DIR;
  console.warn(`[data] ${BUNDLED_DATA_DIR}/reports.csv not found; using the provisional ${PROVISIONAL_DATA_DIR}`);
  return PROVISIONAL_DATA_DIR;
}
