/**
 * Measures as rows, items as columns, the best value of each row emphasised. An item's name is a
 * button: a city or fund toggles that filter, a project opens its report.
 */
import { useI18n } from '../../lib/i18n.ts';
import type { CompareDimension, CompareMeasuresRow } from '../../queries/compare-measures.ts';
import type { CompareTableGroup } from './compare-table-model.ts';
import { itemColor } from './option-context.ts';

export interface CompareTableProps {
  dimension: CompareDimension;
  items: readonly CompareMeasuresRow[];
  groups: readonly CompareTableGroup[];
  /** Items that are currently a filter value (shown pressed). */
  filtered: readonly string[];
  onItem: (item: CompareMeasuresRow) => void;
}

export function CompareTable({ dimension, items, groups, filtered, onItem }: CompareTableProps) {
  const { t } = useI18n();
  const action = dimension === 'project' ? t('compare.openReport') : t('compare.toggleFilter');
  return (
    <div className="compare-table-scroll scroll-x">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col" className="compare-measure">{t('compare.measure')}</th>
            {items.map((item, index) => (
              <th scope="col" key={item.label} data-item={item.label}>
                <button type="button" className="compare-item" title={action}
                  aria-pressed={dimension === 'project' ? undefined : filtered.includes(item.label)}
                  onClick={() => onItem(item)}>
                  <span className="compare-swatch" style={{ background: itemColor(index) }} aria-hidden="true" />
                  {item.label}
                </button>
                {item.parent && <span className="compare-parent">{item.parent}</span>}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.id} data-group={group.id}>
            <tr className="compare-group">
              <th scope="colgroup" colSpan={items.length + 1}>{group.title}</th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.id} data-measure={row.id}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={items[i].label} className={cell.best ? 'is-best' : undefined} data-best={cell.best || undefined}>{cell.text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
