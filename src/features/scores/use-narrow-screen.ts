/** True on phone-width screens, where the heat map turns its column names to fit. */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 720px)'; // the breakpoint of app.css

function subscribe(listener: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

export const useNarrowScreen = (): boolean =>
  useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
