/**
 * A tiny static server for dist/, mounted under a sub-path to prove the build works from any
 * folder of any host. Long cache for hashed assets and the versioned chart pictures, no-cache for
 * the rest, as the README asks of a real host. With `{ cspHeader: false }` it sends no
 * Content-Security-Policy header at all, as python's http.server or a bare bucket would: only the
 * page's <meta> policy is left, which does not reach the DuckDB worker.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { sendFile } from '../../src/build/static-files.ts';

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

export interface StaticOptions {
  /** Send `Content-Security-Policy: frame-ancestors 'none'` (the default) or no CSP header. */
  cspHeader?: boolean;
  /** Answer byte ranges (the default), or send every file whole as a server without range support does. */
  ranges?: boolean;
  /** Send the files whose path matches `pattern` at `bytesPerSecond`, as a slow link would. */
  throttle?: { pattern: RegExp; bytesPerSecond: number };
}

/** Makes `res` send what is written to it in 16 KiB pieces at `bytesPerSecond`. */
function throttled(res: ServerResponse, bytesPerSecond: number): void {
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let queue = Promise.resolve();
  res.write = ((chunk: Buffer) => {
    for (let i = 0; i < chunk.length; i += 16 * 1024) {
      const piece = chunk.subarray(i, i + 16 * 1024);
      queue = queue.then(() => new Promise((resolve) => setTimeout(() => { write(piece); resolve(); }, (piece.length / bytesPerSecond) * 1000)));
    }
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    void queue.then(() => end(...args));
    return res;
  }) as typeof res.end;
}

export async function serveStatic(root: string, basePath = '/sub/path/', { cspHeader = true, ranges = true, throttle }: StaticOptions = {}): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!pathname.startsWith(basePath)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not under the site path');
      return;
    }
    const relative = pathname.slice(basePath.length) || 'index.html';
    const path = normalize(join(root, relative.endsWith('/') ? `${relative}index.html` : relative));
    if (!path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (cspHeader) res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
    const cache = relative.startsWith('assets/') || relative.startsWith('data/charts/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (throttle?.pattern.test(relative)) throttled(res, throttle.bytesPerSecond);
    if (!sendFile(req, res, path, cache, ranges)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
