/**
 * A compact multi-select: a button that opens a list of checkboxes. Native elements only. A list
 * of more than SEARCHABLE_FROM options opens as a search box over a windowed list instead
 * (option-window.tsx), so thousands of funds put a screen of rows into the page, not thousands.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { OptionWindow, SEARCHABLE_FROM } from './option-window.tsx';

export interface MultiSelectOption {
  value: string;
  label: string;
  count?: number;
}

export interface MultiSelectProps {
  label: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  allText: string;
  selectedText: (count: number) => string;
  emptyText: string;
  onToggle: (value: string) => void;
  name: string;
}

export function MultiSelect({ label, options, selected, allText, selectedText, emptyText, onToggle, name }: MultiSelectProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const summary = selected.length === 0 ? allText
    : selected.length === 1 ? options.find((o) => o.value === selected[0])?.label ?? selected[0]
    : selectedText(selected.length);
  return (
    <div className={`multi-select${selected.length > 0 ? ' is-active' : ''}`} ref={root} data-filter={name}>
      <button type="button" className="multi-select-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <span className="multi-select-label">{label}</span>
        <span className="multi-select-value">{summary}</span>
      </button>
      {open && options.length > SEARCHABLE_FROM && (
        <OptionWindow label={label} listId={listId} options={options} selected={selected} emptyText={emptyText} onToggle={onToggle} />
      )}
      {open && options.length <= SEARCHABLE_FROM && (
        <ul className="multi-select-list" id={listId} role="listbox" aria-multiselectable="true" aria-label={label}>
          {options.length === 0 && <li className="multi-select-empty">{emptyText}</li>}
          {options.map((option) => (
            <li key={option.value} role="option" aria-selected={selected.includes(option.value)}>
              <label>
                <input type="checkbox" checked={selected.includes(option.value)} onChange={() => onToggle(option.value)} />
                <span>{option.label}</span>
                {option.count != null && <span className="multi-select-count">{option.count}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
