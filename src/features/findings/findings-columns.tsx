/**
 * The findings table's columns, as constants. Every column sorts in SQL (its id is a key of
 * FINDINGS_SORT_COLUMNS); cells read the language from the table's meta.
 */
import { dataColumnHelper, type DataColumn } from '../../components/data-table.tsx';
import { BLANK } from '../../lib/format.ts';
import { labelOf } from '../../lib/i18n.ts';
import type { FindingRow } from '../../queries/findings-page.ts';
import { fieldLabel, findingValue } from '../../lib/findings/field-label.ts';
import { findingMessage } from '../../lib/findings/finding-message.ts';
import type { Lang } from '../../lib/url-state.ts';
import { SeverityBadge } from './severity-badge.tsx';

const column = dataColumnHelper<FindingRow>();

const text = (value: string | null | undefined) => (value == null || value === '' ? BLANK : value);
const valueOf = (field: string | null, value: string | null, lang: Lang) => (value == null ? value : findingValue(field, value, lang));


export const FINDINGS_COLUMNS: DataColumn<FindingRow>[] = [
  column.accessor('severity', {
    meta: { labelKey: 'findings.col.severity' },
    cell: ({ getValue }) => <SeverityBadge severity={getValue()} />,
  }),
  column.accessor('code', {
    meta: { labelKey: 'findings.col.code', className: 'findings-col-code' },
    cell: ({ getValue, table }) => labelOf(table.options.meta!.lang, 'code', getValue()),
  }),
  column.accessor('project', {
    meta: { labelKey: 'findings.col.project', className: 'findings-col-project' },
    cell: ({ getValue }) => text(getValue()),
  }),
  column.accessor('message', {
    meta: { labelKey: 'findings.col.message', className: 'findings-col-message' },
    // In the reader's language, from the finding's code and params (the stored message where there are none).
    cell: ({ row, table }) => text(findingMessage(row.original, table.options.meta!.lang)),
  }),
  column.accessor('field', {
    meta: { labelKey: 'findings.col.field', className: 'findings-col-field' },
    // In words; the field as stored (and as SQL filters it) on hover.
    cell: ({ getValue, table }) => {
      const field = getValue();
      return field ? <span title={field}>{fieldLabel(field, table.options.meta!.lang)}</span> : BLANK;
    },
  }),
  column.accessor('expected', {
    meta: { labelKey: 'findings.col.expected', className: 'findings-col-value' },
    cell: ({ getValue, row, table }) => text(valueOf(row.original.field, getValue(), table.options.meta!.lang)),
  }),
  column.accessor('found', {
    meta: { labelKey: 'findings.col.found', className: 'findings-col-value' },
    cell: ({ getValue, row, table }) => text(valueOf(row.original.field, getValue(), table.options.meta!.lang)),
  }),
  column.accessor('source_file', {
    id: 'source',
    meta: { labelKey: 'findings.col.source', className: 'findings-col-source' },
    cell: ({ row, table }) => {
      const { t } = table.options.meta!;
      const { source_file: file, line } = row.original;
      return (
        <>
          <span className="findings-source-file">{text(file)}</span>
          <span className="findings-source-line">{line == null ? BLANK : t('findings.line', { count: line })}</span>
        </>
      );
    },
  }),
];
