/**
 * Flattened Word tables: the text's lines cut into cell tokens.
 *
 * In the seeds' layout every cell starts with a TAB at the start of a line; a line
 * without a leading TAB continues the previous cell; blank lines end rows but also
 * occur inside cells. This stage keeps all of that as tokens (cells with their raw
 * text and line, and blank-line markers); deciding where rows end is the text reader's
 * job, because only the column count tells it reliably.
 */

export interface CellToken {
  kind: 'cell';
  /** Raw text, continuation lines joined with `\n`; padding kept. */
  raw: string;
  /** 1-based line of the source file where the cell starts. */
  line: number;
  /** True when the cell starts after other text on its line: two rows fused on one line. */
  fused: boolean;
}

export interface BlankToken {
  kind: 'blank';
  line: number;
}

export type TableToken = CellToken | BlankToken;

/** The tokens of the lines from `first` (the first line that starts with a TAB) to the end. */
export function splitTabCells(lines: string[], first: number): TableToken[] {
  const tokens: TableToken[] = [];
  let current: CellToken | null = null;
  for (let i = Math.max(first, 0); i < lines.length; i++) {
    const lineNo = i + 1;
    const text = lines[i];
    let tab = text.indexOf('\t');
    if (tab < 0) {
      if (text.trim() === '' && text.indexOf('\u3000') < 0) tokens.push({ kind: 'blank', line: lineNo });
      else if (current) current.raw += '\n' + text;
      continue;
    }
    const lead = text.slice(0, tab);
    // Text before the first TAB belongs to the cell already open. When that text is
    // only padding (a space before the TAB), the TAB begins a row fused onto this line.
    if (lead !== '' && current) current.raw += '\n' + lead;
    const fused: boolean = lead !== '' && lead.trim() === '' && current != null;
    // The pieces between TABs, cut with indexOf: String#split costs more per line than this loop.
    let firstPiece = true;
    while (tab >= 0) {
      const next = text.indexOf('\t', tab + 1);
      const raw = next < 0 ? text.slice(tab + 1) : text.slice(tab + 1, next);
      current = { kind: 'cell', raw, line: lineNo, fused: firstPiece && fused };
      tokens.push(current);
      firstPiece = false;
      tab = next;
    }
  }
  return tokens;
}
