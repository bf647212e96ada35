/**
 * Builds the production site once, serves dist/ under /sub/path/ on 127.0.0.1 and provides
 * its URL and the data folder the build used to the browser tests.
 */
import { build } from 'vite';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { TestProject } from 'vitest/node';
import { resolveDataDir } from '../../src/build/data-dir.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    dataDir: string;
  }
}

let site: StaticSite | undefined;

/** The dataset as one DuckDB file in a storage version DuckDB-WASM 1.32 can attach. */
async function writeDatabaseFile(dataDir: string, path: string): Promise<void> {
  mkdirSync(resolve(path, '..'), { recursive: true });
  rmSync(path, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${path}' AS out (STORAGE_VERSION 'v1.0.0')`);
    for (const table of ['reports', 'budget_lines', 'indicators', 'findings']) {
      await connection.run(`CREATE TABLE out.${table} AS SELECT * FROM read_csv('${dataDir}/${table}.csv', header = true)`);
    }
    await connection.run('DETACH out');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  await writeDatabaseFile(resolveDataDir(), resolve(root, 'dist/e2e/dataset.duckdb'));
  site = await serveStatic(resolve(root, 'dist'));
  project.provide('siteUrl', site.url);
  project.provide('dataDir', resolveDataDir());
  return async () => {
    await site?.close();
  };
}
