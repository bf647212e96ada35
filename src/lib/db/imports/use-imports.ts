/** The imports in place, for the import view: the session's ImportBook state (import-book.ts). */
import { useSyncExternalStore } from 'react';
import { importsOf, type ImportsState } from './import-book.ts';
import { useDbSession } from '../session-context.ts';

export function useImports(): ImportsState {
  const { state } = importsOf(useDbSession());
  return useSyncExternalStore(state.subscribe, state.get);
}
