/**
 * The header's name for the data on screen: its years and report count (`2022 年 · 5 份报告`), which
 * a reader understands, with the folder or file it came from on hover.
 */
import { useQuery } from '../lib/db/index.ts';
import { formatCount } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.ts';
import { datasetSummary } from '../queries/dataset-summary.ts';

const SUMMARY = datasetSummary();

export function DatasetLabel({ source }: { source: string }) {
  const { lang, t } = useI18n();
  const { rows } = useQuery(SUMMARY, { priority: 'background' });
  const row = rows?.[0];
  const years = row?.first_year == null ? null
    : row.first_year === row.last_year ? String(row.first_year) : `${row.first_year}–${row.last_year}`;
  const text = row == null ? t('app.dataset', { name: source })
    : t(years ? 'app.datasetSummary' : 'app.datasetReports', { years: years ?? '', count: formatCount(row.reports, lang) });
  return <span className="dataset" data-testid="dataset-label" title={t('app.dataset', { name: source })}>{text}</span>;
}
