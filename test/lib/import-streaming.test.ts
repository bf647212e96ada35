/**
 * Imports at size (issue 18, item 5): CSV files are read a slice at a time and their rows leave
 * in chunks (streamImport), so neither the worker nor the page ever holds a whole large file. The
 * chunks must add up to exactly what reading the files whole gives, whatever the slice and chunk
 * sizes, with the same line numbers in messages, in both encodings; and the chunks go into
 * DuckDB a chunk at a time (stageImport), which a failure takes away again.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { TABLE_NAMES, type TableName } from '../../src/parser/types.ts';
import { ImportFailedError } from '../../src/lib/import/import-problem.ts';
import { prepareImport, streamImport, type ImportInput, type TableChunk } from '../../src/lib/import/prepare-import.ts';
import { RecordCutter } from '../../src/lib/import/read-csv.ts';
import { commitImport, stageImport, type ImportLayer, type SameReports } from '../../src/lib/db/imports/import-commit.ts';
import { openImportTestDb, type ImportTestDb } from '../db/import-helpers.ts';
import { encodeGbk } from '../parser/fixtures/formats.ts';

const bundled = (table: TableName) => new Uint8Array(readFileSync(join(BUNDLED_DATA_DIR, `${table}.csv`)));

/** A file read by byte ranges; reading it whole fails, so a test knows it was never loaded whole. */
function sliced(name: string, bytes: Uint8Array): ImportInput & { slices: number } {
  const input = {
    name,
    size: bytes.length,
    slices: 0,
    load: async (): Promise<Uint8Array> => {
      throw new Error(`${name} read whole`);
    },
    slice: async (start: number, end: number) => {
      input.slices++;
      return bytes.slice(start, end);
    },
  };
  return input;
}
const whole = (name: string, bytes: Uint8Array): ImportInput => ({ name, load: async () => bytes });

/** The chunks a streamed import gives, joined per table as prepareImport joins them. */
async function streamed(inputs: ImportInput[], sizes: { chunkRows: number; sliceBytes: number }) {
  const chunks: TableChunk[] = [];
  const prepared = await streamImport(inputs, async (chunk) => void chunks.push(chunk), undefined, sizes);
  const csv = Object.fromEntries(TABLE_NAMES.map((table) => {
    const mine = chunks.filter((c) => c.table === table).map((c) => c.csv);
    return [table, mine.map((text, i) => (i === 0 ? text : text.slice(text.indexOf('\r\n') + 2))).join('')];
  }));
  return { prepared, chunks, csv };
}

describe('RecordCutter', () => {
  it('cuts text at any points into the records of the whole, line breaks inside quotes kept', () => {
    const text = 'a,b,c\r\n1,"two\r\nlines",3\r\n4,"say ""hi""\nthere",6\r\n\r\n7,8,"9\n"\r\n10,11,12';
    const expected = Papa.parse<string[]>(text).data;
    for (let step = 1; step <= 13; step++) {
      const cutter = new RecordCutter();
      const pieces: string[] = [];
      for (let at = 0; at < text.length; at += step) {
        const records = cutter.push(text.slice(at, at + step));
        if (records !== null) pieces.push(records);
      }
      const rest = cutter.end();
      if (rest !== null) pieces.push(rest);
      // An empty run is one blank line (Papa gives no record for '').
      expect(pieces.flatMap((piece) => (piece === '' ? [['']] : Papa.parse<string[]>(piece).data)), `step ${step}`).toEqual(expected);
    }
  });
});

describe('streamImport', () => {
  it('gives, slice by slice and chunk by chunk, exactly the tables read whole, never loading a file whole', async () => {
    const expected = await prepareImport(TABLE_NAMES.map((t) => whole(`${t}.csv`, bundled(t))));
    // 97 bytes: slices end inside Chinese characters (3 bytes each) and inside records.
    const inputs = TABLE_NAMES.map((t) => sliced(`${t}.csv`, bundled(t)));
    const { prepared, chunks, csv } = await streamed(inputs, { chunkRows: 7, sliceBytes: 97 });
    for (const table of TABLE_NAMES) expect(csv[table], table).toBe(expected.csv[table]);
    expect(prepared.counts).toEqual(expected.counts);
    expect(prepared.reportFiles).toEqual(expected.reportFiles);
    expect(prepared.files).toEqual(expected.files);
    // Full chunks of 7 rows; only each table's last one is shorter.
    for (const table of TABLE_NAMES) {
      const sizes = chunks.filter((c) => c.table === table).map((c) => c.rows);
      expect(sizes.slice(0, -1).every((n) => n === 7), `${table}: ${sizes}`).toBe(true);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(expected.counts[table]);
    }
    expect(inputs.find((i) => i.name === 'indicators.csv')!.slices).toBeGreaterThan(100);
  });

  it('reads a GB18030 file by slices as it reads it whole, characters cut between slices included', async () => {
    const text = new TextDecoder().decode(bundled('reports'));
    const gbk = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow(); // really not UTF-8
    const expected = await prepareImport([whole('reports.csv', gbk)]);
    expect(expected.csv.reports).toContain('湖南');
    for (const sliceBytes of [64, 65, 1001]) {
      const { csv } = await streamed([sliced('reports.csv', gbk)], { chunkRows: 2, sliceBytes });
      expect(csv.reports, `${sliceBytes} bytes a slice`).toBe(expected.csv.reports);
    }
  });

  it('names the same line of a bad row as reading the file whole does', async () => {
    const lines = new TextDecoder().decode(bundled('indicators')).split('\r\n');
    lines[40] = lines[40].replace(/,met,/, ',done,');
    lines.splice(20, 0, '', ''); // blank lines count as lines
    const bad = new TextEncoder().encode(lines.join('\r\n'));
    const problemsOf = (run: Promise<unknown>) => run.then(() => [], (error: ImportFailedError) => error.problems);
    const inputs = (input: (name: string, bytes: Uint8Array) => ImportInput) =>
      [input('reports.csv', bundled('reports')), input('indicators.csv', bad)];
    const wholeProblems = await problemsOf(prepareImport(inputs(whole)));
    expect(wholeProblems).toEqual([expect.objectContaining({ kind: 'notAllowed', file: 'indicators.csv', line: 43, found: 'done' })]);
    expect(await problemsOf(streamImport(inputs(sliced), async () => undefined, undefined, { chunkRows: 5, sliceBytes: 150 }))).toEqual(wholeProblems);
  });

  it('holds a file written before 复核 to the end, and completes its rules as reading it whole does', async () => {
    // The reports CSV without the rule columns, as a version-1 file has it.
    const records = Papa.parse<string[]>(new TextDecoder().decode(bundled('reports')), { skipEmptyLines: true }).data;
    const keep = records[0].map((name, i) => (name.startsWith('rule_') ? -1 : i)).filter((i) => i >= 0);
    const v1 = new TextEncoder().encode(Papa.unparse(records.map((r) => keep.map((i) => r[i]))));
    const inputs = (input: (name: string, bytes: Uint8Array) => ImportInput) =>
      [input('reports.csv', v1), ...(['budget_lines', 'indicators', 'findings'] as const).map((t) => input(`${t}.csv`, bundled(t)))];
    const expected = await prepareImport(inputs(whole));
    expect(expected.csv.reports).toBe(new TextDecoder().decode(bundled('reports')));
    const { csv } = await streamed(inputs(sliced), { chunkRows: 3, sliceBytes: 200 });
    for (const table of TABLE_NAMES) expect(csv[table], table).toBe(expected.csv[table]);
  });
});

describe('stageImport', () => {
  let db: ImportTestDb | null = null;
  afterEach(() => {
    db?.close();
    db = null;
  });

  it('loads the chunks into the import schema, which the views see only after the commit; a failure leaves nothing', async () => {
    db = await openImportTestDb(BUNDLED_DATA_DIR);
    const count = async (from: string) => (await db!.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${from}`))[0].n;
    const before = await count('main.indicators');
    // The bundled reports under other ids, so that they add to the data.
    const renamed = (t: TableName) => new TextEncoder().encode(new TextDecoder().decode(bundled(t)).replace(/\n(\d{3})_/g, '\ncopy$1_'));
    const staged = await stageImport(db.sql, 7);
    const prepared = await streamImport(TABLE_NAMES.map((t) => sliced(`${t}.csv`, renamed(t))), staged.append, undefined, { chunkRows: 4, sliceBytes: 300 });
    expect(await count('imp_7.indicators')).toBe(prepared.counts.indicators);
    expect(await count('main.indicators')).toBe(before);
    const commit = (id: number, layers: ImportLayer[], same?: SameReports) =>
      commitImport(db!.sql, db!.base, layers, { id, mode: 'add' }, { staged: true, databases: [], reportFiles: prepared.reportFiles }, { check: true, same });
    // The same five reports under other ids: refused as such, and the staged rows stay for another try.
    await expect(commit(7, [])).rejects.toThrow(/sameContentLoaded/);
    expect(await count('imp_7.indicators')).toBe(prepared.counts.indicators);
    expect(await count('main.indicators')).toBe(before);
    const layers = await commit(7, [], 'replace');
    expect(await count('main.indicators')).toBe(before);
    expect(await db.rows("SELECT DISTINCT origin FROM main.reports")).toEqual([{ origin: 'imported' }]);

    // Added again: every report is there under its id, so the commit refuses, and the staging goes.
    const again = await stageImport(db.sql, 8);
    await streamImport(TABLE_NAMES.map((t) => sliced(`${t}.csv`, renamed(t))), again.append, undefined, { chunkRows: 4, sliceBytes: 300 });
    await expect(commit(8, layers)).rejects.toThrow(/duplicateLoaded/);
    await again.drop();
    expect(await db.rows("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'imp_%' ORDER BY 1")).toEqual([{ schema_name: 'imp_7' }]);
    expect(await count('main.indicators')).toBe(before);
  });
});
