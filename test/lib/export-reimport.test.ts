/**
 * Exports speak the reader's language (headers as the app labels the columns, sheets as it names
 * the tables) and still import as they are: the labels in either language read back as the
 * contract's names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { columnLabel, columnLabels, contractColumnName, tableOfSheetName } from '../../src/lib/column-labels.ts';
import { csvText } from '../../src/lib/export/csv-export.ts';
import { xlsxBytes } from '../../src/lib/export/xlsx.ts';
import { prepareImport } from '../../src/lib/import/prepare-import.ts';
import { LANGS } from '../../src/lib/url-params.ts';
import { SCHEMA } from '../../src/parser/schema.ts';
import { TABLE_NAMES, type TableName } from '../../src/parser/types.ts';
import { BUNDLED_DATA_DIR } from '../../src/build/data-dir.ts';
import { translate, type MessageKey } from '../../src/lib/i18n.ts';

const rowsOf = (table: TableName) => Papa.parse<Record<string, string>>(readFileSync(path.join(BUNDLED_DATA_DIR, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const encode = (text: string) => new TextEncoder().encode(text);
const columns = (table: TableName) => SCHEMA[table].map((c) => c.name);

describe('column labels', () => {
  it('names every column of every table apart, in each language, and reads each label back', () => {
    for (const lang of LANGS) {
      for (const table of TABLE_NAMES) {
        const labels = columns(table).map((name) => columnLabel(lang, table, name));
        expect(new Set(labels).size, `${lang} ${table}`).toBe(labels.length);
        for (const name of columns(table)) expect(contractColumnName(table, columnLabel(lang, table, name))).toBe(name);
      }
    }
    expect(columnLabel('zh', 'budget_lines', 'line')).toBe('资金行'); // a funding row, not a source line
    expect(contractColumnName('reports', '别的列')).toBe('别的列');
  });

  it('knows a sheet by the table name or the export\'s name for it', () => {
    for (const lang of LANGS) for (const table of TABLE_NAMES) expect(tableOfSheetName(translate(lang, `export.table.${table}` as MessageKey))).toBe(table);
    expect(tableOfSheetName(' Reports ')).toBe('reports');
    expect(tableOfSheetName('说明')).toBeNull();
  });
});

describe('an export re-imports as it is', () => {
  const fullRows = (table: TableName) => rowsOf(table);

  it.each(LANGS)('CSV files with %s headers', async (lang) => {
    const inputs = TABLE_NAMES.map((table) => ({
      name: `${translate(lang, `export.table.${table}` as MessageKey)}-2026-12-07.csv`,
      load: async () => encode(csvText({ name: table, columns: columns(table), rows: fullRows(table), headers: columnLabels(lang, table, columns(table)) })),
    }));
    expect(csvText({ name: 'r', columns: ['report_id'], rows: [], headers: columnLabels(lang, 'reports', ['report_id']) })).toContain(columnLabel(lang, 'reports', 'report_id'));
    const prepared = await prepareImport(inputs);
    expect(prepared.counts).toEqual(Object.fromEntries(TABLE_NAMES.map((t) => [t, fullRows(t).length])));
    // The contract's header on the way in: the same CSV the ingest wrote (rows and columns).
    const back = Papa.parse<Record<string, string>>(prepared.csv.indicators, { header: true, skipEmptyLines: true }).data;
    expect(back.map((r) => [r.report_id, r.seq, r.level3, r.status])).toEqual(fullRows('indicators').map((r) => [r.report_id, r.seq, r.level3, r.status]));
  });

  it('a workbook with the Chinese sheet names and headers', async () => {
    const bytes = await xlsxBytes(TABLE_NAMES.map((table) => ({
      name: translate('zh', `export.table.${table}` as MessageKey), columns: columns(table), rows: fullRows(table), headers: columnLabels('zh', table, columns(table)),
    })));
    const prepared = await prepareImport([{ name: '绩效看板-全部数据.xlsx', load: async () => bytes }]);
    expect(prepared.counts).toEqual(Object.fromEntries(TABLE_NAMES.map((t) => [t, fullRows(t).length])));
  });
});
