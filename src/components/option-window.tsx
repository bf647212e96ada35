/**
 * A long option list (thousands of funds, departments or reports): a search box over a windowed
 * list that puts only the rows in view (and a few around them) into the page. Rows have one fixed
 * height, so the window needs no measuring: a scroll position is an index. Our own ~100 lines
 * rather than a library: package.json has no virtualizer, and a fixed-height list of checkboxes
 * needs none of what react-window or TanStack Virtual add (variable sizes, grids, measuring).
 *
 * Keyboard: the search box keeps the focus; ↑ ↓ PageUp PageDown move the active option
 * (announced through aria-activedescendant), Enter or Space on an empty box toggles it, Esc closes.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.ts';
import type { MultiSelectOption } from './multi-select.tsx';

/** Lists longer than this get the search box and the window. */
export const SEARCHABLE_FROM = 200;
/** One option's height in CSS pixels (app.css `.option-window-row`). */
export const OPTION_ROW_HEIGHT = 28;
const VISIBLE_ROWS = 10;
const OVERSCAN = 4;

/** Options whose label or value contains every word of `text`, case-insensitively, in list order. */
export function matchOptions(options: readonly MultiSelectOption[], text: string): readonly MultiSelectOption[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((option) => {
    const haystack = `${option.label}\u0000${option.value}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The indices to render for a scroll position: the rows in view and `OVERSCAN` on each side. */
export function windowRange(scrollTop: number, count: number, rowHeight = OPTION_ROW_HEIGHT, visible = VISIBLE_ROWS): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  return [first, Math.min(count, first + visible + 2 * OVERSCAN)];
}

export interface OptionWindowProps {
  label: string;
  listId: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  emptyText: string;
  onToggle: (value: string) => void;
}

export function OptionWindow({ label, listId, options, selected, emptyText, onToggle }: OptionWindowProps) {
  const { lang, t } = useI18n();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const optionId = useId();
  const matches = useMemo(() => matchOptions(options, text), [options, text]);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const [first, last] = windowRange(scrollTop, matches.length);
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  useEffect(() => { // a new search starts at the top
    setActive(0);
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [text]);

  const moveTo = (index: number) => {
    const next = Math.min(Math.max(0, index), matches.length - 1);
    setActive(next);
    const box = viewport.current;
    if (!box || next < 0) return;
    const top = next * OPTION_ROW_HEIGHT;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + OPTION_ROW_HEIGHT > box.scrollTop + box.clientHeight) box.scrollTop = top + OPTION_ROW_HEIGHT - box.clientHeight;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: VISIBLE_ROWS, PageUp: -VISIBLE_ROWS }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      moveTo(activeIndex + step);
    } else if ((event.key === 'Enter' || (event.key === ' ' && text === '')) && matches[activeIndex]) {
      event.preventDefault();
      onToggle(matches[activeIndex].value);
    }
  };

  const found = text.trim() === '' ? t('list.matches', { count: formatCount(options.length, lang) })
    : t('list.matchesOf', { count: formatCount(matches.length, lang), total: formatCount(options.length, lang) });
  return (
    <div className="multi-select-list option-window" id={listId} data-testid="option-window">
      <input type="search" className="option-window-search" value={text} autoFocus
        role="combobox" aria-expanded="true" aria-controls={`${listId}-options`} aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `${optionId}-${activeIndex}` : undefined}
        aria-label={t('list.search', { name: label })} placeholder={t('list.searchPlaceholder')}
        onChange={(event) => setText(event.target.value)} onKeyDown={onKeyDown} />
      <p className="option-window-found" role="status">{found}</p>
      <div className="option-window-viewport" ref={viewport} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        style={{ height: Math.min(VISIBLE_ROWS, Math.max(1, matches.length)) * OPTION_ROW_HEIGHT }}>
        <ul role="listbox" id={`${listId}-options`} aria-multiselectable="true" aria-label={label}
          style={{ height: matches.length * OPTION_ROW_HEIGHT }}>
          {matches.length === 0 && <li className="multi-select-empty">{options.length === 0 ? emptyText : t('list.noMatch')}</li>}
          {matches.slice(first, last).map((option, offset) => {
            const index = first + offset;
            return (
              <li key={option.value} id={`${optionId}-${index}`} role="option" aria-selected={chosen.has(option.value)}
                className={`option-window-row${index === activeIndex ? ' is-active' : ''}`} style={{ top: index * OPTION_ROW_HEIGHT }}
                onMouseEnter={() => setActive(index)}>
                <label title={option.label}>
                  <input type="checkbox" tabIndex={-1} checked={chosen.has(option.value)} onChange={() => onToggle(option.value)} />
                  <span className="option-window-label">{option.label}</span>
                  {option.count != null && <span className="multi-select-count">{formatCount(option.count, lang)}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
