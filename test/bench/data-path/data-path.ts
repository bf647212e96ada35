/**
 * The app's data path without its UI, a second reference for bench:app: the app's own DuckDB
 * start (early wasm), the bundled dataset's attach and the overview's queries, and no
 * React, snapshot or chart. `app:ready` minus this is what the page around the data costs.
 * Marks `data-path:answered`. Served from a folder next to the app's index.html (its data/).
 */
import { openDataset } from '../../../src/lib/db/startup/open-dataset.ts';
import { pageSession } from '../../../src/lib/db/session.ts';
import { overviewQueries } from '../../../src/queries/overview-queries.ts';
import { NO_FILTERS } from '../../../src/queries/filters.ts';

// As main.tsx does: the overview's queries go to the worker right behind the load.
const session = pageSession();
await openDataset(session, '', new URL('../', document.baseURI).href, overviewQueries(NO_FILTERS));
await Promise.all(overviewQueries(NO_FILTERS).map((q) => session.query(q)));
performance.mark('data-path:answered');
document.getElementById('out')!.textContent = 'answered';
