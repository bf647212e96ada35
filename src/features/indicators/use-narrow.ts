import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 720px)';

const subscribe = (listener: () => void) => {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
};

/** True on a phone-sized screen (the app's CSS breakpoint): charts narrow their axis labels. */
export const useNarrow = (): boolean => useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
