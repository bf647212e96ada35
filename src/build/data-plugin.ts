/**
 * Vite plugin for the dataset: serves the data folder at ./data/ in dev (with a snapshot
 * computed on request), and on build copies data/*.csv and data/*.duckdb into dist/data/ and
 * writes dist/data/snapshot.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { resolveDataDir } from './data-dir.ts';
import { buildSnapshot } from './snapshot.ts';
import { sendFile } from './static-files.ts';

const DATA_FILE = /\.(csv|duckdb)$/i;

export function dataPlugin(): Plugin {
  let dataDir = '';
  return {
    name: 'dashboard-data',
    configResolved() {
      dataDir = resolveDataDir();
    },
    configureServer(server) {
      server.middlewares.use('/data', (req, res) => {
        const name = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
        if (name === 'snapshot.json') {
          buildSnapshot(dataDir)
            .then((snapshot) => {
              res.setHeader('Content-Type', 'application/json; charset=utf-8');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(JSON.stringify(snapshot));
            })
            .catch((error: Error) => {
              server.config.logger.error(`[data] snapshot failed: ${error.message}`);
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
      const files = readdirSync(dataDir).filter((name) => DATA_FILE.test(name));
      for (const name of files) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dataDir, name)) });
      }
      const snapshot = await buildSnapshot(dataDir);
      this.emitFile({ type: 'asset', fileName: 'data/snapshot.json', source: JSON.stringify(snapshot) });
      this.info(`data: ${files.length} file(s) from ${dataDir} and snapshot.json`);
    },
  };
}
