/**
 * Refusals of a table: a message in Chinese and English, with the position of the cell or row it
 * is about (the line of a text file, else the position in the file's own terms).
 */
import type { SourceFormat } from '../grid.ts';
import { ReportParseError } from '../types.ts';

export class Refuser {
  constructor(private readonly format: SourceFormat, private readonly file: string) {}

  at(where: { line: number; ref: string } | null, zh: string, en: string): never {
    const textual = this.format === 'text' || this.format === 'pipe';
    throw new ReportParseError(this.file, `${zh} / ${en}`, where?.line ?? null, where && !textual ? where.ref : null);
  }
}
