/**
 * What kind of file the bytes are, by their content first (magic numbers, markup, the parts of a
 * ZIP) and their name second: a Word or Excel file renamed `.txt`, or a Word file named `.xlsx`,
 * is still read as what it is.
 */
import { zipEntryNames } from './zip.ts';

export type FileKind = 'text' | 'html' | 'docx' | 'xlsx' | 'zip' | 'ole' | 'pdf' | 'rtf';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];
const RTF_MAGIC = [0x7b, 0x5c, 0x72, 0x74, 0x66];

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** The file's extension, lower case, without the dot. */
export function extensionOf(name: string): string {
  return /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? '';
}

/** `<html`, `<!doctype html`, `<table` or `<meta` near the start (after a BOM or white space). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  // Markup starts with `<` after a BOM and white space (NULs in UTF-16): most text files are settled by their first bytes.
  let i = bytes[0] === 0xef ? 3 : bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
  while (i < bytes.length && i < 512 && (bytes[i] === 0 || bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] !== 0x3c) return false;
  const head = bytes.subarray(0, 2048);
  let text = '';
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b !== 0) text += String.fromCharCode(b); // UTF-16 markup reads as ASCII with its NULs dropped
  }
  return /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table)\b/i.test(text);
}

/**
 * A ZIP archive by its parts: `word/document.xml` is a Word document, `xl/workbook.xml` an Excel
 * workbook, whatever the name says. When the parts settle nothing (neither or both are there, or
 * the directory of a file named .docx/.xlsx cannot be read) the name decides, and the reader it
 * picks names what is missing or damaged.
 */
function zipKind(bytes: Uint8Array, name: string, extension: string): FileKind {
  const named = extension === 'xlsx' || extension === 'xlsm' ? 'xlsx' : extension === 'docx' || extension === 'docm' ? 'docx' : null;
  let names: string[];
  try {
    names = zipEntryNames(bytes, name);
  } catch (error) {
    if (named) return named;
    throw error;
  }
  const word = names.includes('word/document.xml');
  const excel = names.includes('xl/workbook.xml');
  if (word !== excel) return word ? 'docx' : 'xlsx';
  return named ?? (word ? 'docx' : 'zip');
}

export function sniffFile(bytes: Uint8Array, name: string): FileKind {
  const extension = extensionOf(name);
  if (startsWith(bytes, ZIP_MAGIC)) return zipKind(bytes, name, extension);
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, RTF_MAGIC)) return 'rtf';
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml' || looksLikeHtml(bytes)) return 'html';
  return 'text';
}
