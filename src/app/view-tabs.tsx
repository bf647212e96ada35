/**
 * The row of view tabs. On a narrow screen it scrolls sideways: the open view's tab is brought
 * into sight (a link to the last view would otherwise open with its tab off screen), and a
 * fading edge with an arrow shows that more tabs lie that way (a tap on the arrow scrolls there:
 * the fade alone could fall on the gap between two tabs and show nothing).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n.ts';
import { useUrlState } from '../lib/url-state.ts';
import { VIEWS } from './views.ts';

/** Which sides of a scrolling row have more to show. */
function overflowOf(row: HTMLElement): string {
  const left = row.scrollLeft > 1;
  const right = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
  return [left && 'more-left', right && 'more-right'].filter(Boolean).join(' ');
}

export function ViewTabs({ current }: { current: string }) {
  const { t } = useI18n();
  const url = useUrlState();
  const row = useRef<HTMLElement>(null);
  const [overflow, setOverflow] = useState('');

  useLayoutEffect(() => {
    const nav = row.current;
    const tab = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !tab) return;
    // Only the row scrolls (scrollIntoView could move the page too), and only when needed.
    const start = tab.getBoundingClientRect().left - nav.getBoundingClientRect().left + nav.scrollLeft;
    if (start < nav.scrollLeft || start + tab.offsetWidth > nav.scrollLeft + nav.clientWidth) {
      nav.scrollLeft = start - (nav.clientWidth - tab.offsetWidth) / 2;
    }
    setOverflow(overflowOf(nav));
  }, [current, t]);

  useEffect(() => {
    const nav = row.current;
    if (!nav) return;
    const update = () => setOverflow(overflowOf(nav));
    const resize = new ResizeObserver(update);
    resize.observe(nav);
    nav.addEventListener('scroll', update, { passive: true });
    return () => {
      resize.disconnect();
      nav.removeEventListener('scroll', update);
    };
  }, []);

  const scroll = (direction: 1 | -1) => row.current?.scrollBy({ left: direction * row.current.clientWidth * 0.7, behavior: 'smooth' });
  return (
    <div className="tabs-row">
      <nav ref={row} className={`tabs ${overflow}`.trim()} aria-label={t('app.title')}>
        {VIEWS.map((entry) => (
          <button key={entry.id} type="button" className="tab" aria-current={entry.id === current ? 'page' : undefined}
            data-view={entry.id} onClick={() => url.setView(entry.id)}>
            {t(entry.titleKey)}
          </button>
        ))}
      </nav>
      {overflow.includes('more-left') && (
        <button type="button" className="tabs-scroll is-left" aria-label={t('app.tabsEarlier')} onClick={() => scroll(-1)}>‹</button>
      )}
      {overflow.includes('more-right') && (
        <button type="button" className="tabs-scroll is-right" aria-label={t('app.tabsMore')} onClick={() => scroll(1)}>›</button>
      )}
    </div>
  );
}
