/**
 * One page of the findings list, sorted and paged by DuckDB (LIMIT/OFFSET): the table only
 * presents, so it scales to datasets far larger than a browser should hold.
 */
import type { Filters } from './filters.ts';
import { findingCondition, SEVERITY_RANK_SQL, type FindingFilters } from './findings-filter.ts';
import { pageClause, sortTerm, type PageRequest, type SortKey } from './paging.ts';
import { sql, type Query } from './query.ts';
import { FINDING_COLUMNS_SQL, type FindingColumns } from './finding-columns.ts';

export interface FindingRow extends FindingColumns {
  report_id: string;
  source_file: string | null;
  project: string | null;
  city: string | null;
}

/** The sortable columns and the SQL each sorts by: the only identifiers a sort puts into SQL. */
export const FINDINGS_SORT_COLUMNS: Record<string, readonly string[]> = {
  severity: [SEVERITY_RANK_SQL],
  code: ['f.code'],
  project: ['r.project'],
  message: ['f.message'],
  field: ['f.field'],
  expected: ['f.expected'],
  found: ['f.found'],
  // A source position: the file, then the line within it, both in the chosen direction.
  source: ['r.source_file', 'f.line'],
  line: ['f.line'],
};

/** Errors first, then by report and source line, unless the reader sorts otherwise. */
export const DEFAULT_FINDINGS_SORT: readonly SortKey[] = [{ id: 'severity', desc: false }];

// Appended to every order so pages never overlap or skip rows between equal sort keys.
const TIE_BREAK = ['r.source_file', 'f.report_id', 'f.line', 'f.code', 'f.field', 'f.message'];

export const isFindingsSortColumn = (id: string): boolean => Object.hasOwn(FINDINGS_SORT_COLUMNS, id);

export function findingsOrderBy(sort: readonly SortKey[]): string {
  const keys = sort.length > 0 ? sort : DEFAULT_FINDINGS_SORT;
  const terms = keys.flatMap(({ id, desc }) => {
    if (!isFindingsSortColumn(id)) throw new Error(`findings: unknown sort column "${id}"`);
    return FINDINGS_SORT_COLUMNS[id].map((expression) => sortTerm(expression, desc));
  });
  return [...terms, ...TIE_BREAK.map((column) => sortTerm(column, false))].join(', ');
}

export function findingsPage(
  filters: Filters,
  findingFilters: FindingFilters,
  sort: readonly SortKey[],
  page: PageRequest,
): Query<FindingRow> {
  const paging = pageClause(page, 'findings'); // literal numbers: a top-N plan (paging.ts)
  return sql<FindingRow>('findings-page')`
    SELECT f.report_id, r.source_file, r.project, r.city, ${FINDING_COLUMNS_SQL}
    FROM findings f JOIN reports r ON r.report_id = f.report_id
    WHERE ${findingCondition(filters, findingFilters)}
    ORDER BY ${findingsOrderBy(sort)}
    ${paging}`;
}
