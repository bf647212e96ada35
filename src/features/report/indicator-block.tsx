/**
 * The 绩效指标 part of the paper table: 一级 and 二级 cells merged by rowspan, merged 分值/得分
 * groups in one cell, a status badge per indicator, then the 总分 row (printed against computed).
 */
import { formatPercent, formatScore } from '../../lib/format.ts';
import { labelOf, translateOr, useI18n, type Translate } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/url-state.ts';
import { reasonIn } from '../../lib/status-reason.ts';
import type { ReportHeaderRow } from '../../queries/report-header.ts';
import type { ReportIndicatorRow } from '../../queries/report-indicators.ts';
import { type FlagLookup, flagClass, flagTitle } from './flags.ts';
import { layoutIndicators, scoresDiffer, type UnitRule } from './indicator-layout.ts';
import { GradeBadge } from './grade-badge.tsx';

interface IndicatorBlockProps {
  header: ReportHeaderRow;
  indicators: readonly ReportIndicatorRow[];
  flags: FlagLookup;
}

const text = (value: string | null) => (value == null || value === '' ? '—' : value);

/** Rules worth showing beside the indicator: a missed target scored by its ratio, or to nothing. */
const SHOWN_RULES = new Set(['ratio_up', 'ratio_down', 'ratio_equal', 'ratio_range', 'all_or_nothing']);

/** A 复核 cell's tooltip: each member's rule in words with its arithmetic, and the excess. */
function ruleTitle(rule: UnitRule, score: number | null, lang: Lang, t: Translate): string {
  const lines = rule.members.map(({ level3, rule: code, note }) => {
    const words = code ? translateOr(lang, `rule.${code}`, code) : '—';
    const named = rule.members.length > 1 ? `${level3 ?? ''}：` : '';
    return `${named}${words}${note ? ` (${note})` : ''}`;
  });
  if (rule.over) lines.push(t('report.ruleOver', { from: formatScore(score, lang), to: formatScore(rule.allowed, lang) }));
  return lines.join('\n');
}

export function IndicatorBlock({ header, indicators, flags }: IndicatorBlockProps) {
  const { lang, t } = useI18n();
  const rows = layoutIndicators(indicators);
  const totalMismatch = scoresDiffer(header.declared_total_score, header.total_score);
  return (
    <table className="sheet-table sheet-indicators" data-testid="report-indicators">
      <colgroup>
        <col className="col-side" /><col className="col-level1" /><col className="col-level2" /><col className="col-level3" />
        <col className="col-target" /><col className="col-target" /><col className="col-points" /><col className="col-points" />
        <col className="col-points" /><col className="col-deviation" /><col className="col-status" />
      </colgroup>
      {/* One row group: a rowspan cannot cross from a thead into a tbody. */}
      <tbody>
        <tr>
          <th rowSpan={rows.length + 1} scope="rowgroup" className="sheet-side">{t('report.indicators')}</th>
          <th scope="col">{t('report.level1')}</th>
          <th scope="col">{t('report.level2')}</th>
          <th scope="col">{t('report.level3')}</th>
          <th scope="col">{t('report.target')}</th>
          <th scope="col">{t('report.actual')}</th>
          <th scope="col">{t('report.weight')}</th>
          <th scope="col">{t('report.score')}</th>
          <th scope="col" title={t('report.ruleHint')}>{t('report.rule')}</th>
          <th scope="col">{t('report.deviation')}</th>
          <th scope="col">{t('report.status')}</th>
        </tr>
        {rows.map((row) => {
          const { indicator } = row;
          const printedLevel2 = indicator.level2_printed && indicator.level2_printed !== indicator.level2 ? indicator.level2_printed : null;
          return (
            <tr key={indicator.seq} data-seq={indicator.seq} data-lines={row.lines.join(' ')}
              className={flagClass(flags, row.lines)} title={flagTitle(flags, row.lines, lang)}>
              {row.level1Span > 0 && <th rowSpan={row.level1Span} scope="rowgroup" className="sheet-label">{row.level1Label}</th>}
              {row.level2Span > 0 && (
                <th rowSpan={row.level2Span} scope="rowgroup" className="sheet-label"
                  title={printedLevel2 ? t('report.asPrinted', { name: printedLevel2 }) : undefined}>
                  {text(indicator.level2)}
                </th>
              )}
              <td className="sheet-level3">{text(indicator.level3)}</td>
              <td>{text(indicator.target_text)}</td>
              <td>{text(indicator.actual_text)}</td>
              {row.scoreSpan > 0 && (
                <>
                  <td rowSpan={row.scoreSpan} className={`num${row.scoreSpan > 1 ? ' is-group' : ''}`} data-cell="weight"
                    title={row.scoreSpan > 1 ? t('report.groupHint', { count: row.scoreSpan }) : undefined}>
                    {formatScore(row.weight, lang)}
                  </td>
                  <td rowSpan={row.scoreSpan} className={`num${row.scoreSpan > 1 ? ' is-group' : ''}`} data-cell="score">
                    {formatScore(row.score, lang)}
                  </td>
                  <td rowSpan={row.scoreSpan} data-cell="rule" title={ruleTitle(row.rule, row.score, lang, t)}
                    className={`num sheet-rule${row.scoreSpan > 1 ? ' is-group' : ''}${row.rule.over ? ' is-over' : ''}${row.rule.checked ? '' : ' is-kept'}`}>
                    {formatScore(row.rule.allowed, lang)}
                  </td>
                </>
              )}
              <td className="sheet-deviation">{text(indicator.deviation)}</td>
              <td className="sheet-status">
                <span className={`status-badge status-${indicator.status}`} data-status={indicator.status}
                  title={reasonIn(indicator.status_reason, lang) || labelOf(lang, 'status', indicator.status)}>
                  {labelOf(lang, 'status', indicator.status)}
                </span>
                {indicator.achievement != null && <span className="sheet-achievement">{formatPercent(indicator.achievement, lang, 0)}</span>}
                {indicator.rule && SHOWN_RULES.has(indicator.rule) && indicator.rule_note && (
                  <span className="sheet-rule-note" data-cell="rule-note" title={translateOr(lang, `rule.${indicator.rule}`, indicator.rule)}>
                    {t('report.ruleNote', { name: indicator.rule_note })}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className={totalMismatch ? 'is-flagged is-flagged-error' : undefined} data-testid="report-total">
          <th colSpan={6} scope="row" className="sheet-total-label">{t('report.total')}</th>
          <td className="num">{formatScore(header.total_weight, lang)}</td>
          <td className="num sheet-total-score" title={t('report.computedHint')}>
            <strong data-cell="total-computed">{formatScore(header.total_score, lang)}</strong>
            {header.declared_total_score != null && (
              <span className={`sheet-declared${totalMismatch ? ' is-mismatch' : ''}`} data-cell="total-declared">
                {t('report.printedValue', { name: formatScore(header.declared_total_score, lang) })}
              </span>
            )}
          </td>
          <td className={`num sheet-rule${(header.rule_gap ?? 0) > 0 ? ' is-over' : ''}`} data-cell="total-rule"
            title={header.rule_grade ? `${t('report.grade')} ${header.rule_grade}` : undefined}>
            <strong>{formatScore(header.rule_total_score, lang)}</strong>
          </td>
          <td colSpan={2}>
            <span className="sheet-grade">{t('report.grade')} <GradeBadge grade={header.grade} /></span>
            {totalMismatch && (
              <span className="sheet-mismatch-note">
                {t('report.totalMismatch', { from: formatScore(header.declared_total_score, lang), to: formatScore(header.total_score, lang) })}
              </span>
            )}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
