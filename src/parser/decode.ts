import { ReportParseError } from './types.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** Text with line ends normalized to `\n`. */
  text: string;
  encoding: TextEncoding;
  /** Bytes of a UTF-8 file that were no character, replaced by U+FFFD: where, by byte and line. */
  repairs: { offset: number; line: number }[];
}

/** At most this many bad sequences are repaired; a file with more is not UTF-8 with a flaw. */
const MAX_REPAIRS = 8;
/** …and only among at least this many good multi-byte characters for each bad one. */
const GOOD_PER_BAD = 20;

/**
 * The byte offsets of the sequences that are no UTF-8 character (up to `max` + 1 of them), and
 * how many good multi-byte characters the bytes hold. Follows the standard's well-formed table.
 */
export function utf8Flaws(bytes: Uint8Array, max = MAX_REPAIRS): { bad: number[]; good: number } {
  const bad: number[] = [];
  let good = 0;
  let lastBad = -1; // the byte after the last bad one: a bad byte there continues the same flaw
  for (let i = 0; i < bytes.length && bad.length <= max; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const c = bytes[i + k];
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      ok = c >= lo && c <= hi;
    }
    if (ok) {
      good++;
      i += length;
    } else {
      // A run of bad bytes (a lead byte lost, its continuation bytes orphaned) is one flaw, at its start.
      if (i !== lastBad) bad.push(i);
      lastBad = i + 1;
      i++;
    }
  }
  return { bad, good };
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const strictDecoders = new Map<string, TextDecoder>();
const looseUtf8 = new TextDecoder('utf-8');

/**
 * Strict UTF-8, fast: a lenient decode (the engines' fast path) turns every invalid sequence
 * into U+FFFD, so text without one was valid; only text with one is decoded again strictly.
 */
function decodeUtf8(bytes: Uint8Array): string | null {
  const text = looseUtf8.decode(bytes);
  return text.includes('\uFFFD') ? decodeStrict(bytes, 'utf-8') : text;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  let decoder = strictDecoders.get(label);
  if (!decoder) strictDecoders.set(label, (decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false })));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM shows as NUL bytes in every other position. Count them on a
 * sample: text in UTF-8 or GB18030 has none.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  // ASCII-heavy UTF-16 has ~all high bytes NUL; CJK-heavy still has the TAB/newline/digit cells.
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

function describeBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ZIP_MAGIC)) {
    return '这是 ZIP 压缩格式（可能是 Word .docx）：请先在 Word 中另存为“纯文本 (.txt)” / a ZIP file (.docx?): save it as plain text first';
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return '这是旧版 Word/Excel 二进制文件 (.doc/.xls)：请先另存为纯文本 / a binary Office file: save it as plain text first';
  }
  if (startsWith(bytes, PDF_MAGIC)) return '这是 PDF 文件，无法读取表格 / a PDF file: tables cannot be read from it';
  return null;
}

/**
 * Detects the encoding of a report file (never assumes one) and returns its text with
 * `\n` line ends. Order: BOMs, known binary formats, BOM-less UTF-16, strict UTF-8,
 * then GB18030 (a superset of GBK and GB2312).
 */
export function decodeReport(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new ReportParseError(file, '文件为空 / the file is empty');
  const binary = describeBinary(bytes);
  if (binary) throw new ReportParseError(file, binary);

  let text: string | null = null;
  let encoding: TextEncoding;
  let repairs: DecodedText['repairs'] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = decodeUtf8(bytes.subarray(3));
    if (text == null) ({ text, repairs } = repairUtf8(bytes, 3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeStrict(bytes.subarray(2), 'utf-16le');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeStrict(bytes.subarray(2), 'utf-16be');
  } else {
    const utf16 = guessBomlessUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = decodeStrict(bytes, utf16);
    } else {
      encoding = 'utf-8';
      text = decodeUtf8(bytes);
      if (text == null) ({ text, repairs } = repairUtf8(bytes, 0));
      if (text == null) [encoding, text] = mostPlausible(bytes);
    }
  }
  if (text == null) {
    throw new ReportParseError(file, `不是可识别的文本编码（已尝试 ${encoding}）/ not text in a known encoding`);
  }
  if (looksBinary(text)) {
    throw new ReportParseError(file, '这是二进制文件，不是文本报告 / a binary file, not a text report');
  }
  return { text: text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n'), encoding, repairs };
}

/**
 * UTF-8 with a few bad bytes (one flipped, or a character cut at the end of the file): read with
 * each replaced by U+FFFD and said where. A file with more bad bytes, or with few good multi-byte
 * characters beside them, is not UTF-8 with a flaw but another encoding: null.
 */
function repairUtf8(bytes: Uint8Array, start: number): { text: string | null; repairs: DecodedText['repairs'] } {
  const { bad, good } = utf8Flaws(bytes.subarray(start));
  if (bad.length === 0 || bad.length > MAX_REPAIRS || good < bad.length * GOOD_PER_BAD) return { text: null, repairs: [] };
  return { text: looseUtf8.decode(bytes.subarray(start)), repairs: bad.map((offset) => ({ offset: offset + start, line: lineOfByte(bytes, offset + start) })) };
}

/**
 * Not UTF-8: GB18030, or UTF-16 without a BOM whose text is mostly CJK (so few NUL
 * bytes). Decode as each and keep the one that reads most like Chinese text.
 */
function mostPlausible(bytes: Uint8Array): [TextEncoding, string | null] {
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536) & ~1);
  let best: [TextEncoding, number] = ['gb18030', -1];
  for (const candidate of ['gb18030', 'utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(candidate).decode(sample);
    const score = plausibility(text);
    if (score > best[1]) best = [candidate, score];
  }
  return [best[0], decodeStrict(bytes, best[0])];
}

/** Share of characters that are CJK ideographs, CJK or full-width punctuation, ASCII or white space. */
function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) good++;
  }
  return good / text.length;
}

/** What looksBinary counts: control characters other than TAB, LF, FF and CR, and U+FFFD. */
const CONTROL_CHAR = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

/** Control characters other than TAB/LF/CR/FF in more than 1% of a sample: not a text report. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (!CONTROL_CHAR.test(sample)) return false; // the usual case, found faster than by the loop
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > sample.length * 0.01;
}
