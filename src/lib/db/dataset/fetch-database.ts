/**
 * How a `?data=….duckdb` file is read (issue 18 item 3). A server that answers byte ranges lets
 * DuckDB-WASM read the file in place, by HTTP range requests, fetching only the blocks the
 * queries touch (a province's 222 MiB file: ~6 MiB to draw the overview). One that does not
 * (it answers a Range request with the whole file, 200) gets the file downloaded whole, with its
 * progress (bytes and percent) shown, and DuckDB reads it from memory.
 *
 * The probe is one GET of the first byte: a 206 means ranges; a 200 is the whole file already
 * on its way, so its body is the download (nothing is asked twice).
 */
import { DatasetError } from './schema.ts';

export interface DownloadProgress {
  loaded: number;
  /** Bytes in all, from Content-Length; null when the server does not say. */
  total: number | null;
}

export type DatabaseSource = { ranges: true; size: number | null } | { ranges: false; bytes: Uint8Array };

/** A byte count to report at most this often: React need not redraw for every chunk. */
const PROGRESS_EVERY_MS = 100;

export async function fetchDatabase(url: string, label: string, onProgress: (progress: DownloadProgress) => void = () => {}): Promise<DatabaseSource> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Range: 'bytes=0-0' } });
  } catch (error) {
    throw new DatasetError(label, 'dataset.notFetched', { reason: (error as Error).message });
  }
  if (response.status === 206) {
    await response.body?.cancel().catch(() => undefined);
    const size = /\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '');
    return { ranges: true, size: size ? Number(size[1]) : null };
  }
  if (!response.ok) throw new DatasetError(label, 'dataset.notFetched', { reason: `HTTP ${response.status}` });
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 && !response.headers.get('Content-Encoding') ? length : null;
  return { ranges: false, bytes: await readWithProgress(response, label, total, onProgress) };
}

async function readWithProgress(response: Response, label: string, total: number | null, onProgress: (progress: DownloadProgress) => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = 0;
  onProgress({ loaded, total });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      const now = performance.now();
      if (now - reported >= PROGRESS_EVERY_MS) {
        reported = now;
        onProgress({ loaded, total });
      }
    }
  } catch (error) {
    throw new DatasetError(label, 'dataset.notFetched', { reason: (error as Error).message });
  }
  onProgress({ loaded, total: total ?? loaded });
  // One buffer for DuckDB (the chunks are copied in order, never spread into a call's arguments).
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
