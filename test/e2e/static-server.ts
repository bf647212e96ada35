/**
 * A tiny static server for dist/, mounted under a sub-path to prove the build works from any
 * folder of any host. Long cache for hashed assets and the versioned chart pictures, no-cache for
 * the rest, as the README asks of a real host. With `{ cspHeader: false }` it sends no
 * Content-Security-Policy header at all, as python's http.server or a bare bucket would: only the
 * page's <meta> policy is left, which does not reach the DuckDB worker.
 */
import { createServer, type Server } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { sendFile } from '../../src/build/static-files.ts';

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

export interface StaticOptions {
  /** Send `Content-Security-Policy: frame-ancestors 'none'` (the default) or no CSP header. */
  cspHeader?: boolean;
}

export async function serveStatic(root: string, basePath = '/sub/path/', { cspHeader = true }: StaticOptions = {}): Promise<StaticSite> {
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
    if (!sendFile(req, res, path, cache)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
