/**
 * The queries against the bundled dataset (data/, written by the ingest), when it is there.
 * Issue 3 gives one figure to check: the total 全年预算 of the five seed reports is 4410.88 万元.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { openNodeDb, type NodeDb } from '../../src/build/node-db.ts';
import { snapshotQueries } from '../../src/build/snapshot.ts';
import { budgetBy, overviewFigures } from '../../src/queries/index.ts';

const present = existsSync(join(BUNDLED_DATA_DIR, 'reports.csv'));

describe.skipIf(!present)('bundled data (data/)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb(BUNDLED_DATA_DIR);
  });
  afterAll(() => db?.close());

  it('totals 4410.88 万元 of 全年预算 over the five seed reports', async () => {
    const [row] = await db.query(overviewFigures({}));
    expect(row.reports).toBe(5);
    expect(row.cities).toBe(2);
    expect(row.budget_adjusted).toBeCloseTo(4410.88, 6);
    const byCity = await db.query(budgetBy('city', {}));
    expect(byCity.find((r) => r.label === '株洲市')?.budget_adjusted).toBeCloseTo(3817.84, 6);
    expect(byCity.find((r) => r.label === '益阳市')?.budget_initial).toBeCloseTo(752, 6);
  });

  it('runs every snapshot query', async () => {
    for (const query of snapshotQueries()) expect(Array.isArray(await db.query(query))).toBe(true);
  });
});
