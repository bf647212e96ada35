/**
 * The same project's reports of other years (issue 20, years): matched by fund, project and
 * department, each compared as normalizedSql does, for the report page's links to its other years.
 */
import { normalizedSql } from './normalized-text.ts';
import { fragment, sql, type Query } from './query.ts';

export interface ProjectYearRow {
  report_id: string;
  year: number | null;
  total_score: number | null;
  execution_rate: number | null;
}

const same = (column: string) => `${normalizedSql(`r.${column}`)} = ${normalizedSql(`me.${column}`)}`;

export function projectYears(reportId: string): Query<ProjectYearRow> {
  const id = fragment('?', [reportId]);
  return sql<ProjectYearRow>('project-years')`
    WITH me AS (SELECT fund, project, department FROM reports WHERE report_id = ${id} LIMIT 1)
    SELECT r.report_id, r.year, r.total_score, r.execution_rate
    FROM reports r, me
    WHERE r.report_id <> ${id} AND ${normalizedSql('me.project')} <> ''
      AND ${same('fund')} AND ${same('project')} AND ${same('department')}
    ORDER BY r.year NULLS LAST, r.report_id`;
}
