/**
 * Printing (issue 20): A4 landscape, laid out by app.css's print rules. Charts are drawn again
 * at the printed card's width, not scaled: before the browser lays out the pages (the 打印
 * button, Ctrl+P's `beforeprint`, or print media turned on, as a PDF export does) the root gets
 * `print-layout`, which gives the page the paper's width, and every ECharts instance is resized
 * to its card; after printing both are undone. A header shown only on paper names the view, the
 * filters in force and the data's date.
 */
import { useEffect } from 'react';
import { chartHandlesIn } from '../components/chart.tsx';
import { filterValueLabel } from '../components/filter-bar.tsx';
import { useDbSession, useDbStatus } from '../lib/db/index.ts';
import { localDate } from '../lib/export/file-name.ts';
import { useI18n, type MessageKey } from '../lib/i18n.ts';
import { listSeparator } from '../lib/format.ts';
import { useUrlState } from '../lib/url-state.ts';
import { FILTER_KEYS } from '../queries/filters.ts';

/** The class on <html> that lays the page out at the paper's width (app.css). */
export const PRINT_LAYOUT_CLASS = 'print-layout';

/** A4 landscape's printable height, 210 mm − 2 × 10 mm (app.css's @page), in CSS pixels. */
const PRINTABLE_HEIGHT_PX = (190 * 96) / 25.4;
/** A card taller than a page may break across pages (app.css); the others are kept whole. */
const TALL_CLASS = 'print-tall';

function fitCharts(forPrint: boolean): void {
  for (const chart of chartHandlesIn(document.body)) chart.fitToBox(forPrint);
}

function markTallCards(printing: boolean): void {
  for (const card of document.querySelectorAll('.card')) {
    card.classList.toggle(TALL_CLASS, printing && card.getBoundingClientRect().height > PRINTABLE_HEIGHT_PX);
  }
}

/** Lays the page out for paper and redraws every chart at its printed width. */
export function enterPrintLayout(): void {
  // Once: a print sends beforeprint and then turns print media on (both call this). Drawn again
  // while the pages were being laid out, the score heat map printed without its cells and names.
  if (document.documentElement.classList.contains(PRINT_LAYOUT_CLASS)) return;
  document.documentElement.classList.add(PRINT_LAYOUT_CLASS);
  fitCharts(true);
  markTallCards(true);
}

/** Back to the screen's layout, charts at their screen width. */
export function leavePrintLayout(): void {
  if (!document.documentElement.classList.contains(PRINT_LAYOUT_CLASS)) return;
  document.documentElement.classList.remove(PRINT_LAYOUT_CLASS);
  markTallCards(false);
  fitCharts(false);
}

/** Follows the browser's printing however it starts (the button, Ctrl+P, print media emulated). */
export function usePrintLayout(): void {
  useEffect(() => {
    const media = window.matchMedia('print');
    const onMedia = (event: MediaQueryListEvent) => (event.matches ? enterPrintLayout() : leavePrintLayout());
    window.addEventListener('beforeprint', enterPrintLayout);
    window.addEventListener('afterprint', leavePrintLayout);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', enterPrintLayout);
      window.removeEventListener('afterprint', leavePrintLayout);
      media.removeEventListener('change', onMedia);
    };
  }, []);
}

export function PrintButton() {
  const { t } = useI18n();
  const print = () => {
    // beforeprint does the same; done first so that a browser without it prints laid out too.
    enterPrintLayout();
    window.print();
  };
  return (
    <button type="button" className="print-button" data-testid="print" title={t('print.buttonTitle')} onClick={print}>
      {t('print.button')}
    </button>
  );
}

/** On paper only: the view, the filters in force as the filter bar names them, the data's date. */
export function PrintHeader({ viewTitle }: { viewTitle: string }) {
  const { lang, t } = useI18n();
  const { filters } = useUrlState();
  const db = useDbStatus();
  const session = useDbSession();
  const parts = FILTER_KEYS.flatMap((key) => {
    const values = filters[key];
    if (!values?.length) return [];
    return [t('print.filter', { name: t(`filter.${key}` as MessageKey), values: values.map((v) => filterValueLabel(lang, key, String(v))).join(t('print.valueSeparator')) })];
  });
  // The build's date stands for the bundled data's; imported rows or another dataset have none.
  const built = db.imported === null ? session.snapshot.generatedAt() : null;
  const today = localDate();
  return (
    <div className="print-header" data-testid="print-header">
      <h2>{t('app.title')} · {viewTitle}</h2>
      <p data-testid="print-filters">{parts.length ? t('print.filters', { filters: parts.join(listSeparator(lang)) }) : t('print.noFilters')}</p>
      <p data-testid="print-date">
        {[
          db.dataset && t('app.dataset', { name: db.dataset }),
          built && t('print.built', { date: localDate(new Date(built)) }),
          t('print.printed', { date: today }),
        ].filter(Boolean).join(' · ')}
      </p>
    </div>
  );
}
