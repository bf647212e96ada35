/**
 * Builds the production site once, serves dist/ under /sub/path/ on 127.0.0.1 and provides
 * its URL and the data folder the build used to the browser tests.
 */
import { build } from 'vite';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeDuckdbFile } from '../../src/cli/duckdb-file.ts';
import { generate, parseArgs } from '../../src/cli/generate.ts';
import { copyFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';
import { resolveDataDir } from '../../src/build/data-dir.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The same site served with no Content-Security-Policy header (a plain static server). */
    plainSiteUrl: string;
    /** The same site from a server that answers no byte ranges and sends `.duckdb` files slowly (~256 KB/s). */
    rangelessSiteUrl: string;
    dataDir: string;
    /** The built site's folder (served at siteUrl). */
    distDir: string;
  }
}

let site: StaticSite | undefined;
let plainSite: StaticSite | undefined;
let rangelessSite: StaticSite | undefined;

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  // A build folder of this run's own, so that two test runs never overwrite each other's site.
  const outDir = resolve(root, 'test-output', `site-${process.pid}`);
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  mkdirSync(resolve(outDir, 'e2e'), { recursive: true });
  await writeDuckdbFile(resolveDataDir(), resolve(outDir, 'e2e/dataset.duckdb'));
  // A larger file (3,000 generated reports, ~4 MB), of which the overview reads a part: the
  // range-read test opens views that need more of it after the engine is locked.
  const generated = await mkdtemp(resolve(tmpdir(), 'e2e-generated-'));
  await generate(parseArgs(['--reports', '3000', '--format', 'duckdb', '--out', generated], root), () => {});
  copyFileSync(resolve(generated, 'current/fund-performance.duckdb'), resolve(outDir, 'e2e/generated.duckdb'));
  rmSync(generated, { recursive: true, force: true });
  site = await serveStatic(outDir);
  plainSite = await serveStatic(outDir, '/plain/', { cspHeader: false });
  rangelessSite = await serveStatic(outDir, '/rangeless/', { ranges: false, throttle: { pattern: /\.duckdb$/, bytesPerSecond: 256 * 1024 } });
  project.provide('siteUrl', site.url);
  project.provide('plainSiteUrl', plainSite.url);
  project.provide('rangelessSiteUrl', rangelessSite.url);
  project.provide('dataDir', resolveDataDir());
  project.provide('distDir', outDir);
  return async () => {
    await site?.close();
    await plainSite?.close();
    await rangelessSite?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
