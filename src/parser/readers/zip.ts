/**
 * Office files are ZIP archives of XML parts. fflate inflates only the parts asked for; xml.ts
 * reads them as a stream of tags (an XML tokenizer: no regular expressions over XML).
 */
import { unzipSync } from 'fflate';
import { ReportParseError } from '../types.ts';
import { scanXml, XmlError, type XmlHandlers, type XmlTag } from './xml.ts';

export type { XmlHandlers, XmlTag };

/** The names of a ZIP archive's entries, without inflating any. */
export function zipEntryNames(bytes: Uint8Array, file: string): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (entry) => (names.push(entry.name), false) });
  } catch {
    throw new ReportParseError(file, 'ZIP 文件已损坏，无法打开 / a damaged ZIP file: it cannot be opened');
  }
  return names;
}

/** The parts of an archive whose names `wanted` accepts, as text (UTF-8, as Office writes them). */
export function readParts(bytes: Uint8Array, file: string, wanted: (name: string) => boolean, what: string): Map<string, string> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => wanted(entry.name) });
  } catch {
    throw new ReportParseError(file, `${what}文件已损坏，无法解压 / a damaged ${what === 'Word ' ? 'Word' : 'Excel'} file: it cannot be unpacked`);
  }
  const decoder = new TextDecoder('utf-8');
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(entries)) parts.set(name, decoder.decode(data));
  return parts;
}

/** Streams one XML part through the handlers; a malformed part is a refusal naming it and the line. */
export function parseXml(xml: string, part: string, file: string, handlers: XmlHandlers): void {
  try {
    scanXml(xml, handlers);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    throw new ReportParseError(file, `文件内部的 ${part} 不是有效的 XML（第 ${error.line} 行：${error.message}）/ its part ${part} is not well-formed XML (line ${error.line}: ${error.message})`);
  }
}

/** Handlers for a part read for its tags alone, no text. */
export const tagsOnly = (open: (tag: XmlTag) => void): XmlHandlers => ({ open, close() {}, text() {}, wantText: () => false });
