/**
 * Office files are ZIP archives of XML parts. fflate inflates only the parts asked for; saxes
 * reads them as a stream of tags (a real XML parser: no regular expressions over XML).
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReportParseError } from '../types.ts';

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

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

/** Streams one XML part through the handlers; a malformed part is a refusal naming it and the line. */
export function parseXml(xml: string, part: string, file: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', handlers.open);
  parser.on('closetag', handlers.close);
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ReportParseError) throw error;
    throw new ReportParseError(file, `文件内部的 ${part} 不是有效的 XML（第 ${parser.line} 行）/ its part ${part} is not well-formed XML (line ${parser.line}): ${(error as Error).message.split('\n')[0]}`);
  }
}

/** An attribute of a tag, by its qualified name (`w:val`). */
export const attr = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name] as string | undefined;
