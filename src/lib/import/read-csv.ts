/**
 * A contract CSV file (reports.csv, budget_lines.csv, indicators.csv, findings.csv) read in
 * slices of a few MB: each slice is decoded, cut after its last complete record, and parsed with
 * PapaParse row by row; the rows checked so far are handed on (`onRows`) before the next slice is
 * read, so a file of hundreds of MB never lies in memory whole, nor as one string, nor as rows.
 * UTF-8 with or without a BOM; a file that is not UTF-8 is read as GB18030, the encoding Excel
 * writes CSV in on a Chinese Windows.
 */
import Papa from 'papaparse';
import type { TableName } from '../../parser/types.ts';
import { ContractTableReader, tableOfCsv, type ContractRow } from './contract-rows.ts';
import type { ProblemList } from './import-problem.ts';

/** A file the import reads: whole (`load`), or by byte ranges when it is large. */
export interface ImportInput {
  name: string;
  load(): Promise<Uint8Array>;
  /** Its size in bytes, and its bytes [start, end): a File in the browser, a file on disk in Node. */
  size?: number;
  slice?(start: number, end: number): Promise<Uint8Array>;
}

/** Rows a file gave since the last call, with their lines; awaited before the file is read on. */
export type RowsHandler = (table: TableName, rows: ContractRow[], lines: number[]) => Promise<void>;

/** Bytes of the file read so far, for progress within a large file. */
export type BytesHandler = (read: number, size: number) => void;

/** What a CSV file gave: its table and how many rows (null when the file cannot be used). */
export interface CsvFileResult {
  table: TableName;
  file: string;
  rows: number;
}

/** How much of a file is read at a time. */
export const CSV_SLICE_BYTES = 4 * 1024 * 1024;

/** Reads the file as one string (UTF-8, else GB18030): for files small enough to hold whole. */
function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The file's bytes, a slice at a time (the whole file at once when it cannot be sliced). */
async function* slicesOf(input: ImportInput, sliceBytes: number): AsyncGenerator<Uint8Array> {
  if (!input.slice || input.size == null) {
    yield await input.load();
    return;
  }
  for (let start = 0; start < input.size; start += sliceBytes) yield await input.slice(start, Math.min(input.size, start + sliceBytes));
}

/** UTF-8 when every byte of the file, read a slice at a time, is valid UTF-8; else GB18030. */
async function detectFileEncoding(input: ImportInput, sliceBytes: number): Promise<'utf-8' | 'gb18030'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const part of slicesOf(input, sliceBytes)) decoder.decode(part, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * Cuts text into runs of whole CSV records: a line break ends a record only outside quotes (a
 * quoted cell may hold line breaks). `push` returns the records complete so far, without the
 * final line break ('' is one blank line), or null when none is; `end` what is left.
 */
export class RecordCutter {
  private carry = '';
  private inQuotes = false;

  push(text: string): string | null {
    const joined = this.carry + text;
    let lastBreak = -1;
    // Only the new text is scanned: the carry's quotes were counted when it came.
    for (let i = this.carry.length; i < joined.length; i++) {
      const c = joined.charCodeAt(i);
      if (c === 34 /* " */) this.inQuotes = !this.inQuotes;
      else if (c === 10 /* \n */ && !this.inQuotes) lastBreak = i;
    }
    if (lastBreak < 0) {
      this.carry = joined;
      return null;
    }
    this.carry = joined.slice(lastBreak + 1);
    const end = lastBreak > 0 && joined.charCodeAt(lastBreak - 1) === 13 /* \r */ ? lastBreak - 1 : lastBreak;
    return joined.slice(0, end);
  }

  end(): string | null {
    const rest = this.carry;
    this.carry = '';
    return rest === '' ? null : rest;
  }
}

/**
 * Reads one CSV file; problems go to `problems`, the rows to `onRows` as they are read. The
 * result is null when the file cannot be used (its rows are then never handed on).
 */
export async function readContractCsv(input: ImportInput, problems: ProblemList, onRows: RowsHandler,
  onBytes?: BytesHandler, sliceBytes = CSV_SLICE_BYTES): Promise<CsvFileResult | null> {
  const file = input.name;
  const size = input.size;
  const encoding = size != null && size > sliceBytes && input.slice ? await detectFileEncoding(input, sliceBytes) : null;
  let reader: ContractTableReader | null = null;
  let unknownTable = false;
  let stopped = false;
  let line = 0;
  let rows = 0;
  let sawText = false;

  const parse = (text: string) => {
    if (text === '') {
      line++; // a run of records that is one blank line: Papa gives no record for ''
      return;
    }
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
            stopped = true;
            parser.abort();
            return;
          }
          reader = new ContractTableReader(table, file, cells, problems);
          if (!reader.headerOk) {
            stopped = true;
            parser.abort();
          }
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
  };
  const handOn = async () => {
    const current = reader as ContractTableReader | null;
    if (!current?.headerOk || current.rows.length === 0) return;
    rows += current.rows.length;
    await onRows(current.table, current.rows.splice(0), current.lines.splice(0));
  };

  if (encoding === null) {
    // Small enough to read whole: one string, as before.
    const text = decodeCsv(await input.load());
    sawText = text.trim() !== '';
    if (sawText) parse(text);
    await handOn();
  } else {
    const decoder = new TextDecoder(encoding);
    const cutter = new RecordCutter();
    let read = 0;
    let first = true;
    for await (const part of slicesOf(input, sliceBytes)) {
      read += part.length;
      let text = decoder.decode(part, { stream: true });
      if (first) text = text.replace(/^\uFEFF/, '');
      first = false;
      sawText ||= text.trim() !== '';
      const records = cutter.push(text);
      if (records !== null) parse(records);
      await handOn();
      onBytes?.(read, size!);
      if (stopped) break;
    }
    if (!stopped) {
      const rest = cutter.push(decoder.decode());
      if (rest !== null) parse(rest);
      const last = cutter.end();
      if (last !== null && !stopped) parse(last);
      await handOn();
    }
  }
  if (!sawText) {
    problems.add({ kind: 'empty', file });
    return null;
  }
  if (unknownTable) problems.add({ kind: 'unknownTable', file });
  const done = reader as ContractTableReader | null;
  if (!done?.headerOk) return null;
  return { table: done.table, file, rows };
}

/** The first line of a CSV file, decoded: to know its table and columns before reading it. */
export async function readCsvHeaderCells(input: ImportInput): Promise<string[]> {
  const head = input.slice && input.size != null ? await input.slice(0, Math.min(input.size, 64 * 1024)) : await input.load();
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0];
  const parsed = Papa.parse<string[]>(firstLine, { delimiter: ',', quoteChar: '"', escapeChar: '"' });
  return parsed.data[0] ?? [];
}

export type { ContractRow };
