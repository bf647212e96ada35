import { rowCells, type GridDocument } from '../grid.ts';

/** All the text of a document, paragraphs and cells in order: where a city named in the body is counted. */
export function documentText(doc: GridDocument): string {
  const parts: string[] = [];
  let p = 0;
  for (let r = 0; r <= doc.rows.length; r++) {
    while (p < doc.paragraphs.length && doc.paragraphs[p].beforeRow <= r) parts.push(doc.paragraphs[p++].text);
    if (r < doc.rows.length) for (const cell of rowCells(doc.rows[r])) if (!doc.rows[r].continued[doc.rows[r].slots.indexOf(cell)]) parts.push(cell.text);
  }
  return parts.join('\n');
}

/**
 * The position each line number stands for: `L12` in text; elsewhere the first cell that starts
 * at that line (in Word every paragraph is its own line, so the cell is exact; a web page or a
 * sheet row may hold several cells on one line, and the first stands for the row).
 */
export function refsOfLines(doc: GridDocument): (line: number) => string | null {
  if (doc.format === 'text' || doc.format === 'pipe') return (line) => `L${line}`;
  let map: Map<number, string> | null = null;
  return (line) => {
    if (!map) {
      map = new Map();
      for (const row of doc.rows) for (const cell of row.slots) if (!map.has(cell.line)) map.set(cell.line, cell.ref);
      for (const p of doc.paragraphs) if (!map.has(p.line)) map.set(p.line, doc.format === 'docx' ? `¶${p.line}` : `L${p.line}`);
    }
    return map.get(line) ?? null;
  };
}
