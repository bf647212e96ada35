/**
 * The compact list of projects: 年初, 全年, 执行, both rates and the in-year change, with a total
 * row. Sorting is done by DuckDB (manualSorting) from the URL; the table only presents. A
 * project's name opens its report.
 */
import { useMemo } from 'react';
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from '@tanstack/react-table';
import { formatPercent, formatTableMoney, tableMoneyScale } from '../../lib/format.ts';
import { useI18n, type MessageKey, type Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { BudgetProjectRow, BudgetProjectSort, BudgetProjectSortColumn } from '../../queries/budget-projects.ts';
import type { BudgetSummaryRow } from '../../queries/budget-summary.ts';
import { formatAdjustment } from './budget-adjustments-option.ts';
import { firstSortDescending, nextProjectSort } from './project-sort.ts';
import { SortHeader, type SortDirection } from '../../components/sort-header.tsx';

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, BudgetProjectRow>();

/** Header label and alignment of each column; the same ids are the SQL sort whitelist for numbers. */
interface ColumnMeta { label: MessageKey; numeric?: boolean }

function projectColumns(lang: Lang, t: Translate, openReport: (reportId: string) => void) {
  const money = (value: number | null) => formatTableMoney(value, lang);
  const sortable = (column: BudgetProjectSortColumn) => ({ enableSorting: true, sortDescFirst: firstSortDescending(column) });
  return helper.columns([
    helper.accessor('project', {
      id: 'project',
      enableSorting: false,
      meta: { label: 'budget.col.project' } satisfies ColumnMeta,
      cell: ({ row }) => {
        const name = row.original.project ?? t('value.blank');
        return (
          <button type="button" className="budget-link" title={t('budget.table.openReport', { name })}
            onClick={() => openReport(row.original.report_id)}>
            {name}
          </button>
        );
      },
    }),
    helper.accessor('city', {
      id: 'city', enableSorting: false, meta: { label: 'budget.col.city' } satisfies ColumnMeta,
      cell: ({ getValue }) => getValue() ?? t('value.blank'),
    }),
    helper.accessor('budget_initial', { id: 'budget_initial', ...sortable('budget_initial'), meta: { label: 'budget.col.budgetInitial', numeric: true } satisfies ColumnMeta, cell: ({ getValue }) => money(getValue()) }),
    helper.accessor('budget_adjusted', { id: 'budget_adjusted', ...sortable('budget_adjusted'), meta: { label: 'budget.col.budgetAdjusted', numeric: true } satisfies ColumnMeta, cell: ({ getValue }) => money(getValue()) }),
    helper.accessor('executed', { id: 'executed', ...sortable('executed'), meta: { label: 'budget.col.executed', numeric: true } satisfies ColumnMeta, cell: ({ getValue }) => money(getValue()) }),
    helper.accessor('execution_rate', { id: 'execution_rate', ...sortable('execution_rate'), meta: { label: 'budget.col.rateAdjusted', numeric: true } satisfies ColumnMeta, cell: ({ getValue }) => formatPercent(getValue(), lang) }),
    helper.accessor('execution_rate_initial', { id: 'execution_rate_initial', ...sortable('execution_rate_initial'), meta: { label: 'budget.col.rateInitial', numeric: true } satisfies ColumnMeta, cell: ({ getValue }) => formatPercent(getValue(), lang) }),
    helper.accessor('adjustment', {
      id: 'adjustment', ...sortable('adjustment'), meta: { label: 'budget.col.adjustment', numeric: true } satisfies ColumnMeta,
      cell: ({ row }) => <Adjustment amount={row.original.adjustment} rate={row.original.adjustment_rate} lang={lang} t={t} />,
    }),
  ]);
}

function Adjustment({ amount, rate, lang, t }: { amount: number | null; rate: number | null; lang: Lang; t: Translate }) {
  if (amount == null) return <>{formatTableMoney(null, lang)}</>;
  if (Math.abs(amount) < 0.005) return <span className="budget-unchanged">{t('budget.table.unchanged')}</span>;
  return <span className={amount < 0 ? 'budget-cut' : 'budget-increase'}>{formatAdjustment(amount, rate, lang, tableMoneyScale(lang))}</span>;
}

export interface ProjectTableProps {
  rows: readonly BudgetProjectRow[];
  summary: BudgetSummaryRow | undefined;
  sort: BudgetProjectSort;
  onSort: (sort: BudgetProjectSort) => void;
  onOpenReport: (reportId: string) => void;
}

export function ProjectTable({ rows, summary, sort, onSort, onOpenReport }: ProjectTableProps) {
  const { lang, t } = useI18n();
  const columns = useMemo(() => projectColumns(lang, t, onOpenReport), [lang, onOpenReport]); // `t` follows `lang`
  const data = useMemo(() => [...rows], [rows]);
  const sorting: SortingState = [{ id: sort.column, desc: sort.descending }];
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.report_id,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: () => {}, // the header buttons below write the URL; DuckDB sorts
  });
  const ariaSort = (id: string): SortDirection | undefined => (id !== sort.column ? undefined : sort.descending ? 'descending' : 'ascending');
  return (
    <div className="scroll-x">
      <table className="budget-table budget-projects" data-testid="budget-projects">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta as ColumnMeta;
                const label = t(meta.label);
                if (!header.column.getCanSort()) return <th key={header.id} scope="col" className={meta.numeric ? 'num' : undefined}>{label}</th>;
                return (
                  <SortHeader key={header.id} label={label} numeric={meta.numeric} direction={ariaSort(header.id) ?? 'none'}
                    title={t('budget.table.sortBy', { name: label })}
                    onSort={() => onSort(nextProjectSort(sort, header.id as BudgetProjectSortColumn))} />
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-report={row.id}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta as ColumnMeta;
                return (
                  <td key={cell.id} className={meta.numeric ? 'num' : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {summary && summary.reports > 1 && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>{t('budget.table.total')}</th>
              <td className="num">{formatTableMoney(summary.budget_initial, lang)}</td>
              <td className="num">{formatTableMoney(summary.budget_adjusted, lang)}</td>
              <td className="num">{formatTableMoney(summary.executed, lang)}</td>
              <td className="num">{formatPercent(summary.execution_rate, lang)}</td>
              <td className="num">{formatPercent(summary.execution_rate_initial, lang)}</td>
              <td className="num">
                <Adjustment amount={summary.adjustment} lang={lang} t={t}
                  rate={summary.adjustment != null && summary.budget_initial ? summary.adjustment / summary.budget_initial : null} />
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
