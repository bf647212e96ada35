/**
 * The page's first script (index.html loads it before main.tsx): a few kilobytes that start
 * DuckDB, the dataset's download, snapshot.json and the overview's pictures while the browser is
 * still fetching and parsing React and the app (src/lib/db/startup/early-start.ts).
 */
import { startEarly } from '../lib/db/startup/early-start.ts';
import { pageSession } from '../lib/db/session.ts';
import { earlyPictures } from './opened-view.ts';

const { search } = window.location;
startEarly(pageSession(), search, document.baseURI, earlyPictures(search, { width: window.innerWidth, layoutWidth: document.documentElement.clientWidth }));
