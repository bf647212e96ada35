/**
 * npm run bench:ingest — parses many copies of the bundled seeds (in memory, one core)
 * and prints reports/s and MB/s, the median of 5 runs: per second of wall time, and per
 * second of this process's CPU time (what one core does, whatever else the machine runs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../src/parser/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seeds = readdirSync(path.join(root, 'data/raw')).sort().map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(path.join(root, 'data/raw', n))) }));
const copies = Number(process.argv[2] ?? 400);
const runs = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Warm up the JIT so that the runs measure steady-state parsing.
for (const seed of seeds) parseReport(seed.bytes, seed.name);

const rates: { reports: number; mb: number; cpuReports: number }[] = [];
for (let run = 0; run < runs; run++) {
  let bytes = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (let copy = 0; copy < copies; copy++) {
    for (const seed of seeds) {
      parseReport(seed.bytes, `${copy}_${seed.name}`);
      bytes += seed.bytes.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  rates.push({ reports: (copies * seeds.length) / seconds, mb: bytes / 1e6 / seconds, cpuReports: (copies * seeds.length) / cpuSeconds });
}
console.log(`ingest: ${copies * seeds.length} reports per run, ${runs} runs`);
console.log(`median ${median(rates.map((r) => r.reports)).toFixed(0)} reports/s, ${median(rates.map((r) => r.mb)).toFixed(2)} MB/s`);
console.log(`per CPU second: median ${median(rates.map((r) => r.cpuReports)).toFixed(0)} reports/s`);
console.log(`runs: ${rates.map((r) => r.reports.toFixed(0)).join(', ')} reports/s (wall)`);
