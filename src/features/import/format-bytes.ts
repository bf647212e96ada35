import { formatNumber } from '../../lib/format.ts';
import type { Lang } from '../../lib/url-state.ts';

/** File sizes: `12.5 KB`, `3.2 MB` (units are the same in both languages). */
export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}
