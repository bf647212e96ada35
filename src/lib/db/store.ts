/**
 * A value views follow with React's `useSyncExternalStore`: `get` and `subscribe` as that hook
 * takes them, `set` merges a change in and tells every listener. The database status and the
 * imports' state are each one of these, held by the page's DuckDbSession (session.ts).
 */
export class Store<T extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  readonly get = (): T => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  set(next: Partial<T>): void {
    this.value = { ...this.value, ...next };
    this.listeners.forEach((listener) => listener());
  }
}
