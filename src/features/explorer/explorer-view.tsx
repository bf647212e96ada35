/**
 * 数据浏览 Explorer: any of the four tables in the shared data table. DuckDB filters (a control
 * per column and the dashboard's filters), sorts, groups and pages, so the browser only ever
 * holds one page — a million rows stay responsive. A row opens its report; a group drills down.
 */
import { useEffect, useMemo } from 'react';
import { DataTable } from '../../components/data-table.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { columnLabels } from '../../lib/column-labels.ts';
import { useDbSession, useDbStatus, useQuery } from '../../lib/db/index.ts';
import { formatCount } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { navigate, useUrlState } from '../../lib/url-state.ts';
import { explorerColumn, ROW_KEYS } from '../../queries/explorer-columns.ts';
import { explorerCount } from '../../queries/explorer-count.ts';
import { BLANK_CHOICE } from '../../queries/explorer-filter.ts';
import { explorerGroupCount, explorerGroups } from '../../queries/explorer-groups.ts';
import { choiceColumns, explorerOptions, type ExplorerOptionRow } from '../../queries/explorer-options.ts';
import { explorerPage, type ExplorerRow } from '../../queries/explorer-page.ts';
import { ColumnFilterControl } from './column-filter.tsx';
import { columnLabelKey, valueLabel } from './explorer-format.ts';
import { FilterChips, GroupSelect, TableSwitch, tableLabelKey } from './explorer-toolbar.tsx';
import { groupColumns, tableColumns } from './explorer-table-columns.tsx';
import {
  clearColumnFilters, drillDown, effectiveSorting, readExplorerState, withColumnFilter, withGroup, withHidden, withPage, withSorting, withTable,
} from './explorer-url.ts';
import './explorer.css';

export function ExplorerView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const session = useDbSession();
  const db = useDbStatus();
  const state = useMemo(() => readExplorerState(url.params), [url.params]);
  const { table, columnFilters, groupBy, sorting, page, hidden } = state;
  const queries = useMemo(() => ({
    // The page first: queries of one connection run in turn, and the rows are what the reader waits for.
    page: groupBy ? explorerGroups(table, groupBy, url.filters, columnFilters, sorting, page)
      : explorerPage(table, url.filters, columnFilters, sorting, page),
    count: groupBy ? explorerGroupCount(table, groupBy, url.filters, columnFilters) : explorerCount(table, url.filters, columnFilters),
    // Only the lists on screen: each is a scan of the table.
    options: explorerOptions(table, url.filters, groupBy ? [groupBy] : choiceColumns(table).filter((c) => !hidden.includes(c))),
  }), [table, groupBy, url.filters, columnFilters, sorting, page, hidden]);
  const rows = useQuery<ExplorerRow>(queries.page);
  const count = useQuery<{ rows: number; groups?: number }>(queries.count);
  const options = useQuery<ExplorerOptionRow>(queries.options);
  useDrawnMarks('explorer', [rows, count]);

  const counted = count.rows?.[0];
  const total = counted ? (groupBy ? counted.groups ?? 0 : counted.rows) : undefined;
  const columns = useMemo(() => (groupBy ? groupColumns(table, groupBy) : tableColumns(table)), [table, groupBy]);
  const visibility = useMemo(
    () => Object.fromEntries(hidden.filter((name) => name !== groupBy).map((name) => [name, false])),
    [hidden, groupBy],
  );
  const optionsOf = useMemo(() => {
    const byColumn = new Map<string, ExplorerOptionRow[]>();
    for (const row of options.rows ?? []) byColumn.set(row.column, [...(byColumn.get(row.column) ?? []), row]);
    return byColumn;
  }, [options.rows]);

  // A link or a narrower filter can point past the last page: show the last one instead.
  const lastPage = total !== undefined ? Math.max(0, Math.ceil(total / page.pageSize) - 1) : null;
  useEffect(() => {
    if (lastPage !== null && page.pageIndex > lastPage) navigate(withPage(url.params, { ...page, pageIndex: lastPage }), { replace: true });
  }, [lastPage, page, url.params]);

  const headerFilter = (columnId: string) => {
    const column = explorerColumn(table, columnId);
    // Grouped, only the group column filters: the sums are figures of the filtered rows.
    if (!column || (groupBy && columnId !== groupBy)) return null;
    return (
      <ColumnFilterControl table={table} column={column} label={t(columnLabelKey(table, columnId))}
        filter={columnFilters.find((f) => f.column === columnId)} options={optionsOf.get(columnId) ?? []}
        onChange={(filter) => navigate(withColumnFilter(url.params, columnId, filter))} />
    );
  };
  const tableLabel = t(tableLabelKey(table));
  const groupLabel = groupBy ? t(columnLabelKey(table, groupBy)) : null;
  const groupValue = (row: ExplorerRow) => (groupBy && row[groupBy] != null ? String(row[groupBy]) : BLANK_CHOICE);

  return (
    <div className="explorer" data-testid="explorer" data-source={rows.source} data-table={table}>
      <div className="explorer-head">
        <TableSwitch table={table} onChange={(next) => navigate(withTable(url.params, next))} />
        <p className="explorer-summary" data-testid="explorer-summary">
          {counted === undefined ? t('table.loading')
            : groupLabel ? `${t('explorer.groupSummary', { name: groupLabel, count: formatCount(counted.groups ?? 0, lang) })} · ${t('explorer.rows', { count: formatCount(counted.rows, lang) })}`
            : `${tableLabel} · ${t('explorer.rows', { count: formatCount(counted.rows, lang) })}`}
          <span className="explorer-hint">{t(groupBy ? 'explorer.groupHint' : 'explorer.rowHint')}</span>
        </p>
      </div>
      <DataTable<ExplorerRow>
        caption={groupLabel ? `${tableLabel} · ${groupLabel}` : tableLabel}
        testId="explorer-table"
        columns={columns}
        rows={rows.rows}
        rowCount={total}
        loading={rows.loading || count.loading}
        error={rows.error ?? count.error}
        sorting={effectiveSorting(state)}
        onSortingChange={(next) => navigate(withSorting(url.params, next))}
        pagination={page}
        onPaginationChange={(next) => navigate(withPage(url.params, next))}
        columnVisibility={visibility}
        onColumnVisibilityChange={(next) => navigate(withHidden(url.params, table,
          [...Object.keys(next).filter((name) => next[name] === false), ...hidden.filter((name) => name === groupBy)]))}
        headerFilter={headerFilter}
        getRowId={(row, index) => (groupBy ? `${groupValue(row)}` : ROW_KEYS[table].map((key) => row[key]).join('|')) || String(index)}
        onRowClick={(row) => (groupBy
          ? navigate(drillDown(url.params, groupBy, groupValue(row)))
          : url.setParams({ view: 'report', report: row.report_id }))}
        rowActionLabel={(row) => (groupBy
          ? t('explorer.drillDown', { name: valueLabel(lang, table, groupBy, groupValue(row)) })
          : t('explorer.openReport', { name: String(row.report_project ?? row.project ?? row.report_id) }))}
        toolbar={
          <div className="explorer-toolbar">
            <GroupSelect table={table} groupBy={groupBy} onChange={(column) => navigate(withGroup(url.params, column))} />
            <ExportMenu
              fileName={[t('explorer.exportName'), tableLabel, ...(groupLabel ? [groupLabel] : [])]}
              disabled={db.phase !== 'ready'}
              testId="explorer-export"
              fieldNamesOption
              sources={[{
                label: groupLabel ? `${tableLabel}·${groupLabel}` : tableLabel,
                load: async () => {
                  const all = groupBy ? explorerGroups(table, groupBy, url.filters, columnFilters, sorting, null)
                    : explorerPage(table, url.filters, columnFilters, sorting, null);
                  const shown = columns.map((c) => c.id!).filter((id) => visibility[id] !== false);
                  return { name: tableLabel, columns: shown, rows: await session.query(all), headers: columnLabels(lang, table, shown) };
                },
              }]}
            />
            <FilterChips table={table} filters={columnFilters}
              onRemove={(column) => navigate(withColumnFilter(url.params, column, null))}
              onClear={() => navigate(clearColumnFilters(url.params))} />
          </div>
        }
      />
    </div>
  );
}
