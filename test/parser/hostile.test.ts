/**
 * Hostile input: never a crash (an exception other than ReportParseError) and never a
 * hang; always a report or a clear error naming the file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportParseError } from '../../src/parser/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seedNames = readdirSync(path.join(root, 'data/raw')).sort();
const seeds = seedNames.map((n) => readFileSync(path.join(root, 'data/raw', n), 'utf8'));
const encode = (s: string) => new TextEncoder().encode(s);

/** Parses and returns 'report' or the error message; any other exception fails the test. */
function outcome(bytes: Uint8Array, name = 'hostile.txt'): string {
  try {
    parseReport(bytes, name);
    return 'report';
  } catch (error) {
    if (error instanceof ReportParseError) {
      expect(error.message.startsWith(name)).toBe(true);
      return error.message;
    }
    throw error;
  }
}

/** Small deterministic PRNG so that a failing mutation can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

describe('hostile input', () => {
  it('an empty file is refused by name', () => {
    expect(outcome(new Uint8Array(), 'empty.txt')).toMatch(/^empty\.txt: .*empty/);
  });

  it('a binary file is refused', () => {
    const random = prng(1);
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    expect(outcome(bytes, 'noise.bin')).toMatch(/binary|二进制|编码/);
  });

  it('a damaged .docx (a cut ZIP) is refused as damaged', () => {
    expect(outcome(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'report.docx')).toMatch(/^report\.docx: Word 文件已损坏.* damaged Word file/);
  });

  it('a text file with no table is refused', () => {
    expect(outcome(encode('这是一份普通的文字材料。\n没有表格。\n'), 'memo.txt')).toMatch(/no self-evaluation table/);
  });

  it('a table cut off midway still gives a report or a clear error', () => {
    for (const seed of seeds) {
      for (const fraction of [0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
        outcome(encode(seed.slice(0, Math.floor(seed.length * fraction))), 'cut.txt');
      }
    }
  });

  it('a table cut off after the indicators gives a report with a finding for the missing 总分', () => {
    const seed = seeds[0];
    const cut = seed.slice(0, seed.indexOf('\t总分'));
    const report = parseReport(encode(cut), 'cut.txt');
    expect(report.findings.some((f) => f.field === 'reports.declared_total_score')).toBe(true);
  });

  it('a 50 MB text file is handled in bounded time', () => {
    const big = seeds[2].repeat(Math.ceil((50 * 1024 * 1024) / encode(seeds[2]).length));
    const started = performance.now();
    const result = outcome(encode(big), 'big.txt');
    expect(typeof result).toBe('string');
    // A hang detector (a few seconds on an idle machine), not a benchmark: see bench:ingest.
    expect(performance.now() - started).toBeLessThan(90_000);
  }, 120_000);

  it('random mutations of the seeds never crash or hang', () => {
    const random = prng(42);
    const alphabet = ['\t', '\n', '\n\n', '\u3000', '总分', '绩效指标', '项目资金', '≥', '10', '……', '|', '\r', '年度资金总额'];
    for (let round = 0; round < 400; round++) {
      const seed = seeds[round % seeds.length];
      let text = seed;
      const edits = 1 + Math.floor(random() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * text.length);
        const kind = random();
        if (kind < 0.4) text = text.slice(0, at) + text.slice(at + Math.floor(random() * 200));
        else if (kind < 0.8) text = text.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at, at + 300) + text.slice(at);
      }
      outcome(encode(text), `mutation-${round}.txt`);
    }
  }, 60_000);
});
