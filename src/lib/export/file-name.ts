/**
 * File names after what a file holds: `预算执行-按城市-2026-11-22.png`. Parts are joined with
 * `-`; characters no file system accepts (/ \ : * ? " < > | and control characters) are
 * replaced, and each part is kept short enough for every OS.
 */
export function localDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]+/g;

export function safeFilePart(part: string): string {
  return part.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80);
}

/** `parts` joined, then the date (unless `date` is null), then the extension. */
export function exportFileName(parts: readonly string[], extension: string, date: Date | null = new Date()): string {
  const named = parts.map(safeFilePart).filter(Boolean);
  if (date) named.push(localDate(date));
  return `${named.join('-') || 'export'}.${extension}`;
}
