/**
 * npm run bench:ingest — reports/s of the parser, one core, in memory, for each format it reads:
 * the bundled seeds as text, and the real-layout fixtures as .docx, .xlsx and .html (each
 * fixture in each format, so that the formats are compared on the same tables). Prints the
 * median of 5 runs per format, per second of wall time and per second of this process's CPU.
 * `BENCH_RUNS`, `BENCH_REPORTS` (reports a run, default 2,000) change the size.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseReportFile } from '../../src/parser/index.ts';
import { toDocx, toHtml, toXlsx } from '../parser/fixtures/formats.ts';
import { LAYOUTS } from '../parser/fixtures/layouts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const perRun = Number(process.env.BENCH_REPORTS ?? 2000);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const readable = LAYOUTS.filter((l) => parseReportFile(toDocx(l), `${l.name}.docx`).reports.length > 0);
const formats: Record<string, { name: string; bytes: Uint8Array }[]> = {
  text: readdirSync(path.join(root, 'data/raw')).sort().map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(path.join(root, 'data/raw', n))) })),
  // Written as Word writes them (run properties, text cut in runs, a narrative of several pages): real files' size.
  docx: readable.map((l) => ({ name: `${l.name}.docx`, bytes: toDocx(l, { wordLike: true }) })),
  xlsx: readable.map((l) => ({ name: `${l.name}.xlsx`, bytes: toXlsx(l, { typedNumbers: true }) })),
  html: readable.map((l) => ({ name: `${l.name}.html`, bytes: toHtml(l) })),
};

console.log(`ingest: ${perRun} reports a run, ${runs} runs, one core`);
console.log('format  reports/s (wall)  reports/s (CPU)  MB/s   files  KB a file');
for (const [format, files] of Object.entries(formats)) {
  const reportsPerPass = files.reduce((n, f) => n + parseReportFile(f.bytes, f.name).reports.length, 0); // also warms the JIT
  const passes = Math.max(1, Math.round(perRun / reportsPerPass));
  const wall: number[] = [];
  const cpu: number[] = [];
  const mb: number[] = [];
  for (let run = 0; run < runs; run++) {
    let bytes = 0;
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    for (let pass = 0; pass < passes; pass++) {
      for (const file of files) {
        parseReportFile(file.bytes, file.name);
        bytes += file.bytes.length;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpuStarted);
    wall.push((passes * reportsPerPass) / seconds);
    cpu.push((passes * reportsPerPass) / ((used.user + used.system) / 1e6));
    mb.push(bytes / 1e6 / seconds);
  }
  const size = files.reduce((n, f) => n + f.bytes.length, 0) / files.length / 1024;
  console.log(`${format.padEnd(7)} ${median(wall).toFixed(0).padStart(16)}  ${median(cpu).toFixed(0).padStart(15)}  ${median(mb).toFixed(1).padStart(5)}  ${String(files.length).padStart(5)}  ${size.toFixed(0).padStart(9)}`);
}
