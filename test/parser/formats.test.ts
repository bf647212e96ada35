/**
 * Every reader on the same table: each real layout's spec rendered as .docx, .xlsx (numbers
 * stored as numbers), .html (UTF-8 and GBK) — and, where text can know its merges, as Word's
 * table flattened to text and as pipe text — must give the same reports, figure for figure.
 * Only what names a position differs (lines, source_ref, the format and encoding).
 */
import { describe, expect, it } from 'vitest';
import { parseReportFile, type ParsedFile } from '../../src/parser/index.ts';
import { toDocx, toHtml, toPipe, toTabText, toXlsx } from './fixtures/formats.ts';
import { LAYOUTS } from './fixtures/layouts.ts';

const POSITIONAL = new Set(['line', 'level3_line', 'source_line', 'source_ref', 'source_format', 'source_file', 'encoding']);

/** The reports of a file without what says where in the file a value stands. */
function figures(parsed: ParsedFile): unknown {
  return JSON.parse(JSON.stringify({ reports: parsed.reports, refusals: parsed.refusals.map((e) => e.message.replace(/^[^:]*:[^:]*: /, '')) }, (key, value) => (POSITIONAL.has(key) ? undefined : value)));
}

const PRINTED = new Set(['target_text', 'actual_text', 'message', 'expected', 'found']);
const withoutPrintedTexts = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (PRINTED.has(key) ? undefined : v)));

const parse = (bytes: Uint8Array, ext: string, stem: string) => parseReportFile(bytes, `${stem}.${ext}`);

describe.each(LAYOUTS.filter((l) => parse(toDocx(l), 'docx', l.name).reports.length > 0).map((l) => [l.name, l] as const))('%s in every format', (_name, layout) => {
  const stem = layout.name;
  const reference = figures(parse(toDocx(layout), 'docx', stem));

  it('reads the same from .xlsx, with numbers stored as numbers', () => {
    expect(figures(parse(toXlsx(layout), 'xlsx', stem))).toEqual(reference);
    // A number stored as one shows as it is stored (`100.00%` typed in Excel is 1 formatted 0.00%, read `100%`): the same values, another text.
    const typed = figures(parse(toXlsx(layout, { typedNumbers: true }), 'xlsx', stem));
    expect(withoutPrintedTexts(typed)).toEqual(withoutPrintedTexts(reference));
  });

  it('reads the same from .html, UTF-8 and GBK', () => {
    expect(figures(parse(toHtml(layout), 'html', stem))).toEqual(reference);
    expect(figures(parse(toHtml(layout, { charset: 'gbk' }), 'htm', stem))).toEqual(reference);
  });

  it.runIf(layout.textFaithful === 'both')('reads the same from Word\'s table flattened to text', () => {
    expect(figures(parse(toTabText(layout), 'txt', stem))).toEqual(reference);
  });

  it.runIf(layout.textFaithful !== 'none')('reads the same from pipe text (with and without the outer pipes)', () => {
    expect(figures(parse(toPipe(layout), 'txt', stem))).toEqual(reference);
    expect(figures(parse(toPipe(layout, { bare: true }), 'txt', stem))).toEqual(reference);
  });
});
