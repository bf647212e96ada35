/**
 * Serving files the way a real static host should: proper types (application/wasm above all),
 * byte ranges (DuckDB-WASM reads an attached database file in place with Range requests) and
 * cache headers. Shared by the dev server's data middleware and the e2e test server.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.duckdb': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentType = (path: string): string =>
  CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Sends one file (HEAD and GET, with a single byte range unless `ranges` is false: then as a
 * server without range support, the whole file to every GET). Returns false when it does not exist.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, path: string, cacheControl = 'no-cache', ranges = true): boolean {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return false;
    size = stat.size;
  } catch {
    return false;
  }
  res.setHeader('Content-Type', contentType(path));
  if (ranges) res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', cacheControl);
  const range = ranges ? /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '') : null;
  let start = 0;
  let end = size - 1;
  if (range && (range[1] || range[2])) {
    start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : end;
    if (start > end || start >= size) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return true;
    }
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  }
  res.setHeader('Content-Length', String(size === 0 ? 0 : end - start + 1));
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return true;
  }
  createReadStream(path, { start, end }).pipe(res);
  return true;
}
