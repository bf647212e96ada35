/**
 * The download of a dataset's files, started before DuckDB has (early-start.ts): the bundled
 * dataset's start-up database (the build's copy of its CSVs in DuckDB's format), or the four
 * CSVs of a folder. load-dataset.ts reads what comes.
 */
import type { DatasetSource } from './dataset-source.ts';
import { TABLE_NAMES, DatasetError, STARTUP_DATABASE_FILE, csvFileName, type TableName } from './schema.ts';

async function fetchCsv(source: DatasetSource, table: TableName): Promise<{ file: string; bytes: Uint8Array }> {
  const file = `${source.label}${source.label.endsWith('/') ? '' : '/'}${csvFileName(table)}`;
  let response: Response;
  try {
    response = await fetch(new URL(csvFileName(table), source.url));
  } catch (error) {
    throw new DatasetError(file, 'dataset.notFetched', { reason: (error as Error).message });
  }
  if (!response.ok) throw new DatasetError(file, 'dataset.notFetched', { reason: `HTTP ${response.status}` });
  return { file, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * The four CSVs. When some cannot be fetched, the error names the first of them in contract order
 * (not whichever answer came first) and lists the others, so that one message says what is missing.
 */
async function fetchAllCsv(source: DatasetSource): Promise<FetchedFile[]> {
  const settled = await Promise.allSettled(TABLE_NAMES.map((table) => fetchCsv(source, table)));
  const failed = TABLE_NAMES.flatMap((table, i) => {
    const result = settled[i];
    return result.status === 'rejected' ? [{ table, error: result.reason as unknown }] : [];
  });
  if (failed.length === 0) return settled.map((result) => (result as PromiseFulfilledResult<FetchedFile>).value);
  const [{ error: first }, ...others] = failed;
  if (others.length === 0 || !(first instanceof DatasetError) || !others.every(({ error }) => error instanceof DatasetError)) throw first;
  throw new DatasetError(first.file, 'dataset.notFetched', { reason: first.params.reason, others: others.map(({ table }) => csvFileName(table)) });
}

export interface FetchedFile {
  file: string;
  bytes: Uint8Array;
}

/** What a CSV folder's load starts from: the build's database of the CSVs, or the CSVs. */
export type FetchedDataset = { kind: 'database'; database: FetchedFile } | { kind: 'csv'; files: FetchedFile[] };

export type DatasetFiles = Promise<FetchedDataset>;

/** A DuckDB database file: `DUCK` at byte 8 of its first block. */
const isDuckDbFile = (bytes: Uint8Array): boolean => bytes.length >= 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'DUCK';

/**
 * The bundled dataset's `dataset.duckdb`, or null when the folder has none (the CSVs are read
 * then): a 404, or a page a host sends for any unknown path (a single-page-app fallback).
 */
async function fetchStartupDatabase(source: DatasetSource): Promise<FetchedFile | null> {
  try {
    const response = await fetch(new URL(STARTUP_DATABASE_FILE, source.url));
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return isDuckDbFile(bytes) ? { file: `${source.label}${STARTUP_DATABASE_FILE}`, bytes } : null;
  } catch {
    return null; // the CSVs' own fetch reports what is wrong with the network
  }
}

/**
 * Starts fetching a CSV dataset (its start-up database or its four files). Called before DuckDB
 * has started, so that the download runs alongside the engine's own (wasm) download.
 */
export function fetchDatasetFiles(source: DatasetSource): DatasetFiles | undefined {
  if (source.kind === 'duckdb-file') return undefined;
  const csv = async (): Promise<FetchedDataset> => ({ kind: 'csv', files: await fetchAllCsv(source) });
  const fetched = source.bundled
    ? fetchStartupDatabase(source).then((database) => (database ? { kind: 'database' as const, database } : csv()))
    : csv();
  fetched.catch(() => undefined); // awaited (and its error reported) by loadDataset
  return fetched;
}
