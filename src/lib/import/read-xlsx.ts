/**
 * An Excel workbook (.xlsx) whose sheets follow the contract: a sheet named after a table
 * (reports, budget_lines, indicators, findings) holds its header row and rows. Other sheets (a
 * 说明 sheet, say) are left alone. Read with read-excel-file's universal build (fflate + a small
 * XML reader, no eval), loaded only when a workbook is imported.
 */
import { ContractTableReader, type ContractRow } from './contract-rows.ts';
import type { TableName } from '../../parser/types.ts';
import { tableOfSheetName } from '../column-labels.ts';
import type { ProblemList } from './import-problem.ts';

/** One sheet's table: its rows, checked, and the sheet row of each. */
export interface SheetTable {
  table: TableName;
  file: string;
  rows: ContractRow[];
  lines: number[];
}

export async function readContractWorkbook(bytes: Uint8Array, file: string, problems: ProblemList): Promise<SheetTable[]> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // A copy: the reader wants an ArrayBuffer of exactly the file's bytes.
    sheets = await readXlsxFile(bytes.slice().buffer);
  } catch (error) {
    problems.add({ kind: 'message', file, found: `无法读取 Excel 工作簿 / not a readable .xlsx workbook (${(error as Error).message})` });
    return [];
  }
  const tables: SheetTable[] = [];
  for (const { sheet, data } of sheets) {
    const table = tableOfSheetName(sheet);
    if (!table) continue;
    const label = `${file} › ${sheet}`;
    const [header = [], ...rows] = data;
    const reader = new ContractTableReader(table, label, header.map((cell) => String(cell ?? '')), problems);
    if (!reader.headerOk) continue;
    rows.forEach((cells, index) => {
      if (cells.every((cell) => cell == null || String(cell).trim() === '')) return;
      reader.add(cells, index + 2);
    });
    tables.push({ table, file: label, rows: reader.rows, lines: reader.lines });
  }
  if (!sheets.some(({ sheet }) => tableOfSheetName(sheet) !== null)) problems.add({ kind: 'noSheets', file });
  return tables;
}
