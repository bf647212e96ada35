/**
 * The 项目资金 part of the paper table: the funding rows as printed, 执行率 printed next to the
 * computed one, and a 核算 row when the figures the dashboard uses differ from the printed total
 * (a blank 年度资金总额 row is summed from its funding sources).
 */
import { formatNumber, formatPercent, formatScore, formatTableMoney } from '../../lib/format.ts';
import { LOCALES } from '../../lib/locale.ts';
import { useI18n } from '../../lib/i18n.ts';
import { BUDGET_LINE_KINDS } from '../../parser/types.ts';
import type { ReportBudgetLineRow } from '../../queries/report-budget-lines.ts';
import type { ReportHeaderRow } from '../../queries/report-header.ts';
import { ratesDiffer } from './indicator-layout.ts';
import { type FlagLookup, flagClass, flagTitle } from './flags.ts';

interface BudgetBlockProps {
  header: ReportHeaderRow;
  lines: readonly ReportBudgetLineRow[];
  flags: FlagLookup;
}

const differs = (a: number | null, b: number | null) => (a ?? null) !== (b ?? null) && !(a != null && b != null && Math.abs(a - b) < 0.005);

export function BudgetBlock({ header, lines, flags }: BudgetBlockProps) {
  const { lang, t } = useI18n();
  const locale = LOCALES[lang];
  // Where money shows rounded (CNY millions), the tooltip keeps the figure as printed in 万元.
  const exact = (wan: number | null) => (locale.money.rounded && wan != null ? t('report.exactMoney', { name: formatNumber(wan, lang, 4) }) : undefined);
  const total = lines.find((line) => line.line === 'total');
  const showResolved = !total || differs(total.budget_initial, header.budget_initial)
    || differs(total.budget_adjusted, header.budget_adjusted) || differs(total.executed, header.executed);
  const rowCount = lines.length + (showResolved ? 1 : 0);
  // A row's label as printed (Chinese), or the kind of row the parser read it as (English).
  const lineLabel = (line: ReportBudgetLineRow) => {
    const kind = BUDGET_LINE_KINDS.find((known) => known === line.line);
    const byKind = kind && t(`report.line.${kind}`);
    // Several rows of one kind (四川's 财政专户管理资金, 单位资金, 其他资金 are all `other`): the printed label tells them apart.
    const shared = lines.filter((l) => l.line === line.line).length > 1;
    if (locale.budgetLineByKind && byKind && shared && line.line_label) return `${byKind} (${line.line_label})`;
    return (locale.budgetLineByKind ? byKind : undefined) ?? line.line_label ?? byKind ?? line.line;
  };
  return (
    <table className="sheet-table sheet-budget" data-testid="report-budget">
      <colgroup>
        <col className="col-side" /><col className="col-line" />
        <col /><col /><col /><col className="col-points" /><col className="col-rate" /><col className="col-rate" /><col className="col-points" />
      </colgroup>
      {/* One row group: a rowspan cannot cross from a thead into a tbody. */}
      <tbody>
        <tr>
          <th rowSpan={rowCount + 2} scope="rowgroup" className="sheet-side">{t('report.funds')}</th>
          <th rowSpan={2} />
          <th rowSpan={2} scope="col">{t('report.budgetInitial')}</th>
          <th rowSpan={2} scope="col">{t('report.budgetAdjusted')}</th>
          <th rowSpan={2} scope="col">{t('report.executed')}</th>
          <th rowSpan={2} scope="col">{t('report.weight')}</th>
          <th colSpan={2} scope="colgroup">{t('report.executionRate')}</th>
          <th rowSpan={2} scope="col">{t('report.score')}</th>
        </tr>
        <tr>
          <th scope="col" className="sheet-sub">{t('report.printed')}</th>
          <th scope="col" className="sheet-sub">{t('report.computed')}</th>
        </tr>
        {lines.map((line, index) => {
          const cut = line.budget_initial != null && line.budget_adjusted != null && differs(line.budget_initial, line.budget_adjusted);
          const rateMismatch = ratesDiffer(line.execution_rate_declared, line.execution_rate);
          const lineNumbers = line.source_line == null ? [] : [line.source_line];
          return (
            <tr key={`${line.line}-${index}`} data-line={line.line} data-lines={lineNumbers.join(' ')}
              className={flagClass(flags, lineNumbers)} title={flagTitle(flags, lineNumbers, lang)}>
              <th scope="row" className="sheet-label">{lineLabel(line)}</th>
              <td className="num" title={exact(line.budget_initial)}>{formatTableMoney(line.budget_initial, lang)}</td>
              <td className={`num${cut ? ' is-changed' : ''}`}
                title={cut ? t(line.budget_adjusted! < line.budget_initial! ? 'report.budgetCut' : 'report.budgetRaised', {
                  from: formatTableMoney(line.budget_initial, lang), to: formatTableMoney(line.budget_adjusted, lang) }) : exact(line.budget_adjusted)}>
                {formatTableMoney(line.budget_adjusted, lang)}
              </td>
              <td className="num" title={exact(line.executed)}>{formatTableMoney(line.executed, lang)}</td>
              <td className="num">{formatScore(line.weight, lang)}</td>
              <td className={`num${rateMismatch ? ' is-mismatch' : ''}`}>{formatPercent(line.execution_rate_declared, lang)}</td>
              <td className={`num${rateMismatch ? ' is-mismatch' : ''}`}>{formatPercent(line.execution_rate, lang)}</td>
              <td className="num">{formatScore(line.score, lang)}</td>
            </tr>
          );
        })}
        {showResolved && (
          <tr className="sheet-resolved" data-line="resolved" title={t('report.resolvedHint')}>
            <th scope="row" className="sheet-label">{t('report.resolved')}</th>
            <td className="num">{formatTableMoney(header.budget_initial, lang)}</td>
            <td className="num">{formatTableMoney(header.budget_adjusted, lang)}</td>
            <td className="num">{formatTableMoney(header.executed, lang)}</td>
            <td className="num">{formatScore(header.budget_weight, lang)}</td>
            <td className="num">—</td>
            <td className="num">{formatPercent(header.execution_rate, lang)}</td>
            <td className="num">{formatScore(header.budget_score, lang)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
