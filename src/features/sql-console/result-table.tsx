/**
 * The console's result in the shared data table. The rows are already in memory (at most
 * CONSOLE_ROW_LIMIT), so sorting and paging happen here; the query's own ORDER BY is the order
 * until a header is clicked. Numbers are right-aligned with the language's separators, blanks
 * show as “—”. The toolbar exports the whole result as CSV or Excel.
 */
import { useEffect, useMemo, useState } from 'react';
import { DataTable, dataColumnHelper, type DataColumn } from '../../components/data-table.tsx';
import { DEFAULT_PAGE_SIZE, type PageState, type SortKey } from '../../components/data-table-url.ts';
import { ExportMenu } from '../../components/export-menu.tsx';
import { BLANK, formatNumber } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import type { ConsoleResult } from '../../lib/db/console/console-query.ts';
import { sortRows } from './result-sort.ts';

type Row = Record<string, unknown>;

const col = dataColumnHelper<Row>();

interface ResultTableProps {
  result: ConsoleResult;
  /** File name parts of exports, e.g. the example's title. */
  fileName: readonly string[];
  loading: boolean;
}

/** Texts up to this many characters are not broken across lines. */
const SHORT_TEXT = 16;

export function ResultTable({ result, fileName, loading }: ResultTableProps) {
  const { lang, t } = useI18n();
  const [sorting, setSorting] = useState<SortKey[]>([]);
  const [pagination, setPagination] = useState<PageState>({ pageIndex: 0, pageSize: DEFAULT_PAGE_SIZE });
  useEffect(() => {
    setSorting([]);
    setPagination((old) => ({ ...old, pageIndex: 0 }));
  }, [result]);

  const columns = useMemo<DataColumn<Row>[]>(() => result.columns.map((name) =>
    col.accessor((row: Row) => row[name], {
      id: name,
      cell: (info) => {
        const value = info.getValue();
        if (value == null) return <span className="sql-cell-blank">{BLANK}</span>;
        if (typeof value === 'number') return <span className="sql-cell-number">{formatNumber(value, info.table.options.meta!.lang, 4)}</span>;
        if (typeof value === 'boolean') return String(value);
        const text = String(value);
        // A name (a city, a code) stays on one line; longer text wraps within its column.
        return <span className={text.length <= SHORT_TEXT ? 'sql-cell-text is-short' : 'sql-cell-text'}>{text}</span>;
      },
    })), [result.columns]);

  const sorted = useMemo(() => sortRows(result.rows, sorting), [result.rows, sorting]);
  const page = useMemo(
    () => sorted.slice(pagination.pageIndex * pagination.pageSize, (pagination.pageIndex + 1) * pagination.pageSize),
    [sorted, pagination],
  );
  const sources = useMemo(() => [{
    label: fileName[fileName.length - 1] ?? t('sql.resultFile'),
    load: async () => ({ name: fileName.join('-'), columns: result.columns, rows: sorted }),
  }], [result, sorted, fileName.join('\u0000'), lang]);

  return (
    <DataTable
      caption={t('sql.result')}
      columns={columns}
      rows={page}
      rowCount={result.rows.length}
      sorting={sorting}
      onSortingChange={(next) => {
        setSorting(next);
        setPagination((old) => ({ ...old, pageIndex: 0 }));
      }}
      pagination={pagination}
      onPaginationChange={setPagination}
      loading={loading}
      toolbar={<ExportMenu fileName={fileName} sources={sources} testId="sql-export" />}
      testId="sql-result-table"
    />
  );
}
