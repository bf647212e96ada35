/** The shared DDL: typed columns, blanks as NULL, errors naming the file. */
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { csvColumnTypes, csvHeaderLine, datasetSelectSql, parseCsvHeader } from '../../src/lib/db/dataset/schema.ts';
import { sql } from '../../src/queries/query.ts';
import { FIXTURE_DIR, openFixtureDb } from './helpers.ts';

describe('parseCsvHeader', () => {
  it('reads quoted names, a BOM and CRLF', () => {
    expect(parseCsvHeader('\uFEFFreport_id,"line ""x""",seq\r\n')).toEqual(['report_id', 'line "x"', 'seq']);
  });
});

describe('csvHeaderLine', () => {
  it('ends the header at LF, CR LF or CR', () => {
    for (const end of ['\n', '\r\n', '\r']) expect(csvHeaderLine(`a,b${end}1,2${end}`), JSON.stringify(end)).toBe('a,b');
    expect(csvHeaderLine('a,b')).toBe('a,b');
  });
});

describe('csvColumnTypes', () => {
  it('types contract columns and leaves unknown ones as text', () => {
    const header = Object.keys({ report_id: 1, code: 1, severity: 1, field: 1, expected: 1, found: 1, message: 1, line: 1, extra: 1 });
    expect(csvColumnTypes('findings', header)).toContainEqual(['line', 'INTEGER']);
    expect(csvColumnTypes('findings', header)).toContainEqual(['extra', 'VARCHAR']);
  });

  it('names the file and the missing columns', () => {
    expect(() => csvColumnTypes('findings', ['report_id'], 'x/findings.csv')).toThrow(/^x\/findings\.csv: missing column\(s\) code, severity/);
  });
});

describe('datasetSelectSql', () => {
  it('adds absent optional columns as typed NULLs', () => {
    expect(datasetSelectSql('findings', 'ds_1', ['report_id'])).toContain('FROM ds_1.findings');
    expect(datasetSelectSql('reports', 'ds_1', ['report_id'])).toContain('CAST(NULL AS INTEGER) AS "indicator_count"');
  });
});

describe('loading the fixture', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openFixtureDb();
  });
  afterAll(() => db?.close());

  it('keeps ids as text, blanks as NULL and numbers as numbers', async () => {
    const rows = await db.query(sql<Record<string, unknown>>('t')`
      SELECT report_id, department, year, budget_adjusted, indicator_count FROM reports ORDER BY report_id`);
    expect(rows[0]).toEqual({ report_id: '000_4b75f8664dbcb524', department: '市工信局', year: 2022, budget_adjusted: 516, indicator_count: 4 });
    expect(rows[3].department).toBeNull(); // 园区建设专项 has a blank 主管部门
    const [types] = await db.query(sql<{ t: string }>('t')`SELECT typeof(seq) AS t FROM indicators LIMIT 1`);
    expect(types.t).toBe('INTEGER');
  });
});

describe('a bad dataset', () => {
  it('fails with the file and the column named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-bad-'));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'findings.csv'), 'report_id,code\nx,y\n');
    await expect(openNodeDb(dir)).rejects.toThrow(/findings\.csv: missing column\(s\) severity/);
  });

  it('fails on a value that is not of its column type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-bad-'));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'findings.csv'), 'report_id,code,severity,field,expected,found,message,line\nx,C,error,,,,m,not-a-number\n');
    await expect(openNodeDb(dir)).rejects.toThrow(/line/);
  });
});
