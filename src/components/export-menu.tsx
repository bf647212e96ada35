/**
 * A generic export menu: each source as CSV, all of them as one Excel workbook (one sheet per
 * source). Sources load their rows only when an export is chosen, so a menu costs nothing until
 * used; the workbook writer is loaded on demand too. Any view can add one:
 *
 *   <ExportMenu fileName={['数据问题', code]} sources={[{ label: '数据问题', load: async () => ({ name, columns, rows }) }]} />
 */
import { useRef, useState } from 'react';
import { useI18n } from '../lib/i18n.ts';
import { csvBlob } from '../lib/export/csv-export.ts';
import { downloadBlob } from '../lib/export/download.ts';
import { withFieldNames, type ExportTable } from '../lib/export/export-table.ts';
import { exportFileName } from '../lib/export/file-name.ts';
import './export-menu.css';

export interface ExportSource {
  /** Names the table in the menu, in CSV file names and as the workbook's sheet name. */
  label: string;
  load(): Promise<ExportTable>;
}

export interface ExportMenuProps {
  /** File name parts before the date: ['绩效看板', '筛选数据'] → 绩效看板-筛选数据-2026-11-22.xlsx. */
  fileName: readonly string[];
  sources: readonly ExportSource[];
  disabled?: boolean;
  /** The menu button's text (default “导出”). */
  label?: string;
  testId?: string;
  /** The sources label their headers (contract tables): offer the contract's names instead. */
  fieldNamesOption?: boolean;
}

type Format = 'csv' | 'xlsx';

export function ExportMenu({ fileName, sources, disabled = false, label, testId, fieldNamesOption = false }: ExportMenuProps) {
  const { t } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Headers in the reader's language by default; the contract's names for re-import and tools.
  const [fieldNames, setFieldNames] = useState(false);

  const single = sources.length === 1;

  async function run(format: Format, chosen: readonly ExportSource[]) {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    setError(null);
    try {
      const loaded = await Promise.all(chosen.map(async (source) => ({ ...(await source.load()), name: source.label })));
      const tables = fieldNames ? loaded.map(withFieldNames) : loaded;
      if (format === 'csv') {
        const parts = single ? fileName : [...fileName, chosen[0].label];
        downloadBlob(csvBlob(tables[0]), exportFileName(parts, 'csv'));
      } else {
        const { xlsxBlob } = await import('../lib/export/xlsx.ts');
        downloadBlob(await xlsxBlob(tables), exportFileName(fileName, 'xlsx'));
      }
    } catch (failure) {
      setError(t('export.failed', { message: (failure as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export-menu" data-testid={testId}>
      <details ref={menu} className="export-menu-details">
        <summary aria-disabled={disabled || busy} title={t('export.menuTitle')}
          onClick={(event) => (disabled || busy) && event.preventDefault()}>
          {busy ? t('export.busy') : label ?? t('export.menu')}
        </summary>
        <div className="export-menu-list" role="menu">
          {sources.map((source) => (
            <button key={source.label} type="button" role="menuitem" data-format="csv" data-source={source.label}
              onClick={() => void run('csv', [source])}>
              {single ? t('export.csvOne') : t('export.csv', { name: source.label })}
            </button>
          ))}
          <button type="button" role="menuitem" data-format="xlsx" onClick={() => void run('xlsx', sources)}>
            {single ? t('export.xlsx') : t('export.xlsxAll', { count: sources.length })}
          </button>
          {fieldNamesOption && (
            <label className="export-menu-option" title={t('export.fieldNamesHint')}>
              <input type="checkbox" checked={fieldNames} data-option="field-names" onChange={(event) => setFieldNames(event.target.checked)} />
              {t('export.fieldNames')}
            </label>
          )}
        </div>
      </details>
      {error && <p className="export-menu-error" role="alert">{error}</p>}
    </div>
  );
}
