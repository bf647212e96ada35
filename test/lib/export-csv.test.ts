/**
 * CSV export for people: a round trip through PapaParse gives the same rows, the file starts
 * with a UTF-8 BOM, and headers and cells a spreadsheet could run as formulas are neutralized
 * (numbers are not). File names.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvBlob, csvText } from '../../src/lib/export/csv-export.ts';
import { columnsOf } from '../../src/lib/export/export-table.ts';
import { exportFileName, localDate, safeFilePart } from '../../src/lib/export/file-name.ts';
import { dataUrlToBlob } from '../../src/lib/export/download.ts';
import { neutralizeFormula, removeNeutralizing, startsLikeFormula } from '../../src/lib/export/neutralize.ts';

const rows = [
  { project: '产业链专项', city: '株洲市', budget: 516, rate: 0.9755, note: '含逗号, "引号"\n和换行', blank: null },
  { project: '企协专项', city: '株洲市', budget: 83.5, rate: 1, note: '', blank: null },
  { project: 'Ünïcode ✓ 𠀋', city: '益阳市', budget: -158.96, rate: null, note: 'plain', blank: null },
];
const columns = ['project', 'city', 'budget', 'rate', 'note', 'blank'];

describe('CSV export', () => {
  it('starts with a UTF-8 BOM (bytes EF BB BF), so that Excel reads Chinese', async () => {
    const bytes = new Uint8Array(await csvBlob({ name: 't', columns, rows }).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('产业链专项,株洲市,516,0.9755');
    expect(csvText({ name: 't', columns, rows }).startsWith('\uFEFFproject,city,')).toBe(true);
  });

  it('round-trips through PapaParse: same columns, same rows (blank stays blank)', () => {
    const parsed = Papa.parse<Record<string, string>>(csvText({ name: 't', columns, rows }).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(columns);
    expect(parsed.data).toEqual(rows.map((row) => Object.fromEntries(columns.map((c) => {
      const value = row[c as keyof typeof row];
      return [c, value == null ? '' : String(value)];
    }))));
  });

  it('neutralizes cells that start with = + - @ TAB or CR, and only text cells', () => {
    const risky = [
      { cell: '=HYPERLINK("http://x","y")' }, { cell: '+1+1' }, { cell: '-2+3' }, { cell: '@SUM(A1)' },
      { cell: '\tTAB' }, { cell: '\rCR' }, { cell: 'a=b' }, { cell: -5 },
    ];
    const parsed = Papa.parse<{ cell: string }>(csvText({ name: 't', columns: ['cell'], rows: risky }).replace(/^\uFEFF/, ''), { header: true }).data;
    expect(parsed.slice(0, 8).map((row) => row.cell)).toEqual([
      "'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", 'a=b', '-5',
    ]);
  });

  it('neutralizes a header like a cell (a SQL alias can be a formula)', () => {
    const header = '=HYPERLINK("http://x","y")';
    const text = csvText({ name: 't', columns: [header, 'n'], rows: [{ [header]: 1, n: 2 }] });
    expect(text.split('\r\n')[0]).toBe('\uFEFF"\'=HYPERLINK(""http://x"",""y"")",n');
    expect(Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data[0]).toEqual([`'${header}`, 'n']);
  });

  it('neutralizes a formula behind white space or in full-width signs, as the audit found them', () => {
    const audit = ['＝1+1', ' =1+1', '\n=1+1', '\u3000=1', '\u00a0@A1', '\r\n+1', '＋1', '－1', '＠A1', '\u200b=1'];
    expect(audit.map(neutralizeFormula)).toEqual(audit.map((text) => `'${text}`));
    const parsed = Papa.parse<{ cell: string }>(csvText({ name: 't', columns: ['cell'], rows: audit.map((cell) => ({ cell })) })
      .replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(parsed.map((row) => row.cell)).toEqual(audit.map((text) => `'${text}`));
  });

  it('keeps numbers plain: JS numbers, and text that is exactly a signed decimal number', () => {
    const rows = [
      { cell: -810.24 }, { cell: -5 }, { cell: '-3.5%' }, { cell: '-810.24' }, { cell: '+1e6' }, { cell: '-9223372036854775808' },
      { cell: '-2+3' }, { cell: '-1-1' }, { cell: ' -3.5' }, { cell: '－3.5' }, { cell: '-' }, { cell: '-3.5%x' }, { cell: '-1,234' },
    ];
    const lines = csvText({ name: 't', columns: ['cell'], rows }).split('\r\n').slice(1, -1);
    expect(lines).toEqual([
      '-810.24', '-5', '-3.5%', '-810.24', '+1e6', '-9223372036854775808',
      "'-2+3", "'-1-1", "' -3.5", "'－3.5", "'-", "'-3.5%x", '"\'-1,234"',
    ]);
    expect(['a=b', '1-1', '金额-1', ''].map(startsLikeFormula)).toEqual([false, false, false, false]);
  });

  it('takes the guard off again for the import, and that of earlier exports before any -', () => {
    for (const text of ['=1+1', '＝1+1', ' =1+1', '\n=1+1', '\tTAB', '-2+3']) expect(removeNeutralizing(neutralizeFormula(text))).toBe(text);
    expect(removeNeutralizing("'-3.5%")).toBe('-3.5%');
    expect(removeNeutralizing("'quoted")).toBe("'quoted");
  });

  it('takes columns from the rows when a result has no column list', () => {
    expect(columnsOf([{ a: 1 }, { a: 2, b: 3 }])).toEqual(['a', 'b']);
    expect(columnsOf([], ['x', 'y'])).toEqual(['x', 'y']);
  });
});

describe('export file names', () => {
  const day = new Date(2026, 10, 22, 9, 30);
  it('names the file after what it holds, then the local date', () => {
    expect(exportFileName(['预算执行', '按城市'], 'png', day)).toBe('预算执行-按城市-2026-11-22.png');
    expect(exportFileName(['绩效看板', '筛选数据'], 'xlsx', day)).toBe('绩效看板-筛选数据-2026-11-22.xlsx');
    expect(exportFileName(['数据问题', 'TOTAL_SCORE_MISMATCH'], 'csv', null)).toBe('数据问题-TOTAL_SCORE_MISMATCH.csv');
    expect(localDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('replaces characters no file system accepts and drops empty parts', () => {
    expect(safeFilePart('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFilePart('..hidden')).toBe('hidden');
    expect(exportFileName(['', '执行率(%)'], 'csv', day)).toBe('执行率(%)-2026-11-22.csv');
    expect(exportFileName([], 'csv', null)).toBe('export.csv');
  });

  it('decodes a PNG data URL to bytes without fetch', async () => {
    const blob = dataUrlToBlob('data:image/png;base64,iVBORw0KGgo=');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
