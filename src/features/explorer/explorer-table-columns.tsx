/**
 * The explorer's column definitions: one per column of the chosen table (with the report's
 * project first on the tables below a report), or, when grouped, the group column, the row
 * count and the sums or means. Every sortable id is a name the query builders accept.
 */
import { dataColumnHelper, type DataColumn } from '../../components/data-table.tsx';
import { formatCount } from '../../lib/format.ts';
import type { Translate } from '../../lib/i18n.ts';
import { EXPLORER_COLUMNS, requireColumn, type ExplorerColumn, type TableName } from '../../queries/explorer-columns.ts';
import { aggregatedColumns, GROUP_COUNT } from '../../queries/explorer-groups.ts';
import type { ExplorerRow } from '../../queries/explorer-page.ts';
import { columnLabelKey, formatValue } from './explorer-format.ts';

const column = dataColumnHelper<ExplorerRow>();

/** The column of the report's project, on rows below a report (not a column of the table). */
export const PROJECT_COLUMN = 'report_project';

function valueColumn(table: TableName, spec: ExplorerColumn, headerText?: (t: Translate) => string): DataColumn<ExplorerRow> {
  const numeric = spec.unit !== undefined && spec.unit !== 'ordinal';
  return column.accessor((row) => row[spec.name], {
    id: spec.name,
    meta: {
      labelKey: columnLabelKey(table, spec.name),
      headerText,
      align: numeric ? 'end' : 'start',
      className: spec.long ? 'explorer-col-long' : spec.filter === 'text' ? 'explorer-col-text' : undefined,
    },
    cell: ({ getValue, table: t }) => {
      const text = formatValue(table, spec, getValue() as ExplorerRow[string], t.options.meta!.lang);
      // Long prose is clipped to a few lines; the whole text stays readable on hover.
      return spec.long || spec.filter === 'text' ? <span className="explorer-clip" title={text}>{text}</span> : text;
    },
  });
}

export function tableColumns(table: TableName): DataColumn<ExplorerRow>[] {
  const columns = EXPLORER_COLUMNS[table].map((spec) => valueColumn(table, spec));
  // A reader knows a report by its project, not its id: the project leads.
  if (table === 'reports') return [...columns.filter((c) => c.id === 'project'), ...columns.filter((c) => c.id !== 'project')];
  const project = column.accessor((row) => row.report_project, {
    id: PROJECT_COLUMN,
    enableSorting: false,
    meta: { labelKey: 'explorer.col.report_project', className: 'explorer-col-text' },
    cell: ({ getValue }) => <span className="explorer-clip" title={getValue() ?? undefined}>{getValue() ?? '—'}</span>,
  });
  return [project, ...columns];
}

export function groupColumns(table: TableName, by: string): DataColumn<ExplorerRow>[] {
  const key = valueColumn(table, requireColumn(table, by));
  const count = column.accessor((row) => row[GROUP_COUNT], {
    id: GROUP_COUNT,
    sortDescFirst: true,
    meta: { labelKey: 'explorer.col.row_count', align: 'end' },
    cell: ({ getValue, table: t }) => formatCount(getValue() as number, t.options.meta!.lang),
  });
  const aggregates = aggregatedColumns(table, by).map((spec) => {
    const label = columnLabelKey(table, spec.name);
    return valueColumn(table, spec, (t) => t(spec.aggregate === 'sum' ? 'explorer.sum' : 'explorer.avg', { name: t(label) }));
  });
  return [key, count, ...aggregates];
}
