/**
 * The four contract tables written as they are made, report by report, so that a dataset of any
 * size needs the memory of one batch: the same bytes as the ingest's toCsv would write for all the
 * rows at once (header, RFC 4180 quoting, CRLF after every line), appended in batches.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatCsvValue } from '../../lib/csv.ts';
import { SCHEMA } from '../../parser/schema.ts';
import { TABLE_NAMES, type NormalizedTables, type TableName } from '../../parser/types.ts';

const BATCH_CHARACTERS = 4 << 20;

export class CsvTableWriter {
  private readonly files = new Map<TableName, { fd: number; columns: string[]; pending: string[]; size: number }>();
  readonly counts: Record<TableName, number> = { reports: 0, budget_lines: 0, indicators: 0, findings: 0 };
  bytes = 0;

  constructor(folder: string) {
    for (const table of TABLE_NAMES) {
      const columns = SCHEMA[table].map((c) => c.name);
      const file = { fd: openSync(path.join(folder, `${table}.csv`), 'w'), columns, pending: [columns.map((c) => formatCsvValue(c)).join(',') + '\r\n'], size: 0 };
      this.files.set(table, file);
    }
  }

  /** The file names, in TABLE_NAMES order. */
  static names(): string[] {
    return TABLE_NAMES.map((table) => `${table}.csv`);
  }

  add(tables: NormalizedTables): void {
    for (const table of TABLE_NAMES) {
      const file = this.files.get(table)!;
      for (const row of tables[table] as unknown as Record<string, unknown>[]) {
        const line = file.columns.map((c) => formatCsvValue(row[c])).join(',') + '\r\n';
        file.pending.push(line);
        file.size += line.length;
        this.counts[table]++;
      }
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

  close(): void {
    for (const table of TABLE_NAMES) {
      this.flush(table);
      closeSync(this.files.get(table)!.fd);
    }
  }
}
