/**
 * The app's data table, on TanStack Table 9. It only presents: sorting and paging are done by
 * DuckDB (`manualSorting`, `manualPagination`), so the caller keeps both in the URL, runs the
 * query for one page and passes that page and the total row count in. Nothing here sorts or
 * filters rows, which keeps it usable for tables of millions of rows.
 *
 *   const columns = [col.accessor('code', { meta: { labelKey: 'findings.col.code' } }), …];
 *   <DataTable columns={columns} rows={page.rows} rowCount={count} sorting={…} onSortingChange={…} … />
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  columnVisibilityFeature, createColumnHelper, functionalUpdate, metaHelper, rowPaginationFeature, rowSortingFeature,
  tableFeatures, useTable, type ColumnDef, type ColumnVisibilityState, type Header, type RowData, type Updater,
} from '@tanstack/react-table';
import { formatCount } from '../lib/format.ts';
import { useI18n, type MessageKey, type Translate } from '../lib/i18n.ts';
import type { Lang } from '../lib/url-state.ts';
import { PAGE_SIZES, type PageState, type SortKey } from './data-table-url.ts';
import './data-table.css';
import { SortHeader } from './sort-header.tsx';

export interface DataColumnMeta {
  /** The header text (and the name in the column menu). */
  labelKey: MessageKey;
  /** Numbers right-aligned. */
  align?: 'start' | 'end';
  /** A class on the column's cells, e.g. for widths (`data-table-col-wide`). */
  className?: string;
  /** Header text built from several labels (e.g. “年初预算（合计）”); overrides `labelKey`. */
  headerText?: (t: Translate) => string;
}

const columnLabel = (meta: DataColumnMeta | undefined, t: Translate, id: string): string =>
  meta ? meta.headerText?.(t) ?? t(meta.labelKey) : id;

/** Cells read the language and translator from the table, so column definitions stay constants. */
export interface DataTableMeta {
  lang: Lang;
  t: Translate;
}

export const DATA_TABLE_FEATURES = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataColumnMeta>(),
  tableMeta: metaHelper<DataTableMeta>(),
});

export type DataTableFeatures = typeof DATA_TABLE_FEATURES;
// Columns of different value types live in one array, as in TanStack's own helpers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;
export const dataColumnHelper = <TData extends RowData>() => createColumnHelper<DataTableFeatures, TData>();

export interface DataTableProps<TData extends RowData> {
  /** Names the table for assistive technology (the `<caption>`). */
  caption: string;
  columns: readonly DataColumn<TData>[];
  /** The current page; undefined while the first result is on its way. */
  rows: readonly TData[] | undefined;
  /** Rows matching in all pages (the count query). */
  rowCount: number | undefined;
  sorting: readonly SortKey[];
  onSortingChange: (sorting: SortKey[]) => void;
  pagination: PageState;
  onPaginationChange: (pagination: PageState) => void;
  pageSizes?: readonly number[];
  loading?: boolean;
  error?: string | null;
  onRowClick?: (row: TData) => void;
  /** What a row click does, shown on hover (e.g. “打开报告：…”). */
  rowActionLabel?: (row: TData) => string;
  getRowId?: (row: TData, index: number) => string;
  initialColumnVisibility?: ColumnVisibilityState;
  /** Controlled column visibility (e.g. kept in the URL); without it the table keeps its own. */
  columnVisibility?: ColumnVisibilityState;
  onColumnVisibilityChange?: (visibility: ColumnVisibilityState) => void;
  /** A second header row: a filter control per column (null leaves the cell empty). */
  headerFilter?: (columnId: string) => ReactNode;
  /** Extra controls at the start of the toolbar (filters of the view). */
  toolbar?: ReactNode;
  testId?: string;
}

const NO_ROWS: readonly never[] = [];

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { caption, columns, rows, rowCount, sorting, pagination, pageSizes = PAGE_SIZES, loading = false, error = null } = props;
  const { lang, t } = useI18n();
  const [ownVisibility, setOwnVisibility] = useState<ColumnVisibilityState>(props.initialColumnVisibility ?? {});
  const columnVisibility = props.columnVisibility ?? ownVisibility;
  const meta = useMemo(() => ({ lang, t }), [lang]); // `t` is a function of `lang`
  const table = useTable({
    features: DATA_TABLE_FEATURES,
    columns,
    data: rows ?? NO_ROWS,
    getRowId: props.getRowId,
    meta,
    manualSorting: true,
    manualPagination: true,
    autoResetPageIndex: false,
    sortDescFirst: false,
    rowCount: rowCount ?? 0,
    state: { sorting: sorting as SortKey[], pagination, columnVisibility },
    onSortingChange: (updater: Updater<SortKey[]>) => props.onSortingChange(functionalUpdate(updater, sorting as SortKey[])),
    onPaginationChange: (updater: Updater<PageState>) => props.onPaginationChange(functionalUpdate(updater, pagination)),
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      if (props.onColumnVisibilityChange) props.onColumnVisibilityChange(functionalUpdate(updater, columnVisibility));
      else setOwnVisibility((old) => functionalUpdate(updater, old));
    },
  });
  const visibleColumns = table.getVisibleLeafColumns().length;
  const pageRows = table.getRowModel().rows;
  const clickable = props.onRowClick != null;

  return (
    <section className="card data-table-card" data-testid={props.testId} aria-busy={loading}>
      <div className="data-table-toolbar">
        {props.toolbar}
        <span className="data-table-count" role="status" data-testid="table-count">{rangeText(t, lang, pagination, rowCount)}</span>
        {loading && <span className="progress" aria-hidden="true" />}
        <ColumnMenu t={t} columns={table.getAllLeafColumns()} />
      </div>
      <div className="data-table-scroll scroll-x" role="region" aria-label={caption} tabIndex={0}>
        <table className={`data-table${loading && rows ? ' is-stale' : ''}`}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => <HeaderCell key={header.id} header={header} t={t} />)}
              </tr>
            ))}
            {props.headerFilter && (
              <tr className="data-table-filters">
                {table.getVisibleLeafColumns().map((column) => (
                  <td key={column.id} className={cellClass(column.columnDef.meta)} data-column={column.id}>{props.headerFilter!(column.id)}</td>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {error ? <MessageRow colSpan={visibleColumns} className="card-error">{error}</MessageRow>
              : rows === undefined ? <MessageRow colSpan={visibleColumns}>{t('table.loading')}</MessageRow>
              : pageRows.length === 0 ? <MessageRow colSpan={visibleColumns}>{t('table.empty')}</MessageRow>
              : pageRows.map((row) => (
                <tr
                  key={row.id}
                  className={clickable ? 'is-clickable' : undefined}
                  tabIndex={clickable ? 0 : undefined}
                  title={props.rowActionLabel?.(row.original)}
                  onClick={clickable ? () => props.onRowClick!(row.original) : undefined}
                  onKeyDown={clickable ? (event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      props.onRowClick!(row.original);
                    }
                  } : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cellClass(cell.column.columnDef.meta)} data-column={cell.column.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <Pager t={t} lang={lang} table={table} pagination={pagination} pageSizes={pageSizes} onPaginationChange={props.onPaginationChange} />
    </section>
  );
}

const cellClass = (meta: DataColumnMeta | undefined): string | undefined =>
  [meta?.align === 'end' ? 'is-numeric' : '', meta?.className ?? ''].filter(Boolean).join(' ') || undefined;

function rangeText(t: Translate, lang: Lang, { pageIndex, pageSize }: PageState, rowCount: number | undefined): string {
  if (rowCount == null) return t('table.loading');
  const from = pageIndex * pageSize + 1;
  if (rowCount === 0 || from > rowCount) return t('table.rowCount', { count: formatCount(rowCount, lang) });
  const to = Math.min(rowCount, from + pageSize - 1);
  return t('table.range', { from: formatCount(from, lang), to: formatCount(to, lang), count: formatCount(rowCount, lang) });
}

function HeaderCell<TData extends RowData>({ header, t }: { header: Header<DataTableFeatures, TData, unknown>; t: Translate }) {
  const { column } = header;
  const label = columnLabel(column.columnDef.meta, t, column.id);
  const sorted = column.getIsSorted();
  if (!column.getCanSort()) return <th scope="col" className={cellClass(column.columnDef.meta)}>{label}</th>;
  return (
    <SortHeader label={label} direction={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      onSort={(event) => column.getToggleSortingHandler()?.(event)} title={t('table.sortBy', { name: label })} className={cellClass(column.columnDef.meta)} column={column.id} />
  );
}

function MessageRow({ colSpan, className, children }: { colSpan: number; className?: string; children: ReactNode }) {
  return <tr><td colSpan={Math.max(1, colSpan)} className={`data-table-message ${className ?? ''}`}>{children}</td></tr>;
}

interface MenuColumn {
  id: string;
  columnDef: { meta?: DataColumnMeta };
  getCanHide(): boolean;
  getIsVisible(): boolean;
  toggleVisibility(value?: boolean): void;
}

/** A disclosure with a checkbox per column; the last visible column cannot be hidden. */
function ColumnMenu({ t, columns }: { t: Translate; columns: readonly MenuColumn[] }) {
  const visible = columns.filter((c) => c.getIsVisible()).length;
  return (
    <details className="data-table-columns">
      <summary>{t('table.columns')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('table.columns')}</legend>
        {columns.filter((c) => c.getCanHide()).map((column) => (
          <label key={column.id}>
            <input type="checkbox" checked={column.getIsVisible()} disabled={column.getIsVisible() && visible === 1}
              onChange={(event) => column.toggleVisibility(event.target.checked)} data-column={column.id} />
            {columnLabel(column.columnDef.meta, t, column.id)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

interface PagerTable {
  getPageCount(): number;
  getCanPreviousPage(): boolean;
  getCanNextPage(): boolean;
}

/**
 * The table's pager for a list drawn elsewhere (a view's own table markup): the same controls,
 * from the row count the view's count query gives.
 */
export function ListPager({ rowCount, pagination, pageSizes = PAGE_SIZES, onPaginationChange }: {
  rowCount: number; pagination: PageState; pageSizes?: readonly number[]; onPaginationChange: (next: PageState) => void;
}) {
  const { lang, t } = useI18n();
  const pageCount = Math.max(1, Math.ceil(rowCount / pagination.pageSize));
  const table: PagerTable = {
    getPageCount: () => pageCount,
    getCanPreviousPage: () => pagination.pageIndex > 0,
    getCanNextPage: () => pagination.pageIndex < pageCount - 1,
  };
  return (
    <div className="list-pager">
      <span className="data-table-count" role="status" data-testid="table-count">{rangeText(t, lang, pagination, rowCount)}</span>
      <Pager t={t} lang={lang} table={table} pagination={pagination} pageSizes={pageSizes} onPaginationChange={onPaginationChange} />
    </div>
  );
}

function Pager({ t, lang, table, pagination, pageSizes, onPaginationChange }: {
  t: Translate; lang: Lang; table: PagerTable; pagination: PageState; pageSizes: readonly number[];
  onPaginationChange: (next: PageState) => void;
}) {
  const pageCount = Math.max(1, table.getPageCount());
  const go = (pageIndex: number) => onPaginationChange({ ...pagination, pageIndex: Math.min(Math.max(0, pageIndex), pageCount - 1) });
  const buttons = [
    { name: 'first', label: t('table.first'), icon: '«', target: 0, enabled: table.getCanPreviousPage() },
    { name: 'prev', label: t('table.prev'), icon: '‹', target: pagination.pageIndex - 1, enabled: table.getCanPreviousPage() },
    { name: 'next', label: t('table.next'), icon: '›', target: pagination.pageIndex + 1, enabled: table.getCanNextPage() },
    { name: 'last', label: t('table.last'), icon: '»', target: pageCount - 1, enabled: table.getCanNextPage() },
  ];
  return (
    <nav className="data-table-pager" aria-label={t('table.pagination')}>
      <label className="data-table-page-size">
        <span>{t('table.pageSize')}</span>
        <select value={pagination.pageSize} onChange={(event) => onPaginationChange({ pageIndex: 0, pageSize: Number(event.target.value) })}>
          {pageSizes.map((size) => <option key={size} value={size}>{t('table.pageSizeOption', { count: size })}</option>)}
        </select>
      </label>
      <div className="data-table-pages">
        {buttons.slice(0, 2).map((b) => <PageButton key={b.name} {...b} onClick={() => go(b.target)} />)}
        <span className="data-table-page" data-testid="table-page">
          {t('table.page', { from: formatCount(Math.min(pagination.pageIndex + 1, pageCount), lang), to: formatCount(pageCount, lang) })}
        </span>
        {buttons.slice(2).map((b) => <PageButton key={b.name} {...b} onClick={() => go(b.target)} />)}
      </div>
    </nav>
  );
}

function PageButton({ name, label, icon, enabled, onClick }: { name: string; label: string; icon: string; enabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className="data-table-page-button" aria-label={label} title={label} disabled={!enabled} onClick={onClick} data-page={name}>
      {icon}
    </button>
  );
}
