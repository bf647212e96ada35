/**
 * The console's query history, kept in this browser (localStorage): newest first, no
 * duplicates, at most MAX_HISTORY entries of at most MAX_QUERY_LENGTH characters. Storage that
 * is full, disabled or holds something unexpected never breaks the console.
 */
import { useCallback, useState } from 'react';

export const HISTORY_KEY = 'fund-dashboard.sql-console.history.v1';
export const MAX_HISTORY = 50;
export const MAX_QUERY_LENGTH = 20_000;

/** The list after running `sql`: moved (or added) to the top, capped. */
export function addToHistory(history: readonly string[], sql: string): string[] {
  const entry = sql.trim();
  if (entry === '' || entry.length > MAX_QUERY_LENGTH) return [...history];
  return [entry, ...history.filter((item) => item !== entry)].slice(0, MAX_HISTORY);
}

export function parseHistory(stored: string | null): string[] {
  try {
    const value: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, MAX_HISTORY) : [];
  } catch {
    return [];
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access denied (e.g. storage disabled for the site)
  }
}

export function loadHistory(): string[] {
  return parseHistory(storage()?.getItem(HISTORY_KEY) ?? null);
}

function saveHistory(history: readonly string[]): void {
  try {
    if (history.length === 0) storage()?.removeItem(HISTORY_KEY);
    else storage()?.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // Full or disabled storage: the history lives on for this page only.
  }
}

export function useQueryHistory(): { history: string[]; add(sql: string): void; clear(): void } {
  const [history, setHistory] = useState(loadHistory);
  const add = useCallback((sql: string) => setHistory((old) => {
    const next = addToHistory(old, sql);
    saveHistory(next);
    return next;
  }), []);
  const clear = useCallback(() => {
    saveHistory([]);
    setHistory([]);
  }, []);
  return { history, add, clear };
}
