/**
 * Stage 2: split the text of a flattened Word table into cells.
 *
 * In the seeds' layout every cell starts with a TAB at the start of a line; a line
 * without a leading TAB continues the previous cell; blank lines end rows but also
 * occur inside cells. This stage keeps all of that as tokens (cells with their raw
 * text and line, and blank-line markers); deciding where rows end is the table
 * reader's job, because only the column count tells it reliably.
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

export interface SplitText {
  /** Lines before the first cell: title and narrative. */
  preamble: { text: string; line: number }[];
  tokens: TableToken[];
  layout: 'tab' | 'pipe' | 'none';
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;

/**
 * `/^[ \u3000]*\t/` written as a loop: it runs on every line of the file, and most lines
 * are settled by their first character.
 */
function isTabCellLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9) return true;
    if (c !== 0x20 && c !== 0x3000) return false;
  }
  return false;
}

/** A `| a | b |` row; the indexOf rules out most lines before the regex runs. */
const isPipeRow = (line: string): boolean => line.indexOf('|') >= 0 && PIPE_ROW.test(line);

/**
 * Chooses the layout from how many lines look like TAB cells or `| a | b |` rows, in one
 * pass that also notes the first TAB cell line (where the table starts).
 */
function detectLayout(lines: string[]): { layout: SplitText['layout']; firstTabLine: number } {
  let tabLines = 0;
  let pipeLines = 0;
  let firstTabLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isTabCellLine(line)) {
      tabLines++;
      if (firstTabLine < 0) firstTabLine = i;
    }
    if (isPipeRow(line)) pipeLines++;
  }
  let layout: SplitText['layout'] = 'none';
  if (tabLines >= 20 && tabLines >= pipeLines) layout = 'tab';
  else if (pipeLines >= 5) layout = 'pipe';
  return { layout, firstTabLine };
}

export function splitCells(text: string): SplitText {
  const lines = text.split('\n');
  const { layout, firstTabLine } = detectLayout(lines);
  if (layout === 'pipe') return splitPipe(lines);
  if (layout === 'none') {
    return { preamble: lines.map((t, i) => ({ text: t, line: i + 1 })), tokens: [], layout };
  }
  return splitTab(lines, firstTabLine);
}

function splitTab(lines: string[], first: number): SplitText {
  const preamble: SplitText['preamble'] = [];
  const tokens: TableToken[] = [];
  let current: CellToken | null = null;
  for (let i = 0; i < first; i++) preamble.push({ text: lines[i], line: i + 1 });
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
  return { preamble, tokens, layout: 'tab' };
}

/** `| a | b |` rows, one table row per line (Markdown-like exports). */
function splitPipe(lines: string[]): SplitText {
  const preamble: SplitText['preamble'] = [];
  const tokens: TableToken[] = [];
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (!isPipeRow(text)) {
      if (!started) preamble.push({ text, line: i + 1 });
      continue;
    }
    // A separator row such as |---|:--:| carries no cells.
    if (/^[\s|:\-]+$/.test(text)) continue;
    started = true;
    const inner = text.trim().slice(1, -1);
    for (const raw of inner.split('|')) tokens.push({ kind: 'cell', raw, line: i + 1, fused: false });
    tokens.push({ kind: 'blank', line: i + 1 });
  }
  return { preamble, tokens, layout: 'pipe' };
}
