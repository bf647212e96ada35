/**
 * CSV export for people: a round trip through PapaParse gives the same rows, the file starts
 * with a UTF-8 BOM, and cells a spreadsheet would run as formulas are neutralized. File names.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvBlob, csvText } from '../../src/lib/export/csv-export.ts';
import { columnsOf } from '../../src/lib/export/export-table.ts';
import { exportFileName, localDate, safeFilePart } from '../../src/lib/export/file-name.ts';
import { dataUrlToBlob } from '../../src/lib/export/download.ts';

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
