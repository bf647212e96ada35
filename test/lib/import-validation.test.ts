/**
 * Import validation (issue 4): every kind of bad file gives a message naming the file, the line
 * and what was expected, and the import as a whole fails (prepareImport throws: nothing loads).
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { SCHEMA } from '../../src/parser/schema.ts';
import { csvText } from '../../src/lib/export/csv-export.ts';
import { ImportFailedError } from '../../src/lib/import/import-problem.ts';
import { prepareImport, type ImportInput } from '../../src/lib/import/prepare-import.ts';
import { formatProblem, PROBLEM_TEMPLATES } from '../../src/lib/import/problem-messages.ts';

const root = resolve(import.meta.dirname, '../..');
const dataFile = (name: string) => readFileSync(join(BUNDLED_DATA_DIR, name));
const file = (name: string, content: string | Uint8Array): ImportInput => ({
  name,
  load: async () => (typeof content === 'string' ? new TextEncoder().encode(content) : content),
});

/** The data/ CSV with one change: `edit(records)` gets [header, ...rows] as arrays of cells. */
function editedCsv(name: string, edit: (records: string[][]) => void): string {
  const records = Papa.parse<string[]>(dataFile(name).toString('utf8'), { skipEmptyLines: true }).data;
  edit(records);
  return Papa.unparse(records);
}

/** The problems of a failed import, in Chinese and in English. */
async function problemsOf(inputs: ImportInput[]): Promise<{ zh: string[]; en: string[] }> {
  const failure = await prepareImport(inputs).then(() => null, (error: unknown) => error);
  expect(failure).toBeInstanceOf(ImportFailedError);
  const { problems } = failure as ImportFailedError;
  return { zh: problems.map((p) => formatProblem(p, 'zh')), en: problems.map((p) => formatProblem(p, 'en')) };
}

describe('import validation', () => {
  it('accepts the four contract CSVs as the ingest writes them', async () => {
    const prepared = await prepareImport(['reports', 'budget_lines', 'indicators', 'findings'].map((t) => file(`${t}.csv`, dataFile(`${t}.csv`))));
    const rowsOf = (t: string) => Papa.parse(dataFile(`${t}.csv`).toString('utf8'), { skipEmptyLines: true }).data.length - 1;
    expect(prepared.counts).toEqual({ reports: 5, budget_lines: rowsOf('budget_lines'), indicators: rowsOf('indicators'), findings: rowsOf('findings') });
    expect(prepared.files.map((f) => f.reports)).toEqual([5, 0, 0, 0]);
  });

  it('names a bad number with its file, line and column', async () => {
    const csv = editedCsv('indicators.csv', (records) => {
      records[11][records[0].indexOf('weight')] = 'abc';
    });
    const { zh, en } = await problemsOf([file('reports.csv', dataFile('reports.csv')), file('indicators.csv', csv)]);
    expect(zh).toEqual(['indicators.csv 第 12 行 weight: 应为数字，实际为“abc”']);
    expect(en).toEqual(['indicators.csv line 12 weight: expected a number, found “abc”']);
  });

  it('names missing and unknown columns, with the columns expected', async () => {
    const csv = editedCsv('indicators.csv', (records) => {
      const at = records[0].indexOf('level3');
      for (const record of records) record.splice(at, 1);
      records[0][records[0].indexOf('status')] = 'statu';
    });
    const { zh } = await problemsOf([file('reports.csv', dataFile('reports.csv')), file('indicators.csv', csv)]);
    expect(zh[0]).toMatch(/^indicators\.csv 第 1 行: 缺少列 level3、status（这张表必须有：report_id、seq、level1.*level3/);
    expect(zh[1]).toMatch(/^indicators\.csv 第 1 行: 不认识的列 statu（可用的列：report_id、.*status/);
  });

  it('recognises a table by its header when the file has another name', async () => {
    const prepared = await prepareImport([file('报告清单.csv', dataFile('reports.csv'))]);
    expect(prepared.counts.reports).toBe(5);
    const { zh } = await problemsOf([file('notes.csv', 'a,b\n1,2\n')]);
    expect(zh[0]).toMatch(/^notes\.csv: 无法识别是哪张表/);
  });

  it('checks whole numbers, blanks in required columns and the values a column allows', async () => {
    const csv = editedCsv('findings.csv', (records) => {
      const column = (name: string) => records[0].indexOf(name);
      records[2][column('line')] = '12.5';
      records[3][column('code')] = '';
      records[4][column('severity')] = 'fatal';
    });
    const { zh } = await problemsOf([file('reports.csv', dataFile('reports.csv')), file('findings.csv', csv)]);
    expect(zh).toEqual([
      'findings.csv 第 3 行 line: 应为整数，实际为“12.5”',
      'findings.csv 第 4 行 code: 不能为空',
      'findings.csv 第 5 行 severity: 应为 error / warning / info 之一，实际为“fatal”',
    ]);
  });

  it('refuses a whole number beyond SQL INTEGER, which DuckDB could not load', async () => {
    const csv = editedCsv('reports.csv', (records) => {
      records[1][records[0].indexOf('year')] = '3000000000';
      records[2][records[0].indexOf('year')] = '2147483647';
    });
    const { zh, en } = await problemsOf([file('reports.csv', csv)]);
    expect(zh).toEqual(['reports.csv 第 2 行 year: 整数超出范围（应在 −2147483648 到 2147483647 之间），实际为“3000000000”']);
    expect(en).toEqual(['reports.csv line 2 year: whole number out of range (expected −2147483648 to 2147483647), found “3000000000”']);
  });

  it('refuses CSV lines with fewer or more fields than the header, naming the line', async () => {
    const csv = editedCsv('reports.csv', (records) => {
      records[2] = records[2].slice(0, 4); // cut off
      records[4].push('surplus'); // a stray field
    });
    const { zh, en } = await problemsOf([file('reports.csv', csv)]);
    const width = Papa.parse<string[]>(dataFile('reports.csv').toString('utf8')).data[0].length;
    expect(zh).toEqual([
      `reports.csv 第 3 行: 应有 ${width} 个字段（与表头一致），实际为 4 个`,
      `reports.csv 第 5 行: 应有 ${width} 个字段（与表头一致），实际为 ${width + 1} 个`,
    ]);
    expect(en[0]).toBe(`reports.csv line 3: expected ${width} fields (as many as the header), found 4`);
  });

  it('refuses a report twice in one import, and rows of a report the import lacks', async () => {
    const raw = readFileSync(join(root, 'data/raw/000_4b75f8664dbcb524.txt'));
    const twice = await problemsOf([file('000_4b75f8664dbcb524.txt', raw), file('reports.csv', dataFile('reports.csv'))]);
    expect(twice.zh).toEqual(['reports.csv 第 2 行 report_id: 报告“000_4b75f8664dbcb524”在本次导入中出现了两次（另见 000_4b75f8664dbcb524.txt）']);
    const orphans = await problemsOf([file('budget_lines.csv', dataFile('budget_lines.csv'))]);
    expect(orphans.zh[0]).toBe('budget_lines.csv 第 2 行 report_id: 报告“000_4b75f8664dbcb524”不在本次导入的 reports 表中');
    // One message per report, at its first row: 5 reports.
    expect(orphans.zh).toHaveLength(5);
    expect(orphans.zh[4]).toBe('budget_lines.csv 第 18 行 report_id: 报告“004_2c93dbd2e0833d26”不在本次导入的 reports 表中');
  });

  it('passes the parser message of an unreadable report on as it is', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x81]);
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);
    const { zh } = await problemsOf([file('scan.txt', png), file('报告.docx', docx), file('notes.txt', '会议纪要：无表格')]);
    expect(zh).toHaveLength(3);
    expect(zh[0]).toMatch(/^scan\.txt: /);
    expect(zh[1]).toMatch(/^报告\.docx: Word 文件已损坏/);
    expect(zh[2]).toBe('notes.txt: 没有找到项目支出绩效自评表 / no self-evaluation table in this file');
  });

  it('refuses an empty CSV file', async () => {
    const { zh, en } = await problemsOf([file('reports.csv', ''), file('findings.csv', '\r\n \r\n')]);
    expect(zh).toEqual(['reports.csv: 文件是空的，没有表头', 'findings.csv: 文件是空的，没有表头']);
    expect(en[0]).toBe('reports.csv: the file is empty (no header row)');
  });

  it('lists at most 20 problems of one file, then says how many more', async () => {
    const csv = editedCsv('indicators.csv', (records) => {
      for (const record of records.slice(1)) record[records[0].indexOf('score')] = 'x';
    });
    const { zh } = await problemsOf([file('reports.csv', dataFile('reports.csv')), file('indicators.csv', csv)]);
    expect(zh).toHaveLength(21);
    expect(zh[20]).toBe('indicators.csv: 另有 40 个问题未逐条列出');
  });

  it('reads a CSV saved by Excel in GB18030, and takes off the formula guard of an export', async () => {
    const header = SCHEMA.reports.filter((c) => !c.added).map((c) => c.name);
    const row = (id: string, source: string, city: number[]) => Buffer.concat([
      Buffer.from(`${id},${source},2022,,`), Buffer.from(city), Buffer.from(','.repeat(header.length - 5)), Buffer.from('\r\n'),
    ]);
    // Node has no GB18030 encoder: 株洲市 and 益阳市 written by hand.
    const bytes = Buffer.concat([
      Buffer.from(`${header.join(',')}\r\n`),
      row('x1', 'x1.txt', [0xd6, 0xea, 0xd6, 0xde, 0xca, 0xd0]),
      row('x2', "'=x2.txt", [0xd2, 0xe6, 0xd1, 0xf4, 0xca, 0xd0]),
    ]);
    const prepared = await prepareImport([file('reports.csv', new Uint8Array(bytes))]);
    const lines = prepared.csv.reports.split('\r\n');
    expect(lines[1]).toMatch(/^x1,x1\.txt,2022,,株洲市,/);
    expect(lines[2]).toMatch(/^x2,=x2\.txt,2022,,益阳市,/);
  });

  it('reads an export back: the formula guard comes off whatever it stood before', async () => {
    const rows = Papa.parse<Record<string, string>>(dataFile('reports.csv').toString('utf8'), { header: true, skipEmptyLines: true }).data;
    const texts = ['=1+1', '＝1+1', '@A1', ' =1+1', '-3.5%'];
    texts.forEach((text, k) => (rows[k].department = text));
    const exported = csvText({ name: 'reports', columns: Object.keys(rows[0]), rows });
    expect(exported).toContain("'＝1+1");
    const prepared = await prepareImport([file('reports.csv', exported)]);
    const back = Papa.parse<Record<string, string>>(prepared.csv.reports, { header: true, skipEmptyLines: true }).data;
    expect(back.map((row) => row.department)).toEqual(['=1+1', '＝1+1', '@A1', '=1+1', '-3.5%']); // every import trims
  });

  it('words every problem in both languages, with no slot left unfilled', () => {
    expect(Object.keys(PROBLEM_TEMPLATES.en).sort()).toEqual(Object.keys(PROBLEM_TEMPLATES.zh).sort());
    for (const kind of Object.keys(PROBLEM_TEMPLATES.zh) as (keyof typeof PROBLEM_TEMPLATES.zh)[]) {
      if (kind === 'where' || kind === 'whereLine') continue;
      for (const lang of ['zh', 'en'] as const) {
        const text = formatProblem({ kind, file: 'f.csv', line: 3, column: 'c', found: 'x', expected: 'y', count: 2 }, lang);
        expect(text, `${lang} ${kind}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
