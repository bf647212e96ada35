/**
 * Above the explorer's table: which table, the grouping, and the column filters in force as
 * removable chips (a reader arriving from a link sees what narrows the rows).
 */
import { BLANK, labelSeparator } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import { EXPLORER_COLUMNS, EXPLORER_TABLES, explorerColumn, isGroupable, type TableName } from '../../queries/explorer-columns.ts';
import type { ColumnFilter } from '../../queries/explorer-filter.ts';
import { columnLabelKey, describeRange, valueLabel } from './explorer-format.ts';

export const tableLabelKey = (table: TableName): MessageKey => `explorer.table.${table}` as MessageKey;

export function TableSwitch({ table, onChange }: { table: TableName; onChange: (table: TableName) => void }) {
  const { t } = useI18n();
  return (
    <div className="explorer-tables" role="group" aria-label={t('explorer.table')}>
      {EXPLORER_TABLES.map((name) => (
        <button key={name} type="button" className="explorer-table-button" aria-pressed={name === table} data-table={name}
          onClick={() => name !== table && onChange(name)}>
          {t(tableLabelKey(name))}
        </button>
      ))}
    </div>
  );
}

export function GroupSelect({ table, groupBy, onChange }: { table: TableName; groupBy: string | null; onChange: (column: string | null) => void }) {
  const { t } = useI18n();
  return (
    <label className="explorer-group">
      <span>{t('explorer.groupBy')}</span>
      <select value={groupBy ?? ''} data-testid="explorer-group" onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('explorer.noGroup')}</option>
        {EXPLORER_COLUMNS[table].filter(isGroupable).map((c) => (
          <option key={c.name} value={c.name}>{t(columnLabelKey(table, c.name))}</option>
        ))}
      </select>
    </label>
  );
}

/** “城市：株洲市”, “得分：≥ 5”, “三级指标 包含 满意”. */
function chipText(table: TableName, filter: ColumnFilter, lang: 'zh' | 'en', t: ReturnType<typeof useI18n>['t']): string {
  const name = t(columnLabelKey(table, filter.column));
  const separator = labelSeparator(lang);
  switch (filter.kind) {
    case 'choice':
      return `${name}${separator}${filter.values.map((v) => valueLabel(lang, table, filter.column, v) || BLANK).join(' / ')}`;
    case 'range':
      return `${name}${separator}${describeRange(t, explorerColumn(table, filter.column)?.unit, lang, filter.min, filter.max)}`;
    default:
      return `${name} ${t(filter.kind === 'equals' ? 'explorer.equals' : 'explorer.contains')} “${filter.text}”`;
  }
}

export interface FilterChipsProps {
  table: TableName;
  filters: readonly ColumnFilter[];
  onRemove: (column: string) => void;
  onClear: () => void;
}

export function FilterChips({ table, filters, onRemove, onClear }: FilterChipsProps) {
  const { lang, t } = useI18n();
  if (filters.length === 0) return null;
  return (
    <ul className="explorer-chips" aria-label={t('explorer.activeFilters')} data-testid="explorer-chips">
      {filters.map((filter) => {
        const text = chipText(table, filter, lang, t);
        return (
          <li key={filter.column}>
            <button type="button" className="explorer-chip" data-chip={filter.column}
              aria-label={t('explorer.removeFilter', { name: text })} onClick={() => onRemove(filter.column)}>
              {text}<span aria-hidden="true"> ×</span>
            </button>
          </li>
        );
      })}
      {filters.length > 1 && <li><button type="button" className="filter-clear" onClick={onClear}>{t('explorer.clear')}</button></li>}
    </ul>
  );
}
