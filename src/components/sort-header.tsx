/**
 * A sortable column header, one for every table (the explorer's and findings' data table, the
 * budget's projects, the report list): a button with the label and a mark (▲ ascending, ▼
 * descending, ↕ not sorted by it), `aria-sort` on the cell. The table decides what a click does.
 */
import type { MouseEvent } from 'react';
import './sort-header.css';

export type SortDirection = 'ascending' | 'descending' | 'none';

interface SortHeaderProps {
  label: string;
  direction: SortDirection;
  onSort(event: MouseEvent): void;
  numeric?: boolean;
  /** The button's tooltip: `按“全年预算”排序`. */
  title?: string;
  /** Extra class of the cell (a data table's column class). */
  className?: string;
  /** The column's id, as `data-column` on the cell. */
  column?: string;
}

export function SortHeader({ label, direction, onSort, numeric = false, title, className, column }: SortHeaderProps) {
  const classes = [numeric ? 'num' : '', className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <th scope="col" className={classes} aria-sort={direction} data-column={column}>
      <button type="button" className="sort-header" onClick={onSort} title={title}>
        <span>{label}</span>
        <span className={`sort-header-mark${direction === 'none' ? '' : ' is-active'}`} aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
