/**
 * “导出当前数据”: the four tables restricted by the URL's filters, each as CSV or all four as one
 * Excel workbook (`绩效看板-筛选数据-2026-11-22.xlsx`). Meant for the header or the filter bar.
 */
import { useDbSession, useDbStatus } from '../lib/db/index.ts';
import { TABLE_NAMES, contractColumns, type TableName } from '../lib/db/dataset/schema.ts';
import { columnLabels } from '../lib/column-labels.ts';
import { columnsOf } from '../lib/export/export-table.ts';
import { useI18n, type MessageKey } from '../lib/i18n.ts';
import { useUrlState } from '../lib/url-state.ts';
import { filteredBudgetLines } from '../queries/filtered-budget-lines.ts';
import { filteredFindings } from '../queries/filtered-findings.ts';
import { filteredIndicators } from '../queries/filtered-indicators.ts';
import { filteredReports } from '../queries/filtered-reports.ts';
import { hasFilters, type Filters } from '../queries/filters.ts';
import type { Query } from '../queries/query.ts';
import { ExportMenu, type ExportSource } from './export-menu.tsx';

const FILTERED_QUERIES: Record<TableName, (filters: Filters) => Query<Record<string, unknown>>> = {
  reports: filteredReports,
  budget_lines: filteredBudgetLines,
  indicators: filteredIndicators,
  findings: filteredFindings,
};

export function FilteredDataExport({ testId = 'filtered-export' }: { testId?: string }) {
  const { lang, t } = useI18n();
  const { filters } = useUrlState();
  const session = useDbSession();
  const db = useDbStatus();
  const sources: ExportSource[] = TABLE_NAMES.map((table) => {
    const label = t(`export.table.${table}` as MessageKey);
    return {
      label,
      load: async () => {
        const rows = await session.query(FILTERED_QUERIES[table](filters));
        const columns = columnsOf(rows, contractColumns(table));
        return { name: label, columns, rows, headers: columnLabels(lang, table, columns) };
      },
    };
  });
  const fileName = [t('app.title'), hasFilters(filters) ? t('export.filteredData') : t('export.allData')];
  return <ExportMenu fileName={fileName} sources={sources} label={t('export.filtered')} disabled={db.phase !== 'ready'} testId={testId} fieldNamesOption />;
}
