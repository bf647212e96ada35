/**
 * The files of a drop or a pick. A dropped or picked folder is walked, and only the kinds the
 * import reads are taken from it (a report folder also holds .pdf and .doc copies, which would
 * only be refused); files chosen one by one are all taken, so that a wrong one gets its message.
 */
import { isReportFile } from '../../parser/readers/extensions.ts';

const TABLES = /\.(csv|duckdb|db)$/i;
const isHidden = (name: string) => name.startsWith('.') || name.startsWith('~$');

export const importableFromFolder = (files: readonly File[]): File[] =>
  files.filter((file) => (isReportFile(file.name) || TABLES.test(file.name)) && !isHidden(file.name));

export const byName = (a: File, b: File): number => a.name.localeCompare(b.name, 'zh-CN', { numeric: true });

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(file);
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const folder: File[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers with none.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, folder);
  }
  out.push(...importableFromFolder(folder));
}

/** Every file of a drop, folders walked. */
export async function filesOfDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...transfer.files];
  const files: File[] = [];
  for (const entry of entries) await walk(entry, files);
  return files;
}
