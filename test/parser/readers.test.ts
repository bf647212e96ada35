/**
 * The readers, each on what real files of its format do: Word's nested tables, symbol-font signs,
 * deleted text and field codes; Excel's rich and phonetic strings, number formats and hidden
 * sheets; pages' charsets, unclosed cells and odd spans; and the formats refused with advice.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { rowCells, type GridDocument } from '../../src/parser/grid.ts';
import { readDocument } from '../../src/parser/readers/read-document.ts';
import { readDocx } from '../../src/parser/readers/docx.ts';
import { readHtml } from '../../src/parser/readers/html.ts';
import { readXlsx, workbookSheetNames } from '../../src/parser/readers/xlsx.ts';
import { decodeEntities, scanXml, XmlError } from '../../src/parser/readers/xml.ts';
import { ReportParseError } from '../../src/parser/types.ts';

// Every blank slot a reader makes is counted: what a sheet's extent costs, without a clock.
const blankSlots = vi.hoisted(() => ({ made: 0 }));
vi.mock('../../src/parser/grid.ts', async (original) => {
  const grid = await original<typeof import('../../src/parser/grid.ts')>();
  return { ...grid, emptyCell: (...args: Parameters<typeof grid.emptyCell>) => (blankSlots.made++, grid.emptyCell(...args)) };
});

const texts = (doc: GridDocument) => doc.rows.map((row) => rowCells(row).map((c) => c.text));
const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    if (error instanceof ReportParseError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('the XML tokenizer', () => {
  const events = (xml: string, skip?: Set<string>) => {
    const out: string[] = [];
    let inText = false;
    scanXml(xml, {
      skip,
      open: (tag) => {
        out.push(`<${tag.name}${tag.attr('v') != null ? ` v=${tag.attr('v')}` : ''}>`);
        inText = tag.name === 't';
      },
      close: (name) => {
        out.push(`</${name}>`);
        inText = false;
      },
      text: (text) => out.push(text),
      wantText: () => inText,
    });
    return out;
  };

  it('decodes entities in text and attributes, reads CDATA, skips comments and declarations', () => {
    expect(decodeEntities('&lt;&amp;&gt;&quot;&apos;&#x4E00;&#19968;&bogus;')).toBe('<&>"\'一一&bogus;');
    expect(events('<?xml version="1.0"?><!-- a > b --><a v="x&amp;y&gt;"><t>1 &lt; 2</t><t><![CDATA[<b>]]></t></a>'))
      .toEqual(['<a v=x&y>>', '<t>', '1 < 2', '</t>', '<t>', '<b>', '</t>', '</a>']);
  });

  it('finds a tag\'s end past a `>` inside a quoted value, single or double quotes', () => {
    expect(events(`<a v='1>2' w="3>4"/><b v="ok"></b>`)).toEqual(['<a v=1>2>', '</a>', '<b v=ok>', '</b>']);
  });

  it('reads an attribute by its whole name only', () => {
    const seen: (string | undefined)[] = [];
    scanXml('<w:x w:valOther="no" w:val = "yes"/><y a=" w:val=\'no\'" w:val="yes"/>', { open: (t) => seen.push(t.attr('w:val'), t.attr('w:va')), close() {}, text() {}, wantText: () => false });
    expect(seen).toEqual(['yes', undefined, 'yes', undefined]);
  });

  it('looks for an attribute inside its own tag only: an absent one costs the tag, not the rest of the part', () => {
    // A string that counts the characters its searches pass over: the tokenizer's work, without a clock.
    class Counted extends String {
      work = 0;
      override indexOf(search: string, from = 0): number {
        const at = super.indexOf(search, from);
        this.work += (at < 0 ? this.length : at + search.length) - from;
        return at;
      }
      override charCodeAt(index: number): number {
        this.work++;
        return super.charCodeAt(index);
      }
      override startsWith(search: string, from = 0): boolean {
        this.work += search.length;
        return super.startsWith(search, from);
      }
    }
    const cells = (n: number) => {
      let xml = '<sheetData>';
      for (let r = 1; r <= n; r++) xml += `<row r="${r}"><c r="A${r}" s="1"><v>${r}</v></c></row>`;
      return new Counted(`${xml}</sheetData>`);
    };
    const types: (string | undefined)[] = [];
    const work = (xml: Counted) => {
      scanXml(xml as unknown as string, { open: (tag) => tag.name === 'c' && types.push(tag.attr('t'), tag.attr('s')), close() {}, text() {}, wantText: () => false });
      return xml.work / xml.length;
    };
    const small = work(cells(500));
    const large = work(cells(4000));
    expect(types.filter((t) => t === '1')).toHaveLength(4500);
    expect(types.filter((t) => t === undefined)).toHaveLength(4500);
    // Work per character stays the same when the sheet grows eightfold (a search to the part's end would grow with it).
    expect(large).toBeLessThan(small * 1.5);
    expect(large).toBeLessThan(10);
  });

  it('jumps over the elements asked to be skipped, with whatever they hold', () => {
    expect(events('<p><rPr><b/><x></x></rPr><t>a</t></p>', new Set(['rPr']))).toEqual(['<p>', '<t>', 'a', '</t>', '</p>']);
  });

  it('refuses mismatched and unclosed tags, naming the line', () => {
    const error = (xml: string) => {
      try {
        events(xml);
      } catch (e) {
        return e instanceof XmlError ? `${e.line}: ${e.message}` : String(e);
      }
      return 'read';
    };
    expect(error('<a>\n<b>\n</a>')).toBe('3: </a> closes <b>');
    expect(error('<a><b></b>')).toBe('1: <a> is not closed');
    expect(error('<a v="1"')).toMatch(/not closed/);
    expect(error('<a><</a>')).toMatch(/no name|not closed/);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const docx = (body: string) => zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) });
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;

describe('.docx', () => {
  it('numbers every paragraph, in cells too, and gives each cell its table, row, column and paragraph', () => {
    const doc = readDocx(docx(`${p('标题')}<w:tbl><w:tr>${tc(p('甲'))}${tc(p('乙') + p('丙'))}</w:tr></w:tbl>${p('尾')}`), 'a.docx');
    expect(doc.paragraphs.map((x) => [x.text, x.line, x.beforeRow])).toEqual([['标题', 1, 0], ['尾', 5, 1]]);
    expect(texts(doc)).toEqual([['甲', '乙丙']]);
    expect(doc.rows[0].slots.map((c) => c.ref)).toEqual(['T1.R1.C1 ¶2', 'T1.R1.C2 ¶3']);
  });

  it('reads merges across (gridSpan, the old hMerge) and down (vMerge), and a row starting late (gridBefore)', () => {
    const doc = readDocx(docx(`<w:tbl>
      <w:tr>${tc(p('A'), '<w:gridSpan w:val="2"/>')}${tc(p('B'), '<w:vMerge w:val="restart"/>')}</w:tr>
      <w:tr>${tc(p('C'), '<w:hMerge w:val="restart"/>')}${tc(p(''), '<w:hMerge/>')}${tc('<w:p/>', '<w:vMerge/>')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('D'))}${tc(p('E'))}</w:tr>
    </w:tbl>`), 'm.docx');
    expect(doc.rows.map((r) => r.slots.map((c) => c.text))).toEqual([['A', 'A', 'B'], ['C', 'C', 'B'], ['', 'D', 'E']]);
    expect(doc.rows[1].continued).toEqual([false, false, true]);
    expect(doc.rows[0].slots[2].rowSpan).toBe(2);
  });

  it('reads a nested table as a table of its own, apart from the cell around it', () => {
    const doc = readDocx(docx(`<w:tbl><w:tr>${tc(p('外') + `<w:tbl><w:tr>${tc(p('内1'))}${tc(p('内2'))}</w:tr></w:tbl>`)}</w:tr></w:tbl>`), 'n.docx');
    expect(doc.tableCount).toBe(2);
    expect(texts(doc)).toEqual([['内1', '内2'], ['外']]);
    expect(doc.rows.map((r) => r.table)).toEqual([1, 0]);
  });

  it('reads symbol-font signs and line breaks, and leaves out deleted text, field codes and alternate renderings', () => {
    const body = `<w:p><w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>95%</w:t><w:br/><w:t>年底</w:t></w:r>`
      + `<w:del><w:r><w:delText>旧值</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>`
      + `<mc:AlternateContent><mc:Choice><w:r><w:t>甲</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>甲</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`;
    const doc = readDocx(docx(`<w:tbl><w:tr>${tc(body)}</w:tr></w:tbl>`), 's.docx');
    expect(doc.rows[0].slots[0].raw).toBe('≥95%\n年底甲');
  });

  it('reads a content control showing its placeholder as blank, and one filled in as its text', () => {
    const control = (props: string, text: string) => `<w:sdt><w:sdtPr>${props}</w:sdtPr><w:sdtContent><w:r><w:t>${text}</w:t></w:r></w:sdtContent></w:sdt>`;
    const cells = [
      `<w:p>${control('<w:showingPlcHdr/>', '单击或点击此处输入文字。')}</w:p>`,
      `<w:p>${control('<w:alias w:val="实际完成值"/>', '5个')}</w:p>`,
      `<w:p><w:r><w:t>约</w:t></w:r>${control('<w:showingPlcHdr w:val="false"/>', '8个')}</w:p>`,
      `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>输入日期</w:t></w:r></w:p><w:p>${control('', '内')}</w:p></w:sdtContent></w:sdt>`,
    ];
    const doc = readDocx(docx(`<w:tbl><w:tr>${cells.map((c) => tc(c)).join('')}</w:tr></w:tbl>${p('后')}`), 'c.docx');
    expect(texts(doc)).toEqual([['', '5个', '约8个', '']]);
    expect(doc.paragraphs.map((x) => x.text)).toEqual(['后']);
  });

  it('refuses a Word file whose document part is damaged, or missing, by name', () => {
    expect(refusal(() => readDocx(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:body></w:document>') }), 'bad.docx')))
      .toMatch(/^bad\.docx: 文件内部的 word\/document\.xml 不是有效的 XML（第 1 行.*closes/);
    expect(refusal(() => readDocx(zipSync({ 'other.xml': strToU8('<a/>') }), 'x.docx'))).toMatch(/缺少 word\/document\.xml/);
  });
});

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
function workbook(sheets: { name: string; xml: string; hidden?: boolean }[], shared: string[], styles = ''): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(`<workbook ${SHEET_NS}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.hidden ? ' state="hidden"' : ''}/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships>${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    'xl/sharedStrings.xml': strToU8(`<sst ${SHEET_NS}>${shared.join('')}</sst>`),
    'xl/styles.xml': strToU8(`<styleSheet ${SHEET_NS}>${styles}</styleSheet>`),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet ${SHEET_NS}>${s.xml}</worksheet>`)));
  return zipSync(files);
}

describe('.xlsx', () => {
  const styles = '<numFmts><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="165"/><xf numFmtId="164"/></cellXfs>';

  it('reads values as stored: numbers without float noise, percentages and dates by their format, strings rich or inline', () => {
    const sheet = '<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2"><v>37.240000000000002</v></c><c r="D2" s="1"><v>0.8619</v></c><c r="E2" s="2"><v>44926</v></c>'
      + '<c r="F2" s="3"><v>12</v></c><c r="G2" t="inlineStr"><is><t>行内</t></is></c><c r="H2" t="b"><v>1</v></c><c r="I2" t="str"><f>A1</f><v>公式值</v></c></row></sheetData>';
    const doc = readXlsx(workbook([{ name: '自评表', xml: sheet }], ['<si><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふりがな</t></rPh></si>'], styles), 'v.xlsx');
    expect(texts(doc)).toEqual([['', '富文本', '37.24', '86.19%', '2022-12-31', '12', '行内', 'TRUE', '公式值']]);
    expect(doc.rows[0].slots[1].ref).toBe("'自评表'!B2");
    expect(doc.rows[0].line).toBe(2);
  });

  it('reads a sheet of 200,000 filled cells (a ledger under the table) without running out of stack', () => {
    let xml = '<sheetData>';
    for (let r = 1; r <= 25_000; r++) {
      xml += `<row r="${r}">`;
      for (const c of 'ABCDEFGH') xml += `<c r="${c}${r}"><v>${r}</v></c>`;
      xml += '</row>';
    }
    const doc = readXlsx(workbook([{ name: 'S', xml: `${xml}</sheetData>` }], []), 'big.xlsx');
    expect(doc.rows).toHaveLength(25_000);
    expect(doc.rows[24_999].slots.map((c) => c.text)).toEqual(Array(8).fill('25000'));
  });

  it('reads the East Asian built-in date formats (27–36, 50–58, written without a <numFmt>) as dates', () => {
    const ids = [27, 31, 36, 50, 57, 58];
    const styles = `<cellXfs><xf numFmtId="0"/>${ids.map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs>`;
    const row = ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>44895</v></c>`).join('');
    const doc = readXlsx(workbook([{ name: 'S', xml: `<sheetData><row r="1">${row}<c r="H1"><v>44895</v></c></row></sheetData>` }], [], styles), 'd.xlsx');
    expect(texts(doc)).toEqual([[...ids.map(() => '2022-11-30'), '', '44895']]);
  });

  it('reads a number at the magnitude its format shows: a literal decimal point (元 shown as 万元), commas that divide by 1,000, a dash', () => {
    const codes = ['0!.0000', '0&quot;.&quot;0000', '0\\.0000', '0!.0,', '0.0,', '#,##0,,', '#,##0.00,&quot;千元&quot;', '000-0000', '0!.0000;[Red]0!.0000', '[&gt;=10000]0!.0000&quot;万&quot;;0'];
    const styles = `<numFmts>${codes.map((c, i) => `<numFmt numFmtId="${170 + i}" formatCode="${c}"/>`).join('')}</numFmts><cellXfs><xf numFmtId="0"/>${codes.map((_, i) => `<xf numFmtId="${170 + i}"/>`).join('')}</cellXfs>`;
    const values = ['3000000', '2660000', '1234567.89', '123456', '12345', '2660000', '12345', '1234567', '-2800000', '3000000'];
    const row = values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>${v}</v></c>`).join('');
    const small = '<c r="A2" s="10"><v>9999</v></c><c r="B2" s="1"><v>300</v></c><c r="C2" s="1"><v>0</v></c>';
    const doc = readXlsx(workbook([{ name: 'S', xml: `<sheetData><row r="1">${row}</row><row r="2">${small}</row></sheetData>` }], [], styles), 'f.xlsx');
    expect(texts(doc)).toEqual([
      ['300.0000', '266.0000', '123.4568', '12.3', '12.345', '2.66', '12.345', '123-4567', '-280.0000', '300.0000'],
      ['9999', '0.0300', '0.0000', '', '', '', '', '', '', ''],
    ]);
  });

  it('refuses a cell whose format places digits in a way that cannot be made certain, naming the cell and the format', () => {
    const styles = '<numFmts><numFmt numFmtId="170" formatCode="#,##0!.0000"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs>';
    const sheet = '<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>资金</t></is></c><c r="B3" s="1"><v>30000000</v></c></row></sheetData>';
    expect(refusal(() => readXlsx(workbook([{ name: '自评表', xml: sheet }], [], styles), 'g.xlsx')))
      .toMatch(/^g\.xlsx: 单元格 '自评表'!B3 的数字格式“#,##0!\.0000”改变了所显示的数字.*存储值 30000000/);
  });

  it('leaves hidden rows and columns out, as the printed sheet does: cells move left, merges keep the part shown', () => {
    const sheet = '<cols><col min="2" max="2" width="9" hidden="1"/><col min="4" max="4" width="0" customWidth="1"/></cols><sheetData>'
      + '<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>旧列</t></is></c><c r="C1" t="inlineStr"><is><t>分值</t></is></c><c r="D1"><v>7</v></c><c r="E1" t="inlineStr"><is><t>得分</t></is></c></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>满意度</t></is></c><c r="C2"><v>10</v></c><c r="E2"><v>9</v></c></row>'
      + '<row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>旧：投诉率</t></is></c><c r="C3"><v>5</v></c><c r="E3"><v>5</v></c></row>'
      + '<row r="4" ht="0" customHeight="1"><c r="A4" t="inlineStr"><is><t>旧：回访率</t></is></c><c r="C4"><v>5</v></c></row>'
      + '<row r="5"><c r="B5" t="inlineStr"><is><t>合并</t></is></c><c r="C5"><v>3</v></c></row>'
      + '<row r="6"><c r="C6"><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="A2:A3"/><mergeCell ref="B5:B6"/><mergeCell ref="A5:A6"/><mergeCell ref="E3:E4"/></mergeCells>';
    const doc = readXlsx(workbook([{ name: 'S', xml: sheet }], []), 'h.xlsx');
    expect(texts(doc)).toEqual([['指标', '分值', '得分'], ['满意度', '10', '9'], ['', '3', ''], ['', '2', '']]);
    expect(doc.rows.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    expect(doc.rows[0].slots.map((c) => c.ref)).toEqual(['S!A1', 'S!C1', 'S!E1']);
    expect(doc.rows[1].slots[0].rowSpan).toBe(1);
    expect(doc.rows[3].continued).toEqual([true, false, false]);
  });

  describe('a sheet is as large as its text, not as its farthest cell', () => {
    const table = '<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>资金</t></is></c><c r="B2"><v>3</v></c><c r="C2"><v>4</v></c></row>';
    const read = (extra: string, mergeCells = '') => {
      blankSlots.made = 0;
      const doc = readXlsx(workbook([{ name: 'S', xml: `<sheetData>${table}${extra}</sheetData>${mergeCells}` }], []), 'far.xlsx');
      return { doc, blanks: blankSlots.made };
    };

    it('leaves out trailing rows and columns that show nothing: cells of spaces, blank merges', () => {
      const { doc, blanks } = read('<row r="100000"><c r="GR100000" t="inlineStr"><is><t> 　</t></is></c></row>', '<mergeCells><mergeCell ref="D1:GR5"/><mergeCell ref="A9:C99999"/></mergeCells>');
      expect(texts(doc)).toEqual([['项目', '1', '2'], ['资金', '3', '4']]);
      expect(blanks).toBe(0);
    });

    it('reads the table with one stray cell far away, making one more row and no blank rows up to it', () => {
      const { doc, blanks } = read('<row r="100000"><c r="GR100000" t="inlineStr"><is><t>.</t></is></c></row>');
      expect(doc.rows.map((r) => r.line)).toEqual([1, 2, 100000]);
      expect(doc.rows.map((r) => r.slots.length)).toEqual([200, 200, 200]);
      expect(doc.rows[2].slots[199].ref).toBe('S!GR100000');
      expect(blanks).toBe(3 * 200 - 7);
    });

    it('keeps a merge of text to the rows that have text', () => {
      const { doc } = read('<row r="4"><c r="A4" t="inlineStr"><is><t>说明</t></is></c></row>', '<mergeCells><mergeCell ref="A4:B60000"/></mergeCells>');
      expect(doc.rows.map((r) => r.line)).toEqual([1, 2, 4]);
      expect(doc.rows[2].slots[0].rowSpan).toBe(1);
    });

    it('refuses a sheet whose rows of text would fill millions of slots, naming the sheet and its extent', () => {
      let rows = '';
      for (let r = 3; r <= 10_002; r++) rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
      expect(refusal(() => read(`${rows}<row r="10003"><c r="GR10003"><v>1</v></c></row>`))).toMatch(/^far\.xlsx: 工作表“S”有 10003 行内容、200 列（到 S!GR10003）/);
    });
  });

  it('covers a merged range with one cell, leaves hidden sheets and blank rows out, and lists sheet names', () => {
    const sheet = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B3"/></mergeCells>';
    const book = workbook([{ name: 'Sheet1', xml: sheet }, { name: 'hidden', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData>', hidden: true }], ['<si><t>合并</t></si>', '<si><t>被覆盖</t></si>']);
    const doc = readXlsx(book, 'm.xlsx');
    expect(doc.tableCount).toBe(1);
    expect(doc.rows.map((r) => r.slots.map((c) => c.text))).toEqual([['合并', '合并'], ['合并', '合并'], ['合并', '合并']]);
    expect(doc.rows[2].continued).toEqual([true, true]);
    expect(workbookSheetNames(book, 'm.xlsx')).toEqual(['Sheet1']);
  });
});

describe('.html', () => {
  const gbkBytes = (html: string) => {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0xb0; lead <= 0xf7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) table.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail]);
    return Uint8Array.from([...html].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f])));
  };

  it('decodes a page by its declared charset (GBK), and refuses one that lies about UTF-8', () => {
    const doc = readHtml(gbkBytes('<html><head><meta charset="gb2312"></head><body><p>自评表</p><table><tr><td>项目</td></tr></table></body></html>'), 'g.htm');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.paragraphs[0].text).toBe('自评表');
    expect(texts(doc)).toEqual([['项目']]);
    expect(refusal(() => readHtml(Uint8Array.from([...strToU8('<meta charset="utf-8"><p>'), 0xb0, 0xa1]), 'u.html'))).toMatch(/声明为 UTF-8/);
  });

  it('closes the cells a page leaves open, reads <br> as a line break, spans as the browser does, and skips scripts', () => {
    const doc = readHtml(strToU8(`<table><tr><td rowspan=2>甲<td colspan="0">乙<br>丙<td rowspan="x">丁
      <tr><td>戊<td>己<script>var x = '<td>';</script>
      </table>`), 'o.html');
    expect(doc.rows.map((r) => r.slots.map((c) => c.text))).toEqual([['甲', '乙丙', '丁'], ['甲', '戊', '己']]);
    expect(doc.rows[0].slots[1].raw).toBe('乙\n丙');
    expect(doc.rows[1].slots[1].ref).toBe('T1.R2.C2 L2');
  });

  it('leaves out what the page hides: a hidden row (its merges shortened), cell, table and text', () => {
    const doc = readHtml(strToU8(`<p>标题<span style="display: none">旧标题</span></p><table hidden><tr><td>旧表</td></tr></table>
      <table><tr><td rowspan="3">满意度</td><td>游客</td><td>93%</td></tr>
      <tr style="color:red;display:none"><td>投诉率</td><td>3%</td></tr>
      <tr><td style="DISPLAY:NONE">旧</td><td>经营者</td><td>88%<span hidden>（旧 80%）</span></td></tr></table>`), 'h.html');
    expect(doc.tableCount).toBe(1);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['标题']);
    expect(texts(doc)).toEqual([['满意度', '游客', '93%'], ['满意度', '经营者', '88%']]);
    expect(doc.rows[0].slots[0].rowSpan).toBe(2);
    expect(doc.rows[1].slots[1].ref).toBe('T1.R3.C2 L4');
  });

  it('reads a table nested in a cell as its own table', () => {
    const doc = readHtml(strToU8('<table><tr><td>外<table><tr><td>内</td></tr></table></td></tr></table>'), 'n.html');
    expect(doc.tableCount).toBe(2);
    expect(texts(doc)).toEqual([['内'], ['外']]);
  });
});

describe('what a file is, whatever its name says', () => {
  it('reads Word, Excel and web pages saved under another name', () => {
    expect(readDocument(docx('<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'), 'report.txt').grid.format).toBe('docx');
    expect(readDocument(strToU8('  <!DOCTYPE html><html><table><tr><td>a</td></tr></table></html>'), 'page.txt').grid.format).toBe('html');
  });

  it('tells a Word file from an Excel workbook by its parts, not its name, and reads it as what it is', () => {
    const word = docx(`<w:tbl><w:tr>${tc(p('甲'))}</w:tr></w:tbl>`);
    const book = workbook([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>乙</t></is></c></row></sheetData>' }], []);
    for (const [bytes, name, format, text] of [[word, '报告.xlsx', 'docx', '甲'], [word, '报告.xlsm', 'docx', '甲'], [book, '表.docx', 'xlsx', '乙'], [book, '表.zip', 'xlsx', '乙']] as const) {
      const { grid } = readDocument(bytes, name);
      expect([grid.format, texts(grid)]).toEqual([format, [[text]]]);
    }
    // Parts that settle nothing leave it to the name: its reader names what is missing.
    expect(refusal(() => readDocument(zipSync({ 'a.txt': strToU8('x') }), 'a.xlsx'))).toMatch(/缺少 xl\/workbook\.xml/);
  });

  it('refuses .doc, .xls, PDF, RTF, web archives and plain ZIP files with what to do instead', () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(refusal(() => readDocument(ole, '报告.doc'))).toMatch(/^报告\.doc: 旧版 Word 97–2003 \(\.doc\).*另存为 \.docx.* save it as \.docx/);
    expect(refusal(() => readDocument(ole, '表.xls'))).toMatch(/另存为 \.xlsx/);
    expect(refusal(() => readDocument(strToU8('%PDF-1.7'), 'a.pdf'))).toMatch(/PDF.*Word \(\.docx\)、Excel \(\.xlsx\)/);
    expect(refusal(() => readDocument(strToU8('{\\rtf1 x}'), 'a.rtf'))).toMatch(/RTF/);
    expect(refusal(() => readDocument(strToU8('MIME-Version: 1.0'), 'a.mht'))).toMatch(/\.mht.*\.html/);
    expect(refusal(() => readDocument(zipSync({ 'a.txt': strToU8('x') }), 'a.zip'))).toMatch(/ZIP 压缩包/);
  });
});
