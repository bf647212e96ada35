import { resolve } from 'node:path';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';

/** The small hand-made dataset whose figures the tests below were computed from by hand. */
export const FIXTURE_DIR = resolve(import.meta.dirname, 'fixtures/dash-data');

export const openFixtureDb = (): Promise<NodeDb> => openNodeDb(FIXTURE_DIR);
