/**
 * The four contract tables written as they are made, report by report, so that a dataset of any
 * size needs the memory of one batch: the same bytes as toCsv would write for all the rows at
 * once (header, RFC 4180 quoting, CRLF after every line), appended in batches. Used by the ingest
 * and by npm run generate.
 *
 * The rows can be formatted apart from the writing (`formatRows`, in the ingest's worker threads)
 * and appended later as text (`append`): the bytes are the same either way.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatCsvValue } from '../lib/csv.ts';
import { SCHEMA } from '../parser/schema.ts';
import { TABLE_NAMES, type NormalizedTables, type TableName } from '../parser/types.ts';

/** Characters pending per table before they are written: ≤ 2 MB of two-byte string each, so the heap needed stays small. */
const BATCH_CHARACTERS = 1 << 20;

export type TableCounts = Record<TableName, number>;

/** Some rows of each table as CSV lines (each ending in CRLF, no header), and how many. */
export interface CsvRows {
  text: Record<TableName, string>;
  counts: TableCounts;
}

const COLUMNS = Object.fromEntries(TABLE_NAMES.map((table) => [table, SCHEMA[table].map((c) => c.name)])) as Record<TableName, string[]>;

export const zeroCounts = (): TableCounts => ({ reports: 0, budget_lines: 0, indicators: 0, findings: 0 });

/** The rows of some reports' tables as the lines the writer appends. */
export function formatRows(reports: readonly NormalizedTables[]): CsvRows {
  const rows: CsvRows = { text: { reports: '', budget_lines: '', indicators: '', findings: '' }, counts: zeroCounts() };
  for (const table of TABLE_NAMES) {
    const columns = COLUMNS[table];
    const lines: string[] = [];
    for (const tables of reports) {
      for (const row of tables[table] as unknown as Record<string, unknown>[]) lines.push(columns.map((c) => formatCsvValue(row[c])).join(',') + '\r\n');
    }
    rows.text[table] = lines.join('');
    rows.counts[table] = lines.length;
  }
  return rows;
}

export class CsvTableWriter {
  private readonly files = new Map<TableName, { fd: number; pending: string[]; size: number }>();
  readonly counts = zeroCounts();
  bytes = 0;

  constructor(folder: string) {
    for (const table of TABLE_NAMES) {
      const header = COLUMNS[table].map((c) => formatCsvValue(c)).join(',') + '\r\n';
      this.files.set(table, { fd: openSync(path.join(folder, `${table}.csv`), 'w'), pending: [header], size: header.length });
    }
  }

  /** The file names, in TABLE_NAMES order. */
  static names(): string[] {
    return TABLE_NAMES.map((table) => `${table}.csv`);
  }

  add(tables: NormalizedTables): void {
    this.append(formatRows([tables]));
  }

  append(rows: CsvRows): void {
    for (const table of TABLE_NAMES) {
      const file = this.files.get(table)!;
      const text = rows.text[table];
      if (text.length > 0) {
        file.pending.push(text);
        file.size += text.length;
      }
      this.counts[table] += rows.counts[table];
      if (file.size >= BATCH_CHARACTERS) this.flush(table);
    }
  }

  private flush(table: TableName): void {
    const file = this.files.get(table)!;
    if (file.pending.length === 0) return;
    const chunk = Buffer.from(file.pending.join(''), 'utf8');
    for (let at = 0; at < chunk.length;) at += writeSync(file.fd, chunk, at);
    this.bytes += chunk.length;
    file.pending = [];
    file.size = 0;
  }

  /** Writes what is pending and closes the files; once only, also after an error. */
  close(): void {
    for (const table of TABLE_NAMES) {
      const file = this.files.get(table)!;
      if (file.fd < 0) continue;
      try {
        this.flush(table);
      } finally {
        closeSync(file.fd);
        file.fd = -1;
      }
    }
  }
}
