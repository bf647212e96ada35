/**
 * npm run bench:import — issue 4's speed goal: importing 1,000 report files takes under 10 s.
 * Builds the production site, then in headless Chromium picks 1,000 report files (the five seeds
 * under 200 names each) in the import view, five times, each on a fresh page, and times the
 * click on 导入 to the 导入完成 message: worker parsing, checks, DuckDB load and IndexedDB. Also
 * times the parsing alone in Node for comparison.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importBenchSite } from './bench-site.ts';
import { prepareImport } from '../../src/lib/import/prepare-import.ts';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'test-output', 'bench-import-site');
const FILES = 1000;
const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const seedsDir = path.join(root, 'data/raw');
const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
const filesDir = mkdtempSync(path.join(tmpdir(), 'import-bench-'));
mkdirSync(filesDir, { recursive: true });
const files: string[] = [];
for (let i = 0; i < FILES; i++) {
  // A new name is a new report id (the file's stem); the content is one of the seeds.
  const target = path.join(filesDir, `bench_${String(i).padStart(4, '0')}_${seeds[i % seeds.length]}`);
  copyFileSync(path.join(seedsDir, seeds[i % seeds.length]), target);
  files.push(target);
}

// Parsing and checking alone, in Node (one thread, as in the worker).
const nodeRuns: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  await prepareImport(files.map((file) => ({ name: path.basename(file), load: async () => new Uint8Array(readFileSync(file)) })));
  nodeRuns.push(performance.now() - started);
}

const site = await importBenchSite(outDir);
const browserRuns: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const { page, close } = await site.openImportView();
    await page.getByTestId('import-input').setInputFiles(files);
    await page.getByTestId('import-selection').waitFor();
    const started = performance.now();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
    browserRuns.push(performance.now() - started);
    console.log(`run ${run + 1}: ${s(browserRuns[run])}`);
    // The summary re-queries once the data has changed: it must count every file.
    await page.waitForFunction((n) => document.querySelector('[data-origin="imported"] td[data-count="reports"]')?.textContent?.replace(/\D/g, '') === n,
      String(FILES), { timeout: 30_000 });
    await close();
  }
  console.log(`bench:import — ${FILES} report files (${seeds.length} seeds under ${FILES / seeds.length} names each), ${RUNS} runs`);
  console.log(`browser, click → 导入完成 (worker parse + checks + DuckDB + IndexedDB): median ${s(median(browserRuns))}  [${browserRuns.map(s).join(', ')}]  goal < 10 s`);
  console.log(`node, parse + checks only (prepareImport): median ${s(median(nodeRuns))}  [${nodeRuns.map(s).join(', ')}]`);
} finally {
  await site.close();
  rmSync(filesDir, { recursive: true, force: true });
}
