/** The funding-source split (budget_lines) as a small table: 年初 / 全年 / 执行 and the share of 全年. */
import { formatCount, formatPercent, formatTableMoney } from '../../lib/format.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.ts';
import type { BudgetFundingSourceRow } from '../../queries/budget-funding-sources.ts';

export function FundingSources({ rows, totalAdjusted }: { rows: readonly BudgetFundingSourceRow[]; totalAdjusted: number | null }) {
  const { lang, t } = useI18n();
  const share = (value: number | null) => (value == null || !totalAdjusted ? null : value / totalAdjusted);
  return (
    <>
      <div className="scroll-x">
        <table className="budget-table budget-sources" data-testid="budget-sources">
          <thead>
            <tr>
              <th scope="col">{t('budget.source.source')}</th>
              <th scope="col" className="num">{t('budget.col.budgetInitial')}</th>
              <th scope="col" className="num">{t('budget.col.budgetAdjusted')}</th>
              <th scope="col" className="num">{t('budget.col.executed')}</th>
              <th scope="col" className="num">{t('budget.source.share')}</th>
              <th scope="col" className="num">{t('budget.source.reports')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.source} data-source-line={row.source}>
                <th scope="row">{t(`budget.source.${row.source}` as MessageKey)}</th>
                <td className="num">{formatTableMoney(row.budget_initial, lang)}</td>
                <td className="num">{formatTableMoney(row.budget_adjusted, lang)}</td>
                <td className="num">{formatTableMoney(row.executed, lang)}</td>
                <td className="num">
                  <ShareBar fraction={share(row.budget_adjusted)} />
                  {formatPercent(share(row.budget_adjusted), lang)}
                </td>
                <td className="num">{formatCount(row.reports, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.some((row) => row.source === 'unspecified') && <p className="budget-note">{t('budget.source.note')}</p>}
    </>
  );
}

/** A thin bar under the percentage; a <meter> keeps it accessible and free of inline styles (CSP). */
function ShareBar({ fraction }: { fraction: number | null }) {
  if (fraction == null) return null;
  return <meter className="budget-share" min={0} max={1} value={Math.max(0, Math.min(1, fraction))} aria-hidden="true" />;
}
