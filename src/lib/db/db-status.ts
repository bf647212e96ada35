/** What views know of the data: whether it is there, which dataset, what was imported over it. */
export type DbPhase = 'starting' | 'ready' | 'error';

export interface DbStatus {
  phase: DbPhase;
  /** The dataset shown (or being loaded), e.g. `data/`. */
  dataset: string | null;
  /** Whether build-time results may stand in for live ones (bundled dataset only). */
  snapshotUsable: boolean;
  /** Counts dataset loads, so views re-query when the data changes. */
  generation: number;
  /** What stopped the load (shown with errorIn: a LocalizedError in the reader's language). */
  error: unknown;
  /** What the user imported on top of the dataset (import-store.ts), null when nothing. */
  imported: ImportedData | null;
  /** A dataset file being downloaded whole (its server answers no byte ranges), else null. */
  download: { loaded: number; total: number | null } | null;
}

export interface ImportedData {
  imports: number;
  reports: number;
  /** True when an import replaced the dataset: the views show imported rows only. */
  replaced: boolean;
}

export const INITIAL_DB_STATUS: DbStatus = { phase: 'starting', dataset: null, snapshotUsable: false, generation: 0, error: null, imported: null, download: null };
