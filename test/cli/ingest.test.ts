/**
 * The ingest CLI: bundled data up to date, failures reported by file, atomic output (and
 * output-folder.test.ts, ingest-faults.test.ts), and a DuckDB file that DuckDB-WASM (1.4.3)
 * attaches and reads as the CSVs.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile, copyFile, mkdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { ingest, parseArgs } from '../../src/cli/ingest.ts';
import Papa from 'papaparse';
import { parseFindingParams, renderFinding } from '../../src/lib/findings/messages.ts';
import { TABLE_NAMES } from '../../src/parser/types.ts';
import { datasetSelectSql } from '../../src/lib/db/dataset/schema.ts';
import { openWasmDb, rowDifference, wasmCsvTables } from '../db/helpers.ts';
import { toDocx, toHtml } from '../parser/fixtures/formats.ts';
import { ANHUI_2022_CHUZHOU, NATIONAL } from '../parser/fixtures/layouts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const raw = path.join(root, 'data/raw');
const quiet = () => {};
const temp = () => mkdtemp(path.join(tmpdir(), 'ingest-test-'));

describe('ingest CLI', () => {
  it('data/current is what the parser makes of data/raw (regenerate with `npm run ingest`)', async () => {
    const out = await temp();
    await ingest(parseArgs(['--out', out], root), quiet, quiet);
    for (const table of TABLE_NAMES) {
      const fresh = await readFile(path.join(out, 'current', `${table}.csv`), 'utf8');
      const committed = await readFile(path.join(BUNDLED_DATA_DIR, `${table}.csv`), 'utf8');
      expect(committed, `data/current/${table}.csv is out of date: run npm run ingest`).toBe(fresh);
    }
  });

  it('reports each unreadable file on stderr by name and still writes the others', async () => {
    const input = await temp();
    const out = await temp();
    await copyFile(path.join(raw, '000_4b75f8664dbcb524.txt'), path.join(input, '000.txt'));
    await writeFile(path.join(input, 'empty.txt'), '');
    await writeFile(path.join(input, 'memo.txt'), '会议纪要\n没有表格\n');
    const errors: string[] = [];
    const lines: string[] = [];
    const result = await ingest(parseArgs([input, '--out', out], root), (l) => lines.push(l), (l) => errors.push(l));
    expect(result.failures.map((f) => f.file)).toEqual(['empty.txt', 'memo.txt']);
    expect(errors[0]).toMatch(/^✗ empty\.txt: /);
    expect(errors[1]).toMatch(/^✗ memo\.txt: .*no self-evaluation table/);
    expect(lines.at(-1)).toMatch(/^1 reports, 11 indicators, \d+ findings; 2 failed/);
    expect((await readFile(path.join(out, 'current', 'reports.csv'), 'utf8')).split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('exits 1 when a file failed and leaves no staging folder behind', async () => {
    const input = await temp();
    const out = await temp();
    await copyFile(path.join(raw, '002_d677b793e52480fc.txt'), path.join(input, '002.txt'));
    await writeFile(path.join(input, 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    const run = promisify(execFile)('npx', ['tsx', 'src/cli/ingest.ts', input, '--out', out], { cwd: root });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('broken.txt') });
    expect((await readdir(path.join(out, 'current'))).sort()).toEqual(['budget_lines.csv', 'findings.csv', 'indicators.csv', 'reports.csv']);
    expect(await readdir(out)).toEqual([expect.stringMatching(/^\.tables-\d+-\d+$/), 'current']);
    expect((await readdir(path.dirname(out))).filter((name) => name.startsWith(`.${path.basename(out)}.`))).toEqual([]);
  });

  it('leaves the output folder as it was when nothing could be read', async () => {
    const input = await temp();
    const out = await temp();
    await writeFile(path.join(out, 'reports.csv'), 'old');
    await writeFile(path.join(input, 'empty.txt'), '');
    await ingest(parseArgs([input, '--out', out], root), quiet, quiet);
    expect(await readFile(path.join(out, 'reports.csv'), 'utf8')).toBe('old');
    expect(await readdir(out)).toEqual(['reports.csv']);
  });

  it('rejects a bad --format, a bad --lang and a missing input with a usage message', () => {
    expect(() => parseArgs(['--format', 'xlsx'], root)).toThrow(/--format must be csv or duckdb/);
    expect(() => parseArgs(['--lang', 'fr'], root)).toThrow(/--lang must be zh or en/);
    expect(() => parseArgs(['--out'], root)).toThrow(/needs a value/);
    expect(parseArgs([], root).lang).toBe('zh');
  });

  it('--lang en writes findings.message in English, from the same codes and params; the other tables as in Chinese', async () => {
    const [zh, en] = [await temp(), await temp()];
    await ingest(parseArgs(['--out', zh], root), quiet, quiet);
    await ingest(parseArgs(['--out', en, '--lang', 'en'], root), quiet, quiet);
    for (const table of TABLE_NAMES.filter((t) => t !== 'findings')) {
      expect(await readFile(path.join(en, 'current', `${table}.csv`), 'utf8'), table).toBe(await readFile(path.join(zh, 'current', `${table}.csv`), 'utf8'));
    }
    const rows = async (out: string) => Papa.parse<Record<string, string>>(await readFile(path.join(out, 'current', 'findings.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const [zhRows, enRows] = [await rows(zh), await rows(en)];
    expect(enRows.length).toBeGreaterThan(40);
    expect(enRows.length).toBe(zhRows.length);
    enRows.forEach((row, i) => {
      const { message: enMessage, ...rest } = row;
      const { message: zhMessage, ...zhRest } = zhRows[i];
      expect(rest).toEqual(zhRest);
      expect(enMessage).toBe(renderFinding(row.code, parseFindingParams(row.params)!, 'en'));
      expect(zhMessage).toBe(renderFinding(row.code, parseFindingParams(row.params)!, 'zh'));
      // English words around what it cites from the report; Chinese ones in the Chinese message.
      expect(enMessage).toMatch(/\b[a-z]{4,}\b/);
      expect(zhMessage).toMatch(/[\u4e00-\u9fff]/);
      expect(zhMessage).not.toBe(enMessage);
    });
  });

  it('writes a DuckDB file that DuckDB-WASM attaches read-only, beside the CSVs already there', async () => {
    const out = await temp();
    await ingest(parseArgs([path.join(raw, '000_4b75f8664dbcb524.txt'), '--out', out], root), quiet, quiet);
    const csv = await readFile(path.join(out, 'current', 'reports.csv'));
    await ingest(parseArgs(['--out', out, '--format', 'duckdb'], root), quiet, quiet);
    expect((await readdir(path.join(out, 'current'))).sort()).toEqual(['budget_lines.csv', 'findings.csv', 'fund-performance.duckdb', 'indicators.csv', 'reports.csv']);
    expect(await readFile(path.join(out, 'current', 'reports.csv'))).toEqual(csv);
    // The browser's engine reads it, and finds the rows of the CSVs the same input makes (data/raw
    // → data/current, checked above) as the app types them, table by table.
    const db = await openWasmDb();
    db.registerFileBuffer('fp.duckdb', new Uint8Array(await readFile(path.join(out, 'current', 'fund-performance.duckdb'))));
    const conn = db.connect();
    conn.query("ATTACH 'fp.duckdb' AS fp (READ_ONLY)");
    await wasmCsvTables(db, conn, BUNDLED_DATA_DIR, 'csv');
    conn.query('CREATE SCHEMA typed');
    for (const table of TABLE_NAMES) {
      const columns = conn.query(`DESCRIBE fp.${table}`).toArray().map((row) => String(row.column_name));
      conn.query(`CREATE VIEW typed.${table} AS ${datasetSelectSql(table, 'fp', columns)}`);
      expect(Number(conn.query(`SELECT count(*) AS n FROM typed.${table}`).toArray()[0].n), table).toBeGreaterThan(0);
      expect(rowDifference(conn, `typed.${table}`, `csv.${table}`), table).toEqual({ onlyInFirst: 0, onlyInSecond: 0 });
    }
    const figures = (schema: string) => conn.query(
      `SELECT count(*)::INTEGER AS n, round(sum(budget_adjusted), 2) AS total, (SELECT count(*)::INTEGER FROM ${schema}.indicators) AS indicators FROM ${schema}.reports`,
    ).toArray().map((r) => r.toJSON());
    expect(figures('fp')).toEqual(figures('csv'));
    expect(figures('fp')).toEqual([{ n: 5, total: 4410.88, indicators: 60 }]);
    conn.close();
  }, 60_000);

  it('reads folders with the folders in them, every report format, a file of two tables as two reports, and lists what it skipped', async () => {
    const input = await temp();
    const out = await temp();
    await mkdir(path.join(input, '2022', '滁州'), { recursive: true });
    await writeFile(path.join(input, '2022', '岳阳.docx'), toDocx(NATIONAL));
    await writeFile(path.join(input, '2022', '滁州', '水利.html'), toHtml(ANHUI_2022_CHUZHOU));
    await writeFile(path.join(input, 'README.md'), '# 说明');
    await writeFile(path.join(input, '2022', '岳阳.pdf'), '%PDF-1.7');
    await writeFile(path.join(input, '.DS_Store'), '');
    const lines: string[] = [];
    const errors: string[] = [];
    const result = await ingest(parseArgs([input, '--out', out], root), (l) => lines.push(l), (l) => errors.push(l));
    expect(errors).toEqual([]);
    expect(result.reportIds).toEqual(['岳阳', '水利#1', '水利#2']);
    expect(lines.find((l) => l.startsWith('✓ 水利.html'))).toMatch(/2 of 2 tables read: 水利#1 \(7 indicators.*水利#2 \(4 indicators/);
    expect(lines.find((l) => l.startsWith('skipped'))).toMatch(/^skipped 2 file\(s\) not in a report format \(.*\.docx.*\): .*岳阳\.pdf, .*README\.md$/);
  });

  it('fails only the entry that cannot be read: a dangling link, a pipe', async () => {
    const input = await temp();
    const out = await temp();
    await copyFile(path.join(raw, '000_4b75f8664dbcb524.txt'), path.join(input, '000.txt'));
    await symlink(path.join(input, 'gone.txt'), path.join(input, 'link.txt'));
    await promisify(execFile)('mkfifo', [path.join(input, 'pipe.txt')]);
    const errors: string[] = [];
    const result = await ingest(parseArgs([input, '--out', out], root), quiet, (l) => errors.push(l));
    expect(result.reportIds).toHaveLength(1);
    expect(errors).toEqual([
      '✗ link.txt: 链接指向的文件不存在 / a link to a file that does not exist',
      '✗ pipe.txt: 不是普通文件（管道、设备或套接字）/ not a regular file (a pipe, device or socket)',
    ]);
    // Named on the command line, a pipe fails the same way instead of hanging the run.
    const named = await ingest(parseArgs([path.join(input, 'pipe.txt'), '--out', out], root), quiet, quiet);
    expect(named.failures.map((f) => f.file)).toEqual(['pipe.txt']);
  });
});

