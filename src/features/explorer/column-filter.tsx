/**
 * The control under a column's header: a choice list for categories (native <select>, so it is
 * never clipped by the scrolling table), a search box for text (contains ⇄ equals), a min–max
 * pair for numbers (in the unit the cells show: 万元, %). Typing commits after a pause or on
 * Enter, so the URL — and the history — get one entry per search, not one per key.
 */
import { useEffect, useState } from 'react';
import { formatCount } from '../../lib/format.ts';
import { useI18n, type Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';
import type { ExplorerColumn, TableName } from '../../queries/explorer-columns.ts';
import type { ColumnFilter } from '../../queries/explorer-filter.ts';
import { inputUnit, parseInput, toInput, valueLabel } from './explorer-format.ts';

const TYPING_PAUSE_MS = 500;

export interface ColumnFilterProps {
  table: TableName;
  column: ExplorerColumn;
  /** The column's header text, for the controls' accessible names. */
  label: string;
  filter: ColumnFilter | undefined;
  /** Distinct values with row counts, for choice columns. */
  options: readonly { value: string; rows: number }[];
  onChange: (filter: ColumnFilter | null) => void;
}

export function ColumnFilterControl(props: ColumnFilterProps) {
  const { lang, t } = useI18n();
  if (props.column.filter === 'choice') return <ChoiceFilter {...props} lang={lang} t={t} />;
  if (props.column.filter === 'number') return <RangeFilter {...props} lang={lang} t={t} />;
  return <TextFilter {...props} t={t} />;
}

type Inner = ColumnFilterProps & { t: Translate; lang?: Lang };

function ChoiceFilter({ table, column, label, filter, options, onChange, lang = 'zh', t }: Inner) {
  const selected = filter?.kind === 'choice' ? filter.values : [];
  const value = selected.length === 0 ? '' : selected.length === 1 ? selected[0] : '*';
  return (
    <select className="explorer-filter-select" aria-label={t('explorer.filterOf', { name: label })} value={value}
      data-filter={column.name} onChange={(event) => {
        const next = event.target.value;
        if (next !== '*') onChange(next === '' ? null : { column: column.name, kind: 'choice', values: [next] });
      }}>
      <option value="">{t('explorer.all')}</option>
      {selected.length > 1 && <option value="*" disabled>{t('explorer.selected', { count: selected.length })}</option>}
      {selected.length === 1 && !options.some((o) => o.value === selected[0]) && (
        <option value={selected[0]}>{valueLabel(lang, table, column.name, selected[0])}</option>
      )}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {valueLabel(lang, table, column.name, option.value)} ({formatCount(option.rows, lang)})
        </option>
      ))}
    </select>
  );
}

/** Local text that follows the URL when it changes from elsewhere (a cleared chip, Back). */
function useDraft(committed: string): [string, (text: string) => void] {
  const [draft, setDraft] = useState(committed);
  useEffect(() => setDraft(committed), [committed]);
  return [draft, setDraft];
}

/** Commits `draft` after a pause in typing, unless it already is the committed value. */
function useCommitAfterPause(draft: string, committed: string, commit: (text: string) => void): void {
  useEffect(() => {
    if (draft === committed) return;
    const timer = setTimeout(() => commit(draft), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // `commit` is recreated each render; the draft and the committed value decide.
  }, [draft, committed]);
}

function TextFilter({ column, label, filter, onChange, t }: Inner) {
  const mode = filter?.kind === 'equals' ? 'equals' : 'contains';
  const committed = filter?.kind === 'contains' || filter?.kind === 'equals' ? filter.text : '';
  const [draft, setDraft] = useDraft(committed);
  const commit = (text: string, kind: 'contains' | 'equals' = mode) =>
    onChange(text.trim() === '' ? null : { column: column.name, kind, text: text.trim() });
  useCommitAfterPause(draft, committed, commit);
  const modeName = t(mode === 'equals' ? 'explorer.equals' : 'explorer.contains');
  return (
    <span className="explorer-filter-text">
      <button type="button" className="explorer-filter-mode" data-mode={mode} title={t('explorer.modeTitle', { name: modeName })}
        aria-label={`${t('explorer.filterOf', { name: label })}: ${modeName}`}
        onClick={() => (draft.trim() === '' ? onChange(null) : commit(draft, mode === 'equals' ? 'contains' : 'equals'))}
        disabled={draft.trim() === ''}>
        {t(mode === 'equals' ? 'explorer.equalsShort' : 'explorer.containsShort')}
      </button>
      <input type="search" value={draft} placeholder={t('explorer.search')} data-filter={column.name}
        aria-label={t('explorer.filterOf', { name: label })}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && commit(draft)} />
    </span>
  );
}

function RangeFilter({ column, label, filter, onChange, lang = 'zh', t }: Inner) {
  const range = filter?.kind === 'range' ? filter : undefined;
  const committed = `${toInput(range?.min, column.unit, lang)}~${toInput(range?.max, column.unit, lang)}`;
  const [draft, setDraft] = useDraft(committed);
  const [minText, maxText] = draft.split('~');
  const commit = (text: string) => {
    const [min, max] = text.split('~').map((part) => parseInput(part, column.unit, lang));
    onChange(min === null && max === null ? null : { column: column.name, kind: 'range', min, max });
  };
  useCommitAfterPause(draft, committed, commit);
  const unit = inputUnit(column.unit, lang);
  const input = (side: 'min' | 'max', value: string) => (
    <input type="text" inputMode="decimal" value={value} data-filter={`${column.name}.${side}`}
      placeholder={`${t(side === 'min' ? 'explorer.min' : 'explorer.max')}${unit ? ` ${unit}` : ''}`}
      aria-label={`${t('explorer.filterOf', { name: label })}: ${t(side === 'min' ? 'explorer.min' : 'explorer.max')}`}
      onChange={(event) => setDraft(side === 'min' ? `${event.target.value.replace('~', '')}~${maxText}` : `${minText}~${event.target.value.replace('~', '')}`)}
      onKeyDown={(event) => event.key === 'Enter' && commit(draft)} />
  );
  return <span className={`explorer-filter-range${column.unit === 'ordinal' ? ' is-short' : ''}`}>{input('min', minText)}<span aria-hidden="true">–</span>{input('max', maxText)}</span>;
}
