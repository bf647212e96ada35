import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CURRENT, tablesFolder } from '../cli/output-folder.ts';

/**
 * The repository's bundled dataset: what `npm run dev` and `npm run build` serve at ./data/.
 * The ingest switches data/current from one set of tables to the next (src/cli/output-folder.ts).
 */
export const BUNDLED_DATA_DIR = resolve(import.meta.dirname, '../../data', CURRENT);

/** Provisional dataset used while the ingest has not yet written data/current/*.csv. */
export const PROVISIONAL_DATA_DIR = '/tmp/dash-data';

/**
 * Where the dev server and the build take the dataset from: $DASH_DATA_DIR when set (an ingest's
 * output folder or a folder of CSVs), else data/current (falling back to the provisional folder
 * only while data/current/reports.csv does not exist).
 */
export function resolveDataDir(): string {
  const chosen = process.env.DASH_DATA_DIR;
  if (chosen) return tablesFolder(resolve(chosen));
  if (existsSync(resolve(BUNDLED_DATA_DIR, 'reports.csv')) || !existsSync(PROVISIONAL_DATA_DIR)) return BUNDLED_DATA_DIR;
  console.warn(`[data] ${BUNDLED_DATA_DIR}/reports.csv not found; using the provisional ${PROVISIONAL_DATA_DIR}`);
  return PROVISIONAL_DATA_DIR;
}
