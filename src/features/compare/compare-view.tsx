/**
 * 对比 Compare: two or more cities, funds or projects side by side on the same measures, from
 * one grouped query per dimension. The dimension and the items live in the URL (`cdim`, `cmp`);
 * the filter bar narrows the reports behind every item.
 */
import { useMemo } from 'react';
import { Chart } from '../../components/chart.tsx';
import { ChartCard } from '../../components/chart-card.tsx';
import { useQuery } from '../../lib/db/index.ts';
import { zhCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import { useDrawnMarks } from '../../lib/perf.ts';
import { navigate, useUrlState } from '../../lib/url-state.ts';
import { compareMeasures, type CompareDimension, type CompareMeasuresRow } from '../../queries/compare-measures.ts';
import { buildBudgetCompareOption } from './budget-compare-option.ts';
import { ComparePicker } from './compare-picker.tsx';
import { DIMENSION_PARAM, ITEMS_PARAM, parseDimension, parseItems, selectItems, toggleItem, withItems } from './compare-selection.ts';
import { CompareTable } from './compare-table.tsx';
import { buildCompareTable } from './compare-table-model.ts';
import { buildScoreRateOption } from './score-rate-option.ts';
import { buildStatusShareOption } from './status-share-option.ts';
import './compare.css';

/** Up to this many items the table sits beside the charts; more need the full width. */
const SIDE_BY_SIDE_UP_TO = 3;

export function CompareView() {
  const { lang, t } = useI18n();
  const url = useUrlState();
  const dimension = parseDimension(url.params);
  const query = useMemo(() => compareMeasures(dimension, url.filters), [dimension, url.filters]);
  const measures = useQuery(query);
  useDrawnMarks('compare', [measures]);

  const all = measures.rows;
  const selection = useMemo(() => selectItems(all ?? [], parseItems(url.params)), [all, url.params]);
  const items = selection.rows;
  const options = useMemo(
    () => (all ?? []).map((row) => ({ value: row.label, label: row.label, count: row.reports }))
      .sort((a, b) => zhCollator.compare(a.label, b.label)),
    [all],
  );
  const view = useMemo(() => {
    const context = { lang, t };
    return {
      table: buildCompareTable(items, context),
      budget: buildBudgetCompareOption(items, context),
      status: buildStatusShareOption(items, context),
      scoreRate: buildScoreRateOption(items, context),
    };
    // `t` is a function of `lang`.
  }, [lang, items]);

  const openItem = (item: CompareMeasuresRow) => {
    if (dimension === 'project') url.setParams({ view: 'report', report: item.report_id });
    else url.toggleFilter(dimension, item.label);
  };
  const shown = items.map((item) => item.label);
  const empty = all?.length === 0;

  return (
    <div className="compare" data-testid="compare" data-source={measures.source} data-dimension={dimension}>
      <ComparePicker
        dimension={dimension}
        options={options}
        selected={shown}
        isDefault={selection.isDefault}
        outOfScope={selection.outOfScope.length}
        onDimension={(next: CompareDimension) => url.setParams({ [DIMENSION_PARAM]: next === 'city' ? null : next, [ITEMS_PARAM]: null })}
        onToggle={(label) => navigate(withItems(url.params, toggleItem(shown, label)))}
        onReset={() => url.setParams({ [ITEMS_PARAM]: null })}
      />
      <div className={`compare-body${items.length > SIDE_BY_SIDE_UP_TO ? ' is-stacked' : ''}`}>
        <div className="compare-column">
          <ChartCard title={t('compare.table')} loading={measures.loading} error={measures.error} empty={empty} testId="compare-table-card">
            <CompareTable dimension={dimension} items={items} groups={view.table} filtered={url.filters[dimension] ?? []} onItem={openItem} />
            <p className="compare-note">{t('compare.bestHint')}</p>
          </ChartCard>
        </div>
        <div className="compare-column">
          <ChartCard title={t('compare.chart.budget')} loading={measures.loading} error={measures.error} empty={empty} testId="chart-compare-budget">
            <Chart label={t('compare.chart.budget')} option={view.budget} height={300}
              onClick={({ dataIndex }) => items[dataIndex] && openItem(items[dataIndex])} />
            <p className="chart-hint">{t('compare.hint.budget')}</p>
          </ChartCard>
          <ChartCard title={t('compare.chart.scoreRate')} loading={measures.loading} error={measures.error} empty={empty} testId="chart-compare-score-rate">
            <Chart label={t('compare.chart.scoreRate')} option={view.scoreRate} height={300}
              onClick={({ data }) => url.toggleFilter('level1', (data as { level1: string }).level1)} />
          </ChartCard>
          <ChartCard title={t('compare.chart.status')} loading={measures.loading} error={measures.error} empty={empty} testId="chart-compare-status">
            <Chart label={t('compare.chart.status')} option={view.status} height={Math.max(150, 72 + 44 * items.length)}
              onClick={({ data }) => url.toggleFilter('status', (data as { status: string }).status)} />
          </ChartCard>
        </div>
      </div>
    </div>
  );
}
