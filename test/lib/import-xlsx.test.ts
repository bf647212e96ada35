/** Workbooks whose sheets follow the contract: read, typed and checked like the CSV files. */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { ImportFailedError } from '../../src/lib/import/import-problem.ts';
import { prepareImport } from '../../src/lib/import/prepare-import.ts';
import { formatProblem } from '../../src/lib/import/problem-messages.ts';
import { buildWorkbook, type SheetCell } from './import-xlsx-fixture.ts';

/** A data/ CSV as sheet rows: numbers as numbers, as Excel keeps them. */
function sheetOf(table: string): SheetCell[][] {
  const records = Papa.parse<string[]>(readFileSync(join(BUNDLED_DATA_DIR, `${table}.csv`), 'utf8'), { skipEmptyLines: true }).data;
  return records.map((record, index) => record.map((cell) => (index > 0 && cell !== '' && !Number.isNaN(Number(cell)) && !/^0\d/.test(cell) ? Number(cell) : cell)));
}

const workbook = (name: string, bytes: Uint8Array) => ({ name, load: async () => bytes });

describe('import of .xlsx workbooks', () => {
  it('reads the four sheets into the same rows as the CSV files', async () => {
    const tables = ['reports', 'budget_lines', 'indicators', 'findings'];
    const fromBook = await prepareImport([workbook('seeds.xlsx', buildWorkbook({ 说明: [['本工作簿按数据约定填写']], ...Object.fromEntries(tables.map((t) => [t, sheetOf(t)])) }))]);
    const fromCsv = await prepareImport(tables.map((t) => ({ name: `${t}.csv`, load: async () => new Uint8Array(readFileSync(join(BUNDLED_DATA_DIR, `${t}.csv`))) })));
    expect(fromBook.counts).toEqual(fromCsv.counts);
    for (const table of tables) expect(fromBook.csv[table as 'reports'], table).toBe(fromCsv.csv[table as 'reports']);
    expect(fromBook.files).toEqual([{ name: 'seeds.xlsx', kind: 'xlsx', reports: 5, rows: expect.any(Number) }]);
  });

  it('names the sheet and the row of a bad value', async () => {
    const indicators = sheetOf('indicators');
    indicators[11][indicators[0].indexOf('weight')] = 'abc';
    const error = await prepareImport([workbook('book.xlsx', buildWorkbook({ reports: sheetOf('reports'), indicators }))]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect((error as ImportFailedError).problems.map((p) => formatProblem(p, 'zh'))).toEqual(['book.xlsx › indicators 第 12 行 weight: 应为数字，实际为“abc”']);
  });

  it('refuses a workbook with neither a self-evaluation table nor a contract sheet, and a file that is no workbook', async () => {
    const error = await prepareImport([
      workbook('notes.xlsx', buildWorkbook({ Sheet1: [['a', 'b'], [1, 2]] })),
      workbook('fake.xlsx', new TextEncoder().encode('not a zip')),
    ]).catch((e: unknown) => e);
    const messages = (error as ImportFailedError).problems.map((p) => formatProblem(p, 'zh'));
    expect(messages[0]).toBe('notes.xlsx: 既没有找到项目支出绩效自评表，也没有名为 reports、budget_lines、indicators 或 findings 的工作表');
    expect(messages[1]).toMatch(/^fake\.xlsx: 无法读取 Excel 工作簿/);
  });
});
