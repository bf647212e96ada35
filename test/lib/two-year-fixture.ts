/**
 * A two-year dataset for the tests of years side by side (issue 20): the bundled tables, each
 * row twice — as it is (2022), and as a 2021 report `y21_…` whose 全年预算 is 80 % of this year's.
 */
import Papa from 'papaparse';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { TABLE_NAMES } from '../../src/parser/types.ts';

export function writeTwoYearDataset(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const table of TABLE_NAMES) {
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(join(BUNDLED_DATA_DIR, `${table}.csv`), 'utf8'), { skipEmptyLines: true }).data;
    const at = (name: string) => header.indexOf(name);
    const earlier = rows.map((row) => {
      const copy = [...row];
      copy[at('report_id')] = `y21_${copy[at('report_id')]}`;
      if (table === 'reports') {
        copy[at('year')] = '2021';
        copy[at('budget_adjusted')] = String(Math.round(Number(copy[at('budget_adjusted')]) * 0.8 * 100) / 100);
      }
      return copy;
    });
    writeFileSync(join(dir, `${table}.csv`), Papa.unparse([header, ...rows, ...earlier], { newline: '\r\n' }));
  }
}
