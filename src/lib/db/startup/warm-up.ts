/**
 * Filter changes without a cold start. The first time a filter is set, DuckDB-WASM plans a new
 * statement shape (an IN list, an EXISTS over the indicators) and compiles the wasm code it
 * needs on first use: 100–240 ms on a two-core PC, against ~60 ms for the same change later.
 * Once the view is drawn from live data, this runs the view's queries with one value of each
 * filter and of each pair of filters (8 + 28 filter sets for eight filters, seven queries each:
 * up to 252 statements, ~2.1 s in all on a two-core PC), as
 * background queries (each waits until no view query is running), so those statements are
 * prepared and compiled, and DuckDB's hot code optimized, before the user's first clicks need
 * them: bench:app's filter-change p95 went from ~124 ms (single filters warmed) to ~89 ms. Then
 * the view may warm its own redraws (`warmRedraws`, see the overview: ECharts' update code runs
 * for the first time on the first click otherwise, ~50 ms more), one task each. Marks
 * `warm-up:done`.
 */
import type { Filters } from '../../../queries/filters.ts';
import { FILTER_KEYS } from '../../../queries/filters.ts';
import { filterOptions } from '../../../queries/filter-options.ts';
import type { Query } from '../../../queries/query.ts';
import type { DuckDbSession } from '../session.ts';

/** Starts the warm-up once per page; `queriesFor` gives the view's queries for a set of filters. */
export function warmUpFilterChanges(session: DuckDbSession, queriesFor: (filters: Filters) => readonly Query[], warmRedraws?: () => readonly (() => void)[]): void {
  if (session.warmUpStarted) return;
  session.warmUpStarted = true;
  void (async () => {
    try {
      // The build snapshot has the options already (the filter bar's); DuckDB is asked only without it.
      const optionsQuery = filterOptions();
      const options = session.snapshot.rows(optionsQuery) ?? await session.query(optionsQuery, 'background');
      const one: Filters = {};
      for (const key of FILTER_KEYS) {
        const option = options.find((row) => row.dimension === key);
        if (option) Object.assign(one, { [key]: [key === 'year' ? Number(option.value) : option.value] });
      }
      const keys = FILTER_KEYS.filter((key) => one[key]);
      // Each filter alone, then each pair: a statement's shape depends on which filters are set.
      const sets = [...keys.map((key) => [key]), ...keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b]))];
      for (const set of sets) {
        const filters: Filters = Object.fromEntries(set.map((key) => [key, one[key]]));
        for (const q of queriesFor(filters)) await session.query(q, 'background');
      }
      // A task for each of the view's redraws, after the queries' results have been handled.
      for (const redraw of warmRedraws?.() ?? []) {
        await new Promise<void>((resolve) => setTimeout(() => {
          try {
            redraw();
          } catch {
            // a chart that cannot redraw now loses only its warmth
          }
          resolve();
        }, 0));
      }
    } catch {
      // A warm-up that fails costs nothing but the warmth.
    } finally {
      performance.mark('warm-up:done'); // bench:app times filter changes from here
    }
  })();
}
