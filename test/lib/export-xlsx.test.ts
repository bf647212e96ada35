/**
 * The Excel export: a valid zip holding one worksheet per table, read back by an independent
 * reader (read-excel-file) as the same rows; numbers stay numbers, text never becomes a formula
 * (and is neutralized as in the CSV export), text beyond Excel's limit is cut into valid XML,
 * sheet names are made acceptable to Excel.
 */
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnLetter, CUT_MARK, cutCellText, escapeXml, sheetNames, workbookFiles, xlsxBlob, xlsxBytes } from '../../src/lib/export/xlsx.ts';

const reports = {
  name: '报告',
  columns: ['report_id', 'city', 'budget_adjusted', 'execution_rate', 'note'],
  rows: [
    { report_id: '002_d677', city: '益阳市', budget_adjusted: 593.04, execution_rate: 1, note: '=1+1' },
    { report_id: '000_4b75', city: '株洲市', budget_adjusted: 516, execution_rate: null, note: '<b>&"\u0001' },
  ],
};
/**
 * What a strict XML parser would refuse, found by a tolerant scan: an `&` that starts no entity,
 * a `<` in text, tags that do not nest, and characters lost on the way (a lone surrogate, or the
 * U+FFFD that UTF-8 encoding puts in its place).
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(xml)) problems.push('& that starts no entity');
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(xml)) problems.push('lone surrogate');
  if (xml.includes('\ufffd')) problems.push('U+FFFD');
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  if (body.replace(/<[^<>]*>/g, '').includes('<')) problems.push('< in text');
  const open: string[] = [];
  for (const [, close, name, empty] of body.matchAll(/<(\/?)([\w:]+)[^<>]*?(\/?)>/g)) {
    if (empty) continue;
    if (!close) open.push(name);
    else if (open.pop() !== name) problems.push(`</${name}> closes no open tag`);
  }
  if (open.length > 0) problems.push(`<${open.join('>, <')}> left open`);
  return problems;
}

const findings = { name: '数据问题', columns: ['code', 'line'], rows: [{ code: 'TOTAL_SCORE_MISMATCH', line: 124 }] };

describe('xlsx export', () => {
  it('is a zip with the workbook parts and one worksheet per table', async () => {
    const bytes = await xlsxBytes([reports, findings]);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4"
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml',
      'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml',
    ]);
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect(workbook).toContain('<sheet name="报告" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain('<sheet name="数据问题" sheetId="2" r:id="rId2"/>');
  });

  it('reads back as the same rows with an independent reader', async () => {
    const sheets = await readXlsxFile(Buffer.from(await xlsxBytes([reports, findings])));
    expect(sheets.map((s) => s.sheet)).toEqual(['报告', '数据问题']);
    expect(sheets[0].data).toEqual([
      reports.columns,
      ['002_d677', '益阳市', 593.04, 1, "'=1+1"],
      ['000_4b75', '株洲市', 516, null, '<b>&"'],
    ]);
    expect(sheets[1].data).toEqual([['code', 'line'], ['TOTAL_SCORE_MISMATCH', 124]]);
  });

  it('writes text as inline strings (never formulas, neutralized as in the CSV) and numbers as numbers', () => {
    const sheet = workbookFiles([reports])['xl/worksheets/sheet1.xml'];
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<c r="E2" t="inlineStr"><is><t xml:space="preserve">\'=1+1</t></is></c>');
    expect(sheet).toContain('<c r="C2"><v>593.04</v></c>');
    expect(sheet).not.toContain('r="D3"'); // a blank is no cell at all
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">'); // bold header
    expect(sheet).toContain('state="frozen"');
  });

  it('neutralizes a formula in a header (a SQL alias) and behind white space or full-width signs', async () => {
    const header = '=HYPERLINK("http://x","y")';
    const audit = ['＝1+1', ' =1+1', '\n=1+1', '\u0001=1+1'];
    const table = { name: 'SQL', columns: [header, 'n'], rows: audit.map((text, k) => ({ [header]: text, n: k })) };
    const sheet = workbookFiles([table])['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">\'=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>');
    const [read] = await readXlsxFile(Buffer.from(await xlsxBytes([table])));
    expect(read.data.map((row) => row[0])).toEqual([`'${header}`, "'＝1+1", "' =1+1", "'\n=1+1", "'=1+1"]);
  });

  it('keeps numbers numbers, and text that is exactly a signed number as it is', async () => {
    const table = { name: 't', columns: ['number', 'text'], rows: [{ number: -810.24, text: '-3.5%' }, { number: -5, text: '-2+3' }] };
    const sheet = workbookFiles([table])['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="A2"><v>-810.24</v></c>');
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">-3.5%</t></is></c>');
    const [read] = await readXlsxFile(Buffer.from(await xlsxBytes([table])));
    expect(read.data.slice(1)).toEqual([[-810.24, '-3.5%'], [-5, "'-2+3"]]);
  });

  it('cuts a long text to 32,767 UTF-16 units before escaping, never inside an emoji, and marks the cut', async () => {
    const emoji = '😀';
    const long = [
      '&'.repeat(32_765) + emoji + '&'.repeat(40_000 - 32_767), // the emoji straddles the cut
      '&'.repeat(32_764) + emoji + '&'.repeat(40_000 - 32_766), // the emoji ends just before it
      'x'.repeat(32_766) + emoji + 'x'.repeat(40_000 - 32_768), // where the cut fell after escaping
      '=' + '&'.repeat(39_999), // the guard counts towards the limit
    ];
    const expected = [
      '&'.repeat(32_765) + CUT_MARK, '&'.repeat(32_764) + emoji + CUT_MARK, 'x'.repeat(32_766) + CUT_MARK,
      "'=" + '&'.repeat(32_764) + CUT_MARK,
    ];
    // Lengths and ends first: a failure that prints 32,767 characters helps no one.
    const ends = (texts: unknown[]) => texts.map((text) => [String(text).length, String(text).slice(-3)]);
    expect(long.map((text) => text.length)).toEqual([40_000, 40_000, 40_000, 40_000]);
    expect(ends(expected)).toEqual([[32_766, '&&…'], [32_767, '😀…'], [32_767, 'xx…'], [32_767, '&&…']]);
    expect(ends(long.slice(0, 3).map(cutCellText))).toEqual(ends(expected.slice(0, 3)));

    const table = { name: 'long', columns: ['text'], rows: long.map((text) => ({ text })) };
    const bytes = await xlsxBytes([table]);
    expect(xmlProblems(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']))).toEqual([]);
    const [read] = await readXlsxFile(Buffer.from(bytes));
    const cells = read.data.slice(1).map((row) => row[0]);
    expect(ends(cells)).toEqual(ends(expected));
    expect(cells.map((cell, k) => cell === expected[k])).toEqual([true, true, true, true]);
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml('<a & "b">\u0000\u0008\t')).toBe('&lt;a &amp; &quot;b&quot;&gt;\t');
  });

  it('names columns A…Z, AA… and makes sheet names valid and unique', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sheetNames(['a/b:c', 'x'.repeat(40), 'Data', 'data', ''])).toEqual(['a_b_c', 'x'.repeat(31), 'Data', 'data_2', 'Sheet5']);
  });

  it('makes a Blob of the spreadsheet type', async () => {
    const blob = await xlsxBlob([findings]);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(blob.size).toBeGreaterThan(500);
  });
});
