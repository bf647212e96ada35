/**
 * Vite plugin for the dataset: serves the data folder at ./data/ in dev (with the snapshot, its
 * chart pictures and the start-up database computed on request), and on build copies
 * data/current/*.csv and *.duckdb into dist/data/ and writes dist/data/snapshot.json, the
 * overview's pictures in dist/data/charts/ and dist/data/dataset.duckdb (the CSVs in DuckDB's
 * format, which the app loads at start: src/lib/db/dataset/load-dataset.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { STARTUP_DATABASE_FILE } from '../lib/db/dataset/schema.ts';
import { resolveDataDir } from './data-dir.ts';
import { writeStartupDatabase } from './node-db.ts';
import { buildSnapshot } from './snapshot.ts';
import { sendFile } from './static-files.ts';

const DATA_FILE = /\.(csv|duckdb)$/i;

/**
 * The set of tables the data folder holds now. A reader of several files resolves the link once
 * (data/current → data/.tables-…): an ingest switching the link meanwhile cannot mix two sets.
 */
const tablesNow = (dataDir: string) => realpathSync(dataDir);

/** The start-up database of the CSVs in `dataDir`, as bytes. */
async function startupDatabase(dataDir: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-startup-'));
  try {
    const file = join(dir, STARTUP_DATABASE_FILE);
    await writeStartupDatabase(dataDir, file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function dataPlugin(): Plugin {
  let dataDir = '';
  // Dev: the pictures of the snapshot last served (the app asks for snapshot.json first).
  let pictures = new Map<string, string>();
  return {
    name: 'dashboard-data',
    configResolved() {
      dataDir = resolveDataDir();
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res) => {
        const name = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
        if (name === 'snapshot.json') {
          buildSnapshot(tablesNow(dataDir))
            .then((built) => {
              pictures = new Map(built.pictures.map(({ name, svg }) => [`charts/${name}`, svg]));
              res.setHeader('Content-Type', 'application/json; charset=utf-8');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(JSON.stringify(built.snapshot));
            })
            .catch((error: Error) => {
              server.config.logger.error(`[data] snapshot failed: ${error.message}`);
              res.statusCode = 500;
              res.end(error.message);
            });
          return;
        }
        const picture = pictures.get(name);
        if (picture !== undefined) {
          res.setHeader('Content-Type', 'image/svg+xml');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(picture);
          return;
        }
        if (name === STARTUP_DATABASE_FILE) {
          startupDatabase(tablesNow(dataDir))
            .then((bytes) => {
              res.setHeader('Content-Type', 'application/octet-stream');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(bytes);
            })
            .catch((error: Error) => {
              server.config.logger.error(`[data] ${STARTUP_DATABASE_FILE} failed: ${error.message}`);
              res.statusCode = 500;
              res.end(error.message);
            });
          return;
        }
        const path = normalize(join(dataDir, name));
        const served = path.startsWith(dataDir + sep) && DATA_FILE.test(path) && sendFile(req, res, path);
        // A missing data file must be a 404, not the SPA's index.html, so the app can name it.
        if (!served) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: data/${name}`);
      });
    },
    async generateBundle() {
      const tables = tablesNow(dataDir);
      const files = readdirSync(tables).filter((name) => DATA_FILE.test(name));
      for (const name of files) {
        if (name === STARTUP_DATABASE_FILE) {
          this.warn(`data: ${join(tables, name)} is not copied: the build writes its own ${name} from the CSVs`);
          continue;
        }
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(tables, name)) });
      }
      const { snapshot, pictures } = await buildSnapshot(tables);
      this.emitFile({ type: 'asset', fileName: 'data/snapshot.json', source: JSON.stringify(snapshot) });
      for (const { name, svg } of pictures) this.emitFile({ type: 'asset', fileName: `data/charts/${name}`, source: svg });
      this.emitFile({ type: 'asset', fileName: `data/${STARTUP_DATABASE_FILE}`, source: await startupDatabase(tables) });
      this.info(`data: ${files.length} file(s) from ${tables}, snapshot.json with ${pictures.length} chart pictures and ${STARTUP_DATABASE_FILE}`);
    },
  };
}
