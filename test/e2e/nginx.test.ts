/**
 * The nginx example of docs/publishing.md, run as written: Debian's nginx serves the build from a copy of
 * dist/ with that block (its `map` in http { }, its location in server { }) and the stock
 * mime.types, and the page starts under it. Needs nginx (npm's pretest installs it when it
 * can); skipped without it, except under CI=true.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatMoney } from '../../src/lib/format.ts';
import { expectClean, openPage, useBrowser } from './browser.ts';
import { expectedFigures } from './expected-figures.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const PUBLISHING = readFileSync(resolve(import.meta.dirname, '../../docs/publishing.md'), 'utf8');

/** The nginx block, split where its server { } part (the location) begins. */
function readmeBlock(): { http: string; server: string } {
  const block = /```nginx\n([\s\S]*?)```/.exec(PUBLISHING)?.[1];
  if (!block) throw new Error('docs/publishing.md has no ```nginx block');
  const at = block.search(/^location /m);
  return { http: block.slice(0, at), server: block.slice(at) };
}

const freePort = () => new Promise<number>((done, fail) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => done(port));
  }).on('error', fail);
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Bytes over the wire. */
  sent: number;
  /** The body, gunzipped when it came compressed. */
  body: Buffer;
}

/** A request as a browser sends it (gzip accepted). */
const get = (url: string, headers: Record<string, string> = {}) => new Promise<Answer>((done, fail) => {
  request(url, { headers: { 'Accept-Encoding': 'gzip, br', ...headers } }, (response) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      const wire = Buffer.concat(chunks);
      const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
      done({ status: response.statusCode ?? 0, headers: response.headers, sent: wire.length, body });
    });
  }).on('error', fail).end();
});

describe.skipIf(!NGINX && !process.env.CI)('the nginx example of docs/publishing.md', () => {
  const browser = useBrowser();
  let dir: string;
  let nginx: ChildProcess | undefined;
  let site: string;

  beforeAll(async () => {
    if (!NGINX) throw new Error('nginx is missing: apt-get install nginx (npm\'s pretest does it as root)');
    dir = mkdtempSync(join(tmpdir(), 'nginx-'));
    cpSync(inject('distDir'), join(dir, 'www/performance'), { recursive: true });
    const port = await freePort();
    const { http, server } = readmeBlock();
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join(' ');
    writeFileSync(join(dir, 'nginx.conf'), `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
${http}
  server {
    listen 127.0.0.1:${port};
${server.replaceAll('/srv/www', join(dir, 'www'))}
  }
}
`);
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'inherit' });
    site = `http://127.0.0.1:${port}/performance/`;
    for (let tries = 0; ; tries++) {
      const up = await get(site).then(() => true, () => false);
      if (up) break;
      if (tries > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      await new Promise((wait) => setTimeout(wait, 50));
    }
  }, 60_000);

  afterAll(() => {
    nginx?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends each file with the type, compression, cache and security headers docs/publishing.md asks for', async () => {
    const page = await get(site);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");

    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body.toString('utf8'))?.[1];
    expect(script).toBeDefined();
    const js = await get(`${site}${script}`);
    expect(js.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Workers take their policy from their own script's response.
    expect(js.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");

    const wasm = await get(`${site}assets/${findAsset(/^duckdb-eh-.*\.wasm$/)}`);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.headers['content-encoding']).toBe('gzip');
    expect(wasm.sent).toBeLessThan(wasm.body.length / 3); // 33 MB raw

    // The chart pictures: versioned by the build in the app's URLs (?v=), kept like hashed assets.
    const picture = await get(`${site}data/charts/budget-by-city.zh.654.svg?v=1`);
    expect(picture.headers['content-type']).toBe('image/svg+xml');
    expect(picture.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const csv = await get(`${site}data/reports.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['cache-control']).toBe('no-cache');
    expect(csv.headers['x-content-type-options']).toBe('nosniff');

    const database = await get(`${site}data/dataset.duckdb`, { Range: 'bytes=0-99' });
    expect(database.status).toBe(206);
    expect(database.headers['content-encoding']).toBeUndefined();
    expect(database.body.length).toBe(100);
  });

  it('opens the dashboard on its data, with no console error', async () => {
    const watched = await openPage(browser(), site);
    await watched.page.goto(site);
    await watched.page.waitForFunction(() => performance.getEntriesByName('app:ready').length > 0, null, { timeout: 30_000 });
    const shown = await watched.page.locator('[data-figure="budget-adjusted"] .key-figure-value').innerText();
    expect(shown).toBe(formatMoney(expectedFigures(inject('dataDir')).budgetAdjusted, 'zh'));
    expectClean(watched);
  });

  function findAsset(pattern: RegExp): string {
    const files = readdirSync(join(dir, 'www/performance/assets'));
    const found = files.find((file) => pattern.test(file));
    if (!found) throw new Error(`no asset matches ${pattern}`);
    return found;
  }
});
