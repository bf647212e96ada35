/**
 * npm run bench:import-scale [-- DIR] — issue 18's "imports at size": imports the four contract
 * CSVs of DIR (default: a 15,000-report set generated with `npm run generate`, ~80 MB, ~200,000
 * indicators) in headless Chromium, three times on fresh pages, and prints the time from the click
 * on 导入 to 导入完成 and the peak memory (RSS) of the browser's processes meanwhile: the largest
 * one (the page's renderer, where the import worker and DuckDB-WASM's worker run) and all of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { importBenchSite } from './bench-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

let dir = process.argv[2];
if (!dir) {
  const out = path.join(root, 'data/generated/bench-import');
  dir = path.join(out, 'current');
  if (!existsSync(path.join(dir, 'indicators.csv'))) {
    execFileSync('npm', ['run', 'generate', '--', '--reports', '15000', '--format', 'csv', '--out', out], { cwd: root, stdio: 'inherit' });
  }
}
const files = readdirSync(dir).filter((name) => name.endsWith('.csv')).sort().map((name) => path.join(dir, name));
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);

/** RSS (KB) of every process below this one: the browser and its children. */
function browserRss(): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' }).trim().split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const below = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of rows) if (below.has(ppid) && !below.has(pid)) {
      below.add(pid);
      grew = true;
    }
  }
  return rows.filter(([pid]) => pid !== process.pid && below.has(pid)).map(([, , rss]) => rss);
}

const site = await importBenchSite(path.join(root, 'test-output', 'bench-import-scale-site'));
const times: number[] = [];
const largest: number[] = [];
const totals: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const { page, close } = await site.openImportView();
    await page.getByTestId('import-input').setInputFiles(files);
    const before = Math.max(...browserRss());
    let peakOne = 0;
    let peakAll = 0;
    const sampler = setInterval(() => {
      const rss = browserRss();
      peakOne = Math.max(peakOne, ...rss);
      peakAll = Math.max(peakAll, rss.reduce((a, b) => a + b, 0));
    }, 250);
    const started = performance.now();
    await page.getByTestId('import-start').click();
    const outcome = await Promise.race([
      page.getByTestId('import-done').waitFor({ timeout: 900_000 }).then(() => 'done'),
      page.getByTestId('import-error').waitFor({ timeout: 900_000 }).then(async () => `failed: ${await page.getByTestId('import-error').innerText()}`),
    ]);
    clearInterval(sampler);
    if (outcome !== 'done') throw new Error(outcome);
    times.push(performance.now() - started);
    largest.push(peakOne);
    totals.push(peakAll);
    console.log(`run ${run + 1}: ${(times[run] / 1000).toFixed(1)} s, largest process ${mb(peakOne)} (${mb(before)} before the import), all ${mb(peakAll)}`);
    await close();
  }
  console.log(`bench:import-scale — ${files.length} CSV files, ${Math.round(bytes / 2 ** 20)} MiB, from ${dir}; ${RUNS} runs`);
  console.log(`click → 导入完成: median ${(median(times) / 1000).toFixed(1)} s; peak RSS, largest browser process: median ${mb(median(largest))}; all browser processes: median ${mb(median(totals))}`);
} finally {
  await site.close();
}
