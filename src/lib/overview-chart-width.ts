/**
 * How wide the overview's charts will be, before the page has been laid out: boot.ts downloads
 * the build's pictures of them (src/lib/db/dataset/snapshot.ts) while React and the app are still
 * loading, and needs the width the cards will measure (chart.tsx picks by that). The numbers
 * are src/app/app.css's; an e2e test (overview.test.ts) holds this to the cards at 390, 1024,
 * 1280 and 1440 px: the pictures fetched must be those the cards show.
 */

/** `.app`: at most 1440 px wide with its padding (24 px a side; 12 at 720 px and narrower). */
const APP_MAX_WIDTH = 1440;
const NARROW_SCREEN = 720;
/** `.chart-grid`: two columns 16 px apart; one column on a narrow screen. */
const GRID_GAP = 16;
/** `.card`: 16 px of padding and a 1 px border a side. */
const CARD_INSET = 2 * (16 + 1);

/**
 * A chart's width in CSS pixels in a window `viewportWidth` wide (what media queries compare)
 * whose page is laid out `layoutWidth` wide (without a scrollbar's gutter).
 */
export function overviewChartWidth(viewportWidth: number, layoutWidth = viewportWidth): number {
  const narrow = viewportWidth <= NARROW_SCREEN;
  const content = Math.min(layoutWidth, APP_MAX_WIDTH) - 2 * (narrow ? 12 : 24);
  return (narrow ? content : (content - GRID_GAP) / 2) - CARD_INSET;
}
