/**
 * Encodings are detected, not assumed: a seed re-encoded (GB18030, UTF-16 with BOM,
 * UTF-8 with BOM and CRLF, CR line ends) parses to exactly the tables of the original.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/parser/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const parse = (file: string) => parseReport(new Uint8Array(readFileSync(path.join(root, file))), path.basename(file));

/** The tables with the file's identity taken out. */
function content(report: ParsedReport) {
  const strip = <T extends object>(rows: T[]) => rows.map(({ report_id: _id, source_file: _file, ...rest }: any) => JSON.parse(JSON.stringify(rest).replaceAll(/"[^"]*#(\d+)"/g, '"#$1"')));
  return { reports: strip(report.reports), budget_lines: strip(report.budget_lines), indicators: strip(report.indicators), findings: strip(report.findings) };
}

describe('encodings and line ends', () => {
  it.each([
    ['test/parser/input/gb18030-encoding.txt', 'data/raw/000_4b75f8664dbcb524.txt', 'gb18030'],
    ['test/parser/input/utf16le-bom.txt', 'data/raw/003_dc77c382bdb3a624.txt', 'utf-16le'],
    ['test/parser/input/utf16be-bom.txt', 'data/raw/001_5411fd6863900e77.txt', 'utf-16be'],
    ['test/parser/input/utf8-bom-crlf.txt', 'data/raw/004_2c93dbd2e0833d26.txt', 'utf-8-bom'],
    ['test/parser/input/cr-line-ends.txt', 'data/raw/001_5411fd6863900e77.txt', 'utf-8'],
  ])('%s reads like %s', (fixture, seed, encoding) => {
    const reencoded = parse(fixture);
    expect(reencoded.encoding).toBe(encoding);
    expect(content(reencoded)).toEqual(content(parse(seed)));
  });

  it('reads UTF-16 without a BOM', () => {
    const text = readFileSync(path.join(root, 'data/raw/002_d677b793e52480fc.txt'), 'utf8');
    const report = parseReport(new Uint8Array(Buffer.from(text, 'utf16le')), 'no-bom.txt');
    expect(report.encoding).toBe('utf-16le');
    expect(report.reports[0].city).toBe('益阳市');
  });
});
