/**
 * A contract CSV file (reports.csv, budget_lines.csv, indicators.csv, findings.csv) read with
 * PapaParse row by row (`step`: no array of all rows is built), checked and typed as it goes.
 * UTF-8 with or without a BOM; a file that is not UTF-8 is read as GB18030, the encoding Excel
 * writes CSV in on a Chinese Windows.
 */
import Papa from 'papaparse';
import type { TableName } from '../../parser/types.ts';
import { ContractTableReader, tableOfCsv, type ContractRow } from './contract-rows.ts';
import type { ProblemList } from './import-problem.ts';

export interface CsvTable {
  table: TableName;
  file: string;
  rows: ContractRow[];
  lines: number[];
}

export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** Reads one CSV file; problems go to `problems`, and the table is null when it cannot be used. */
export function readContractCsv(bytes: Uint8Array, file: string, problems: ProblemList): CsvTable | null {
  const text = decodeCsv(bytes);
  if (text.trim() === '') {
    problems.add({ kind: 'empty', file });
    return null;
  }
  let reader: ContractTableReader | null = null;
  let unknownTable = false;
  let line = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step(result, parser) {
      line++;
      const cells = result.data;
      if (result.errors.length > 0) {
        problems.add({ kind: 'message', file, line, found: result.errors.map((e) => e.message).join('; ') });
        return;
      }
      if (cells.length === 1 && cells[0].trim() === '') return; // blank line
      if (!reader) {
        const table = tableOfCsv(file, cells);
        if (!table) {
          unknownTable = true;
          parser.abort();
          return;
        }
        reader = new ContractTableReader(table, file, cells, problems);
        if (!reader.headerOk) parser.abort();
        return;
      }
      // A line with fields missing or over (a cut-off row, a stray comma) would shift or lose
      // values without a word: the dataset loader refuses such lines too.
      if (cells.length !== reader.width) {
        problems.add({ kind: 'fieldCount', file, line, found: String(cells.length), expected: String(reader.width) });
        return;
      }
      reader.add(cells, line);
    },
  });
  if (unknownTable) problems.add({ kind: 'unknownTable', file });
  const done = reader as ContractTableReader | null;
  if (!done?.headerOk) return null;
  return { table: done.table, file, rows: done.rows, lines: done.lines };
}
