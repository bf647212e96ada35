/**
 * The audit's fuzzer, kept (issue 16): over 10,000 mutations of the bundled reports and of the
 * real-layout fixtures, the parser never crashes, never hangs, and never lets an impossible figure
 * through without its finding. The four wrong outputs the audit found count as failures:
 * - negative money without NEGATIVE_AMOUNT;
 * - a figure's cell turned to junk, read as blank without FIELD_INVALID (nor a refusal);
 * - a budget score above its points without SCORE_EXCEEDS_WEIGHT;
 * - more executed than budgeted without EXECUTION_OVER_BUDGET.
 * Deterministic (a seeded generator): a failure names its round, which replays it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile, ReportParseError, type ParsedReport } from '../../src/parser/index.ts';
import { toPipe, toTabText } from './fixtures/formats.ts';
import { LAYOUTS } from './fixtures/layouts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const sources: string[] = [
  ...readdirSync(path.join(root, 'data/raw')).sort().map((n) => readFileSync(path.join(root, 'data/raw', n), 'utf8')),
  ...LAYOUTS.filter((l) => l.textFaithful !== 'none').flatMap((l) => [decode(toTabText(l)), decode(toPipe(l))]),
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

// (Not '-', '—' or '/': they say "nothing here", and are read as blank by design.)
const JUNK = ['abc', '12.34.56', 'NaN', 'Infinity', '1e308', '%', '10分分', '0x1F', '1,2,3', '1.5.', 'N/A'];
const INSERTS = ['\t', '\n', '\n\n', '\u3000', '|', '总分', '合计', '绩效指标', '项目资金（万元）', '≥', '-', '－', '……', '指标1', '年度资金总额'];
const NUMBER = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g;

interface Mutated {
  text: string;
  /** A figure's cell replaced by junk: its line (1-based), to be read as a finding or refused. */
  junkLine: number | null;
}

/** One to three edits: a number changed (negated, scaled, replaced by junk), a line dropped or doubled, text inserted. */
function mutate(text: string, random: () => number): Mutated {
  let out = text;
  let junkLine: number | null = null;
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const kind = random();
    const numbers = [...out.matchAll(NUMBER)];
    if (kind < 0.55 && numbers.length > 0) {
      const match = numbers[Math.floor(random() * numbers.length)];
      const at = match.index!;
      const how = random();
      const replacement = how < 0.3 ? `-${match[0]}` : how < 0.55 ? String(Number(match[0]) * (random() < 0.5 ? 100 : 0.01)) : how < 0.75 ? String(Number(match[0]) + 15) : JUNK[Math.floor(random() * JUNK.length)];
      // Junk standing alone in a TAB cell of the text (the whole cell replaced) is what FIELD_INVALID must name.
      const lineStart = out.lastIndexOf('\n', at) + 1;
      const lineEnd = out.indexOf('\n', at) < 0 ? out.length : out.indexOf('\n', at);
      const cellOnly = out.slice(lineStart, lineEnd).replace(/[\t\u3000 ]/g, '') === match[0];
      if (how >= 0.75 && cellOnly && out[lineStart] === '\t') junkLine = out.slice(0, at).split('\n').length;
      out = out.slice(0, at) + replacement + out.slice(at + match[0].length);
    } else if (kind < 0.7) {
      const lines = out.split('\n');
      const at = Math.floor(random() * lines.length);
      lines.splice(at, 1);
      out = lines.join('\n');
      junkLine = null; // line numbers moved
    } else if (kind < 0.85) {
      const lines = out.split('\n');
      const at = Math.floor(random() * lines.length);
      lines.splice(at, 0, lines[at]);
      out = lines.join('\n');
      junkLine = null;
    } else {
      const at = Math.floor(random() * out.length);
      out = out.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + out.slice(at);
      junkLine = null;
    }
  }
  return { text: out, junkLine };
}

const has = (report: ParsedReport, code: string, field?: string) => report.findings.some((f) => f.code === code && (field == null || f.field === field));

/** The wrong outputs of one report: an impossible figure without its finding. */
function wrongs(report: ParsedReport, junkLine: number | null): string[] {
  const out: string[] = [];
  const [row] = report.reports;
  for (const line of report.budget_lines) {
    for (const key of ['budget_initial', 'budget_adjusted', 'executed'] as const) {
      if ((line[key] ?? 0) < 0 && !has(report, 'NEGATIVE_AMOUNT', `budget_lines.${line.line}.${key}`)) out.push(`negative ${key} of ${line.line} without NEGATIVE_AMOUNT`);
    }
  }
  if (row.budget_score != null && row.budget_weight != null && row.budget_score > row.budget_weight + 0.001 && !has(report, 'SCORE_EXCEEDS_WEIGHT', 'reports.budget_score')) {
    out.push(`budget score ${row.budget_score} above ${row.budget_weight} without SCORE_EXCEEDS_WEIGHT`);
  }
  if (row.executed != null && row.budget_adjusted != null && row.budget_adjusted >= 0 && row.executed > row.budget_adjusted + 0.005 && !has(report, 'EXECUTION_OVER_BUDGET')) {
    out.push(`executed ${row.executed} above ${row.budget_adjusted} without EXECUTION_OVER_BUDGET`);
  }
  if (junkLine != null) {
    // Junk in a funding row's cell (the row's label and its six cells) must be named on that row.
    const line = report.budget_lines.find((l) => l.source_line < junkLine && junkLine <= l.source_line + 6);
    if (line && !report.findings.some((f) => f.code === 'FIELD_INVALID' && f.field?.startsWith(`budget_lines.${line.line}.`))) {
      out.push(`junk on line ${junkLine} of the ${line.line} row read as blank without FIELD_INVALID`);
    }
  }
  return out;
}

describe('the fuzzer', () => {
  it('10,000 mutations: no crash, no hang, no impossible figure without its finding', () => {
    const random = prng(20261207);
    const failures: string[] = [];
    let reports = 0;
    let refusals = 0;
    let slowest = 0;
    for (let round = 0; round < 10_000; round++) {
      const source = sources[round % sources.length];
      const { text, junkLine } = mutate(source, random);
      if (process.env.FUZZ_ROUND === String(round)) console.log(junkLine, JSON.stringify(text.split('\n').slice(Math.max(0, (junkLine ?? 1) - 12), (junkLine ?? 1) + 3)));
      const started = performance.now();
      try {
        const parsed = parseReportFile(encode(text), `fuzz-${round}.txt`);
        refusals += parsed.refusals.length;
        for (const report of parsed.reports) {
          reports++;
          for (const wrong of wrongs(report, junkLine)) failures.push(`round ${round}: ${wrong}`);
        }
      } catch (error) {
        if (!(error instanceof ReportParseError)) failures.push(`round ${round}: ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
        refusals++;
      }
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Some mutations leave a readable report, some are refused: the fuzzer exercises both.
    expect(reports).toBeGreaterThan(2_000);
    expect(refusals).toBeGreaterThan(500);
    // A hang detector, not a benchmark: a report parses in about a millisecond.
    expect(slowest).toBeLessThan(5_000);
  }, 180_000);
});
