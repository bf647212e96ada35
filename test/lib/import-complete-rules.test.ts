/**
 * Imported tables without the 复核 columns (written before them, or version 1 of the contract) get
 * the same rule columns and `claimed` statuses the ingest writes, computed from their own rows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeRules } from '../../src/lib/import/complete-rules.ts';
import { prepareImport } from '../../src/lib/import/prepare-import.ts';
import type { ContractRow } from '../../src/lib/import/contract-rows.ts';
import { parseReport } from '../../src/parser/index.ts';
import { SCHEMA } from '../../src/parser/schema.ts';
import { toCsv } from '../../src/lib/csv.ts';

const RAW = path.resolve(import.meta.dirname, '../../data/raw');
const FILES = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

const RULE_COLUMNS = {
  reports: ['rule_total_score', 'rule_coverage', 'rule_grade', 'rule_gap', 'rule_budget_score'],
  indicators: ['rule_score', 'rule', 'rule_note'],
};

/** The rows as a version-1 file holds them: the contract's first columns only, no `claimed`. */
function asVersion1(rows: readonly object[], table: 'reports' | 'indicators'): ContractRow[] {
  const v1 = SCHEMA[table].filter((c) => !c.added).map((c) => c.name);
  return rows.map((row) => {
    const out: ContractRow = {};
    for (const name of v1) out[name] = (row as ContractRow)[name] ?? null;
    if (out.status === 'claimed') out.status = 'unknown';
    return out;
  });
}

const pick = (rows: readonly object[], columns: readonly string[]) =>
  rows.map((row) => Object.fromEntries(columns.map((c) => [c, (row as ContractRow)[c]])));

describe('复核 columns for imported files that lack them', () => {
  it.each(FILES)('%s: a version-1 copy gets the rule scores and statuses the ingest writes', (file) => {
    const parsed = parseReport(readFileSync(path.join(RAW, file)), file);
    const reports = asVersion1(parsed.reports, 'reports');
    const indicators = asVersion1(parsed.indicators, 'indicators');
    completeRules(reports, indicators);
    expect(pick(reports, RULE_COLUMNS.reports)).toEqual(pick(parsed.reports, RULE_COLUMNS.reports));
    expect(pick(indicators, [...RULE_COLUMNS.indicators, 'status'])).toEqual(pick(parsed.indicators, [...RULE_COLUMNS.indicators, 'status']));
  });

  it('leaves rows that carry the columns as they are, even when they disagree with the rules', () => {
    const parsed = parseReport(readFileSync(path.join(RAW, FILES[1])), FILES[1]);
    const reports = parsed.reports.map((r) => ({ ...r, rule_total_score: 1, rule_gap: 99 })) as unknown as ContractRow[];
    const indicators = parsed.indicators.map((r) => ({ ...r })) as unknown as ContractRow[];
    completeRules(reports, indicators);
    expect(reports[0]).toMatchObject({ rule_total_score: 1, rule_gap: 99 });
  });

  it('fills them through an import of version-1 CSV files, so the dashboard can show the gap', async () => {
    const file = FILES.find((f) => f.startsWith('001'))!;
    const parsed = parseReport(readFileSync(path.join(RAW, file)), file);
    const v1Columns = (table: 'reports' | 'indicators') => SCHEMA[table].filter((c) => !c.added).map((c) => c.name);
    const encode = (text: string) => new TextEncoder().encode(text);
    const prepared = await prepareImport([
      { name: 'reports.csv', load: async () => encode(toCsv(asVersion1(parsed.reports, 'reports'), v1Columns('reports'))) },
      { name: 'indicators.csv', load: async () => encode(toCsv(asVersion1(parsed.indicators, 'indicators'), v1Columns('indicators'))) },
    ]);
    const [header, row] = prepared.csv.reports.trim().split(/\r?\n/);
    const values = Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]]));
    // 001 claims a full 20 on a group whose 10场 target ended at 6: 1.6 points above the rules.
    expect(values).toMatchObject({ total_score: '100', rule_total_score: '98.4', rule_gap: '1.6', rule_grade: '优' });
    expect(prepared.csv.indicators).toContain('6 ÷ 10 × 4 = 2.4');
  });
});
