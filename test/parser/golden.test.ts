/**
 * Golden tests: every file in test/parser/input, every seed in data/raw and every generated
 * fixture of test/parser/fixtures (real layouts rebuilt as .docx, .xlsx, .html and text) is
 * parsed, and its whole normalized output compared with test/parser/output/<stem>.json. A
 * changed output shows as a diff. A missing golden is written on a developer's machine (to be
 * read against its source before it is committed) and fails under CI=true.
 * Rewrite on purpose with UPDATE_GOLDEN=1.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile, ReportParseError } from '../../src/parser/index.ts';
import { FIXTURES } from './fixtures/index.ts';
import { LAYOUTS } from './fixtures/layouts.ts';
import { isTable, raggedRows } from './fixtures/spec.ts';

const root = path.resolve(import.meta.dirname, '../..');
const inputs: [string, () => Uint8Array][] = [
  ...readdirSync(path.join(root, 'data/raw')).map((n) => path.join(root, 'data/raw', n)),
  ...readdirSync(path.join(root, 'test/parser/input')).map((n) => path.join(root, 'test/parser/input', n)),
].sort().map((file) => [path.basename(file), () => new Uint8Array(readFileSync(file))]);
const generated: [string, () => Uint8Array][] = FIXTURES.map((f) => [f.file, f.bytes]);

/**
 * A file of one table gives its report (or its refusal) as it always has; a file of several
 * gives each table's report and each refusal.
 */
export function outputOf(bytes: Uint8Array, name: string): unknown {
  try {
    const parsed = parseReportFile(bytes, name);
    if (parsed.reports.length === 1 && parsed.refusals.length === 0) return parsed.reports[0];
    if (parsed.reports.length === 0 && parsed.refusals.length === 1) return { error: parsed.refusals[0].message };
    return { reports: parsed.reports, refusals: parsed.refusals.map((e) => e.message) };
  } catch (error) {
    if (error instanceof ReportParseError) return { error: error.message };
    throw error;
  }
}

describe('golden outputs', () => {
  it.each([...inputs, ...generated])('%s', (name, bytes) => {
    const golden = path.join(root, 'test/parser/output', `${name.replace(/\.[^.]+$/, '')}.json`);
    const actual = JSON.parse(JSON.stringify(outputOf(bytes(), name)));
    if (process.env.UPDATE_GOLDEN === '1' || (!existsSync(golden) && process.env.CI !== 'true')) {
      writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
    }
    expect(existsSync(golden), `missing golden ${path.relative(root, golden)}`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('every golden belongs to an input or a fixture', () => {
    const stems = new Set([...inputs, ...generated].map(([name]) => name.replace(/\.[^.]+$/, '')));
    const orphans = readdirSync(path.join(root, 'test/parser/output')).filter((n) => n.endsWith('.json') && !stems.has(n.slice(0, -5)));
    expect(orphans).toEqual([]);
  });

  it('every layout spec is a grid: each row, merges placed, reaches the table\'s full width', () => {
    for (const layout of LAYOUTS) {
      for (const block of layout.blocks.filter(isTable)) expect(raggedRows(block), layout.name).toEqual([]);
    }
  });
});
