/**
 * Code loaded on first use (a view, ECharts), rendered without `React.lazy` and `<Suspense>`:
 * React holds back the reveal of a suspended boundary for up to 300 ms after the last fallback
 * it showed (its fallback throttle), which kept the overview and its charts off screen for
 * ~100 ms after their code had arrived. A state update when the import settles is drawn at once.
 */
import { useEffect, useState } from 'react';

export interface OnDemand<T> {
  /** Starts the import (once) and resolves to its value. */
  load(): Promise<T>;
  /** The value, once loaded. */
  current(): T | undefined;
}

export function onDemand<T>(importer: () => Promise<T>): OnDemand<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () => (pending ??= importer().then(
      (loaded) => (value = loaded),
      (error: unknown) => {
        pending = undefined; // a later render may try again (the network came back)
        throw error;
      },
    )),
    current: () => value,
  };
}

/** A value that is part of the entry, behind the same interface: there from the first render. */
export function ready<T>(value: T): OnDemand<T> {
  return { load: () => Promise.resolve(value), current: () => value };
}

/**
 * The value of `module`, loading it when `wanted`; undefined until it has arrived. A failed
 * import is thrown during render, for the nearest error boundary.
 */
export function useOnDemand<T>(module: OnDemand<T>, wanted = true): T | undefined {
  const [, setSettled] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const value = module.current();
  useEffect(() => {
    if (!wanted || value !== undefined) return;
    let mounted = true;
    module.load().then(
      () => mounted && setSettled((n) => n + 1),
      (failure: unknown) => mounted && setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
    return () => void (mounted = false);
  }, [module, wanted, value]);
  if (error) throw error;
  return value;
}
