/**
 * A link or a narrower filter can point past a list's last page: show the last one instead (the
 * URL is replaced, not pushed). `rowCount` undefined while the count is on its way.
 */
import { useEffect } from 'react';
import type { PageState } from './data-table-url.ts';

export function useClampedPage(rowCount: number | undefined, page: PageState, setPage: (page: PageState) => void): void {
  const lastPage = rowCount == null ? null : Math.max(0, Math.ceil(rowCount / page.pageSize) - 1);
  useEffect(() => {
    if (lastPage !== null && page.pageIndex > lastPage) setPage({ ...page, pageIndex: lastPage });
    // `setPage` is a new function each render; the page and its bound are what matter.
  }, [lastPage, page]); // eslint-disable-line react-hooks/exhaustive-deps
}
