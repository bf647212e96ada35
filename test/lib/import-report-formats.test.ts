/**
 * The browser's import reads report files through the CLI's parser, in every format it reads:
 * Word, web pages, Excel self-evaluation tables (told from the contract's workbooks by their
 * sheets), several tables of one file as several reports, and a refused table as a problem that
 * stops the import (nothing half loaded).
 */
import { describe, expect, it } from 'vitest';
import { ImportFailedError } from '../../src/lib/import/import-problem.ts';
import { prepareImport, type ImportInput } from '../../src/lib/import/prepare-import.ts';
import { toDocx, toHtml, toXlsx } from '../parser/fixtures/formats.ts';
import { ANHUI_2022_CHUZHOU, CHONGQING_DEPARTMENT, NATIONAL, SICHUAN_2023 } from '../parser/fixtures/layouts.ts';
import { buildWorkbook } from './import-xlsx-fixture.ts';

const file = (name: string, bytes: Uint8Array): ImportInput => ({ name, load: async () => bytes });

describe('importing report files of every format', () => {
  it('reads a Word report, a web page of two tables and an Excel self-evaluation table', async () => {
    const prepared = await prepareImport([
      file('岳阳.docx', toDocx(NATIONAL)),
      file('滁州.html', toHtml(ANHUI_2022_CHUZHOU)),
      file('大英.xlsx', toXlsx(SICHUAN_2023, { typedNumbers: true })),
    ]);
    expect(prepared.files.map((f) => [f.name, f.kind, f.reports])).toEqual([['岳阳.docx', 'report', 1], ['滁州.html', 'report', 2], ['大英.xlsx', 'report', 1]]);
    expect(prepared.counts.reports).toBe(4);
    expect(Object.keys(prepared.reportFiles).sort()).toEqual(['大英', '岳阳', '滁州#1', '滁州#2']);
    expect(prepared.csv.reports).toContain('滁州#2,滁州.html,2022');
  });

  it('reads a Word report named .xlsx as the Word report it is', async () => {
    const prepared = await prepareImport([file('岳阳.xlsx', toDocx(NATIONAL))]);
    expect(prepared.files.map((f) => [f.name, f.kind, f.reports])).toEqual([['岳阳.xlsx', 'report', 1]]);
    expect(prepared.csv.reports).toContain('岳阳,岳阳.xlsx,2022');
  });

  it('still reads a workbook of the contract\'s tables as tables, by its sheet names', async () => {
    // A 'reports' sheet lacking the contract's columns: refused as a table of the contract, not as a report.
    const workbook = buildWorkbook({ 说明: [['按数据约定填写']], reports: [['report_id', 'source_file'], ['r1', 'r1.txt']] });
    const failure = await prepareImport([file('数据.xlsx', workbook)]).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ImportFailedError);
    expect((failure as ImportFailedError).problems.map((p) => p.kind)).not.toContain('unreadable');
  });

  it('refuses the import when a table of a file is refused, naming the file and the cause', async () => {
    const failure = await prepareImport([file('岳阳.docx', toDocx(NATIONAL)), file('部门.docx', toDocx(CHONGQING_DEPARTMENT))]).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ImportFailedError);
    const [problem] = (failure as ImportFailedError).problems;
    expect(problem).toMatchObject({ kind: 'unreadable', file: '部门.docx' });
    expect(problem.found).toMatch(/部门整体支出绩效自评表，不是项目支出绩效自评表/);
  });
});
