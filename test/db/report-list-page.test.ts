/**
 * The paged report list against the whole list (reportList) on the bundled data: every order's
 * pages, put end to end, are the whole list in that order (numbers exactly; texts by code point,
 * as DuckDB sorts them), with the same figures and finding counts, and the count is the list's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { reportList, type ReportListRow } from '../../src/queries/report-list.ts';
import { REPORT_LIST_SORTS, reportListCount, reportListPage } from '../../src/queries/report-list-page.ts';

let db: NodeDb;
beforeAll(async () => {
  db = await openNodeDb(BUNDLED_DATA_DIR);
});
afterAll(() => db?.close());

const byCodePoint = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
const byNumber = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

/** The list's order written again in JS: the column (blanks last both ways), then by place, then id. */
function expectedOrder(rows: readonly ReportListRow[], id: string | null, desc: boolean): string[] {
  const place = (a: ReportListRow, b: ReportListRow) => byCodePoint(a.city, b.city) || byCodePoint(a.fund, b.fund)
    || byCodePoint(a.project, b.project) || -byNumber(a.year, b.year) || byCodePoint(a.report_id, b.report_id);
  const column = (a: ReportListRow, b: ReportListRow): number => {
    if (id === null) return 0;
    const x = a[id as keyof ReportListRow] as string | number | null;
    const y = b[id as keyof ReportListRow] as string | number | null;
    if (x === null || y === null) return byNumber(x === null ? null : 0, y === null ? null : 0);
    const order = typeof x === 'number' ? x - (y as number) : byCodePoint(x, y as string);
    return (desc ? -order : order) || (id === 'findings' ? (desc ? b.errors - a.errors : a.errors - b.errors) : 0);
  };
  return [...rows].sort((a, b) => column(a, b) || place(a, b)).map((r) => r.report_id);
}

describe('reportListPage', () => {
  it('pages through the list in every order, each row as the whole list has it', async () => {
    const all = await db.query(reportList({}));
    expect(all.length).toBeGreaterThan(2);
    const [{ reports }] = await db.query(reportListCount({}, ''));
    expect(reports).toBe(all.length);
    for (const id of [null, ...Object.keys(REPORT_LIST_SORTS)]) {
      for (const desc of id === null ? [false] : [false, true]) {
        const sort = id === null ? null : { id, desc };
        const paged: ReportListRow[] = [];
        for (let pageIndex = 0; pageIndex * 2 < all.length; pageIndex++) paged.push(...await db.query(reportListPage({}, '', sort, { pageIndex, pageSize: 2 })));
        expect(paged.map((r) => r.report_id), `${id} ${desc}`).toEqual(expectedOrder(all, id, desc));
        const byId = new Map(all.map((r) => [r.report_id, r]));
        for (const row of paged) expect(row).toEqual(byId.get(row.report_id));
      }
    }
  });

  it('searches and filters as the list does, and counts what it finds', async () => {
    for (const [filters, search] of [[{}, '企协'], [{ status: ['not_met'] }, ''], [{ city: ['益阳市'] }, 'nothing like this']] as const) {
      const all = await db.query(reportList(filters, search));
      const page = await db.query(reportListPage(filters, search, null, { pageIndex: 0, pageSize: 100 }));
      expect(page.map((r) => r.report_id).sort()).toEqual(all.map((r) => r.report_id).sort());
      expect((await db.query(reportListCount(filters, search)))[0].reports).toBe(all.length);
    }
    expect(() => reportListPage({}, '', { id: 'title; DROP TABLE reports', desc: false }, { pageIndex: 0, pageSize: 10 })).toThrow(/unknown sort/);
  });
});
