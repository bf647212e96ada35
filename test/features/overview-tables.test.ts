import { describe, expect, it } from 'vitest';
import { OVERVIEW_TABLE_ROWS, reportsNeedingAttention } from '../../src/features/overview/overview-tables.tsx';
import type { ReportListRow } from '../../src/queries/report-list.ts';

const report = (report_id: string, project: string, errors: number, findings: number): ReportListRow => ({
  report_id, project, errors, findings, year: 2022, city: '株洲市', fund: null, project_name_printed: null,
  budget_adjusted: null, execution_rate: null, total_score: null, declared_total_score: null, grade: null, rule_total_score: null, rule_gap: null,
});

describe('reportsNeedingAttention', () => {
  it('puts the reports with the most errors first, then the most findings, then by project name', () => {
    const rows = [report('a', '园区建设专项', 0, 9), report('b', '产业链专项', 2, 3), report('c', '企协专项', 2, 5), report('d', '中小企业科专项', 0, 9)];
    expect(reportsNeedingAttention(rows).map((r) => r.report_id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('keeps the first few only, leaving the list it was given as it was', () => {
    const rows = Array.from({ length: 8 }, (_, i) => report(`r${i}`, `项目${i}`, 0, i));
    const order = rows.map((r) => r.report_id);
    expect(reportsNeedingAttention(rows)).toHaveLength(OVERVIEW_TABLE_ROWS);
    expect(rows.map((r) => r.report_id)).toEqual(order);
  });
});
