/**
 * One page of the report list (报告详情), filtered, searched, sorted and paged by DuckDB, and
 * the count of the whole list. Texts sort by code point here (DuckDB-WASM has no ICU); the view
 * sorts a list that fits one page by pinyin itself (report-list.tsx). The finding counts are
 * joined to the page's rows only, unless the list is sorted by them.
 */
import { reportCondition, type Filters } from './filters.ts';
import { pageClause, sortTerm, type PageRequest, type SortKey } from './paging.ts';
import { sql, type Query } from './query.ts';
import { REPORT_LIST_COLUMNS, reportSearchCondition, type ReportListRow } from './report-list.ts';

/** The sortable columns and what each sorts by: the only identifiers a sort puts into SQL. */
export const REPORT_LIST_SORTS: Record<string, readonly string[]> = {
  project: ['project'],
  city: ['city'],
  fund: ['fund'],
  year: ['year'],
  budget_adjusted: ['budget_adjusted'],
  execution_rate: ['execution_rate'],
  total_score: ['total_score'],
  grade: ['grade'],
  findings: ['findings', 'errors'],
};

export const isReportListSort = (id: string): boolean => Object.hasOwn(REPORT_LIST_SORTS, id);

// By place (city, fund, project, latest year first), then the id: pages never overlap.
const BY_PLACE = [sortTerm('city', false), sortTerm('fund', false), sortTerm('project', false), sortTerm('year', true), sortTerm('report_id', false)];

export function reportListOrderBy(sort: SortKey | null): string {
  if (sort && !isReportListSort(sort.id)) throw new Error(`report list: unknown sort column "${sort.id}"`);
  const terms = sort ? REPORT_LIST_SORTS[sort.id].map((column) => sortTerm(column, sort.desc)) : [];
  return [...terms, ...BY_PLACE].join(', ');
}

const COUNTS = `SELECT report_id, COUNT(*)::INTEGER AS findings, COUNT(*) FILTER (WHERE severity = 'error')::INTEGER AS errors
      FROM findings`;

export function reportListPage(filters: Filters, search: string, sort: SortKey | null, page: PageRequest): Query<ReportListRow> {
  const paging = pageClause(page, 'report list'); // literal numbers: a top-N plan (paging.ts)
  const orderBy = reportListOrderBy(sort);
  if (sort?.id === 'findings') {
    return sql<ReportListRow>('report-list-page-by-findings')`
      WITH counts AS (${COUNTS} GROUP BY report_id),
      listed AS (
        SELECT ${REPORT_LIST_COLUMNS}, COALESCE(c.findings, 0)::INTEGER AS findings, COALESCE(c.errors, 0)::INTEGER AS errors
        FROM reports r LEFT JOIN counts c ON c.report_id = r.report_id
        WHERE ${reportCondition(filters)} AND ${reportSearchCondition(search)}
      )
      SELECT * FROM listed ORDER BY ${orderBy} ${paging}`;
  }
  return sql<ReportListRow>('report-list-page')`
    WITH page AS (
      SELECT ${REPORT_LIST_COLUMNS} FROM reports r
      WHERE ${reportCondition(filters)} AND ${reportSearchCondition(search)}
      ORDER BY ${orderBy} ${paging}
    ),
    counts AS (${COUNTS} WHERE report_id IN (SELECT report_id FROM page) GROUP BY report_id)
    SELECT * FROM (
      SELECT page.*, COALESCE(c.findings, 0)::INTEGER AS findings, COALESCE(c.errors, 0)::INTEGER AS errors
      FROM page LEFT JOIN counts c ON c.report_id = page.report_id
    ) ORDER BY ${orderBy}`;
}

export function reportListCount(filters: Filters, search: string): Query<{ reports: number }> {
  return sql<{ reports: number }>('report-list-count')`
    SELECT COUNT(*)::INTEGER AS reports FROM reports r WHERE ${reportCondition(filters)} AND ${reportSearchCondition(search)}`;
}
