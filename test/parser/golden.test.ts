/**
 * Golden tests: every file in test/parser/input (and every seed in data/raw) is parsed and
 * its whole normalized output compared with test/parser/output/<name>.json. A changed
 * output shows as a diff. A missing golden is written on a developer's machine (to be read
 * against the source before it is committed) and fails under CI=true.
 * Rewrite on purpose with UPDATE_GOLDEN=1.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportParseError } from '../../src/parser/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const inputs = [
  ...readdirSync(path.join(root, 'data/raw')).map((n) => path.join(root, 'data/raw', n)),
  ...readdirSync(path.join(root, 'test/parser/input')).map((n) => path.join(root, 'test/parser/input', n)),
].sort();

function outputOf(file: string): unknown {
  try {
    return parseReport(new Uint8Array(readFileSync(file)), path.basename(file));
  } catch (error) {
    if (error instanceof ReportParseError) return { error: error.message };
    throw error;
  }
}

describe('golden outputs', () => {
  it.each(inputs.map((f) => [path.basename(f), f]))('%s', (name, file) => {
    const golden = path.join(root, 'test/parser/output', `${name.replace(/\.[^.]+$/, '')}.json`);
    const actual = JSON.parse(JSON.stringify(outputOf(file)));
    if (process.env.UPDATE_GOLDEN === '1' || (!existsSync(golden) && process.env.CI !== 'true')) {
      writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
    }
    expect(existsSync(golden), `missing golden ${path.relative(root, golden)}`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});
