/**
 * The console's editor: a plain textarea (the browser's own editing, undo, IME and selection)
 * over a highlighted copy of its text, and a list of table and column names that complete the
 * word being typed (↑ ↓ to choose, Tab or Enter to take, Esc to close). Tokens and completions:
 * sql-tokens.ts, which says why no editor library.
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../../lib/i18n.ts';
import { completionsAt, tokenizeSql, type Completion } from './sql-tokens.ts';

interface SqlEditorProps {
  value: string;
  onChange(value: string): void;
  /** Ctrl/⌘ + Enter. */
  onRun(): void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}

export function SqlEditor({ value, onChange, onRun, textarea }: SqlEditorProps) {
  const { t } = useI18n();
  const highlight = useRef<HTMLPreElement>(null);
  const measure = useRef<HTMLSpanElement>(null);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const caretAfter = useRef<number | null>(null);
  const tokens = useMemo(() => tokenizeSql(value), [value]);

  // The caret put after a taken completion, once React has the new text in the textarea.
  useLayoutEffect(() => {
    const area = textarea.current;
    if (caretAfter.current == null || !area) return;
    area.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [value, textarea]);

  // The list opens under the caret: where a copy of the text up to it ends (the measure span).
  useLayoutEffect(() => {
    const area = textarea.current;
    if (!completion || !measure.current || !area) return setPlace(null);
    const marker = measure.current.lastElementChild as HTMLElement | null;
    if (!marker) return;
    setPlace({ top: marker.offsetTop + marker.offsetHeight - area.scrollTop + 2, left: Math.min(marker.offsetLeft - area.scrollLeft, area.clientWidth - 180) });
  }, [completion, textarea]);

  const update = (area: HTMLTextAreaElement) => {
    const next = area.selectionStart === area.selectionEnd ? completionsAt(area.value, area.selectionStart) : null;
    setCompletion(next);
    setActive(0);
  };
  const take = (name: string) => {
    if (!completion) return;
    caretAfter.current = completion.from + name.length;
    onChange(value.slice(0, completion.from) + name + value.slice(completion.to));
    setCompletion(null);
  };

  return (
    <div className="sql-editor-wrap">
      <pre className="sql-highlight" ref={highlight} aria-hidden="true" data-testid="sql-highlight">
        {tokens.map((token, i) => (token.kind === 'text' ? token.text : <span key={i} className={`sql-t-${token.kind}`}>{token.text}</span>))}
        {'\n'}
      </pre>
      {completion && (
        <span className="sql-measure" ref={measure} aria-hidden="true">{value.slice(0, completion.from)}<span>{'\u200b'}</span></span>
      )}
      <textarea
        ref={textarea}
        className="sql-editor" data-testid="sql-editor" aria-label={t('sql.editor')} spellCheck={false}
        autoCapitalize="off" autoCorrect="off" rows={10} value={value}
        aria-autocomplete="list" aria-expanded={completion !== null} aria-controls="sql-completions"
        aria-activedescendant={completion ? `sql-completion-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          update(event.target);
        }}
        onScroll={(event) => {
          if (highlight.current) {
            highlight.current.scrollTop = event.currentTarget.scrollTop;
            highlight.current.scrollLeft = event.currentTarget.scrollLeft;
          }
        }}
        onBlur={() => setCompletion(null)}
        onClick={() => setCompletion(null)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            setCompletion(null);
            onRun();
            return;
          }
          if (!completion) return;
          const count = completion.options.length;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
          } else if (event.key === 'Tab' || event.key === 'Enter') {
            event.preventDefault();
            take(completion.options[active].name);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setCompletion(null);
          }
        }}
      />
      {completion && place && (
        <ul className="sql-completions" id="sql-completions" role="listbox" data-testid="sql-completions" style={{ top: place.top, left: Math.max(0, place.left) }}>
          {completion.options.map((option, index) => (
            <li key={option.name} id={`sql-completion-${index}`} role="option" aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault(); // keep the focus in the editor
                take(option.name);
              }}>
              <span className={`sql-t-${option.kind}`}>{option.name}</span>
              <span className="sql-completion-kind">{t(option.kind === 'table' ? 'sql.kindTable' : 'sql.kindColumn')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
