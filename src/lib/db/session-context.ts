/**
 * The session handed down to React: main.tsx provides the page's (DbSessionProvider); a view
 * reads it with `useDbSession()`, and follows its status with `useDbStatus()`. Without a
 * provider (a test rendering one component) the page's session stands in.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DbStatus } from './db-status.ts';
import { pageSession, type DuckDbSession } from './session.ts';

const DbSessionContext = createContext<DuckDbSession | null>(null);

export const DbSessionProvider = DbSessionContext.Provider;

export const useDbSession = (): DuckDbSession => useContext(DbSessionContext) ?? pageSession();

export function useDbStatus(): DbStatus {
  const { status } = useDbSession();
  return useSyncExternalStore(status.subscribe, status.get);
}
