/**
 * Filter changes without a cold start. The first time a filter is set, DuckDB-WASM plans a new
 * statement shape (an IN list, an EXISTS over the indicators) and compiles the wasm code it
 * needs on first use: 100–240 ms on a two-core PC, against ~60 ms for the same change later.
 * Once the view is drawn from live data, this runs the view's queries with one value of each
 * filter, as background queries (each waits until no view query is running), so those
 * statements are prepared and compiled before the user's first click needs them. Then the view
 * may warm its own redraw (`warmView`, see the overview: ECharts' update code runs for the first
 * time on the first click otherwise, ~50 ms more). Marks `warm-up:done`.
 */
import type { Filters } from '../../queries/filters.ts';
import { FILTER_KEYS } from '../../queries/filters.ts';
import { filterOptions } from '../../queries/filter-options.ts';
import type { Query } from '../../queries/query.ts';
import { query } from './client.ts';
import { snapshotRows } from './snapshot.ts';

let started = false;

/** Starts the warm-up once per page; `queriesFor` gives the view's queries for a set of filters. */
export function warmUpFilterChanges(queriesFor: (filters: Filters) => readonly Query[], warmView?: () => void): void {
  if (started) return;
  started = true;
  void (async () => {
    // The build snapshot has the options already (the filter bar's); DuckDB is asked only without it.
    const optionsQuery = filterOptions();
    const options = snapshotRows(optionsQuery) ?? await query(optionsQuery, 'background');
    for (const key of FILTER_KEYS) {
      const option = options.find((row) => row.dimension === key);
      if (!option) continue;
      const filters: Filters = { [key]: [key === 'year' ? Number(option.value) : option.value] };
      for (const q of queriesFor(filters)) await query(q, 'background');
    }
    if (warmView) await new Promise<void>((resolve) => setTimeout(() => resolve(warmView()), 0));
    performance.mark('warm-up:done'); // bench:app times filter changes from here
  })().catch(() => undefined); // a warm-up that fails costs nothing but the warmth
}
