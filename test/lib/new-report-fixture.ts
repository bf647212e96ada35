/**
 * A GB18030 report that is not already in the bundled data. test/parser/input/gb18030-encoding.txt
 * is one of the bundled reports re-encoded, so an import now recognises it as a report already
 * there (issue 20: the same report under another file name). Tests that add a report use this
 * one: the same file with its sub-fund renamed (—产业链专项 → —产业链专项二期), still GB18030.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeGbk } from '../parser/fixtures/formats.ts';

export const GB18030_FIXTURE = resolve(import.meta.dirname, '../parser/input/gb18030-encoding.txt');

export function newGb18030Report(): Uint8Array {
  const bytes = new Uint8Array(readFileSync(GB18030_FIXTURE));
  const text = new TextDecoder('gb18030').decode(bytes);
  if (Buffer.compare(Buffer.from(encodeGbk(text)), Buffer.from(bytes)) !== 0) throw new Error('the fixture does not re-encode as it was');
  const renamed = text.replace('—产业链专项', '—产业链专项二期');
  if (renamed === text) throw new Error('the fixture no longer has the sub-fund —产业链专项');
  return encodeGbk(renamed);
}

/** newGb18030Report() written as `gb18030-encoding.txt` in a folder of its own; returns its path. */
export function newGb18030ReportFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'new-report-')), 'gb18030-encoding.txt');
  writeFileSync(path, newGb18030Report());
  return path;
}
