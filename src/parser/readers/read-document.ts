/**
 * Bytes → grid, by what the file is (sniff.ts). Formats that cannot give certain tables are
 * refused here with what to do instead.
 */
import { decodeReport } from '../decode.ts';
import type { GridDocument } from '../grid.ts';
import { ReportParseError } from '../types.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { extensionOf, sniffFile } from './sniff.ts';
import { readText, type TextLayout } from './text.ts';
import { readXlsx } from './xlsx.ts';

export interface ReadDocument {
  grid: GridDocument;
  /** The decoded text of a text file (line numbers refer to it); null for other formats. */
  text: string | null;
  layout: TextLayout | null;
  /** Bad bytes of a UTF-8 text replaced when decoding it (decode.ts). */
  repairs: { offset: number; line: number }[];
}

const REFUSALS = {
  pdf: 'PDF 文件中的表格无法确定各单元格，不予读取：请使用原始的 Word (.docx)、Excel (.xlsx) 或网页 (.html) 文件 / a PDF file: the cells of its tables cannot be made certain; use the original .docx, .xlsx or .html file',
  doc: '旧版 Word 97–2003 (.doc) 文件无法可靠读取表格的行和列：请用 Word 或 WPS 另存为 .docx 后再读取 / a Word 97–2003 (.doc) file: its table rows and columns cannot be read reliably; save it as .docx in Word or WPS',
  xls: '旧版 Excel 97–2003 (.xls) 文件：请用 Excel 或 WPS 另存为 .xlsx 后再读取 / an Excel 97–2003 (.xls) file: save it as .xlsx in Excel or WPS',
  ole: '旧版 Office 二进制文件 (.doc/.xls)：请另存为 .docx 或 .xlsx 后再读取 / a binary Office 97–2003 file (.doc/.xls): save it as .docx or .xlsx',
  rtf: 'RTF 文件：请用 Word 或 WPS 另存为 .docx 后再读取 / an RTF file: save it as .docx in Word or WPS',
  mht: '网页存档 (.mht/.mhtml) 文件：请在浏览器中打开后另存为“网页，仅 HTML”(.html) 再读取 / a web archive (.mht): open it in a browser and save it as “Web page, HTML only” (.html)',
  zip: '这是 ZIP 压缩包，不是 Word (.docx) 或 Excel (.xlsx) 文件：请先解压 / a ZIP archive, not a .docx or .xlsx file: unpack it first',
} as const;

export function readDocument(bytes: Uint8Array, file: string): ReadDocument {
  if (bytes.length === 0) throw new ReportParseError(file, '文件为空 / the file is empty');
  const extension = extensionOf(file);
  if (extension === 'mht' || extension === 'mhtml') throw new ReportParseError(file, REFUSALS.mht);
  const kind = sniffFile(bytes, file);
  switch (kind) {
    case 'docx':
      return { grid: readDocx(bytes, file), text: null, layout: null, repairs: [] };
    case 'xlsx':
      return { grid: readXlsx(bytes, file), text: null, layout: null, repairs: [] };
    case 'html':
      return { grid: readHtml(bytes, file), text: null, layout: null, repairs: [] };
    case 'ole': {
      throw new ReportParseError(file, extension === 'doc' || extension === 'wps' ? REFUSALS.doc : extension === 'xls' || extension === 'et' ? REFUSALS.xls : REFUSALS.ole);
    }
    case 'pdf':
    case 'rtf':
    case 'zip':
      throw new ReportParseError(file, REFUSALS[kind]);
    default: {
      const { text, encoding, repairs } = decodeReport(bytes, file);
      const grid = readText(text, encoding);
      return { grid, text, layout: grid.layout, repairs };
    }
  }
}
