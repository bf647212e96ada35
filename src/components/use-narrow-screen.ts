/**
 * True on a phone-width screen (app.css's 720 px breakpoint): charts narrow their axis labels and
 * the scores heat map turns its column names to fit. One hook for every view.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 720px)'; // the breakpoint of app.css

function subscribe(listener: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

export const useNarrowScreen = (): boolean =>
  useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
