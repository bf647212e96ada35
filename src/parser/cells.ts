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
const TAB_CELL_LINE = /^[ \u3000]*\t/;

function countMatches(lines: string[], test: (line: string) => boolean): number {
  let n = 0;
  for (const line of lines) if (test(line)) n++;
  return n;
}

/** Chooses the layout from how many lines look like TAB cells or `| a | b |` rows. */
function detectLayout(lines: string[]): SplitText['layout'] {
  const tabLines = countMatches(lines, (l) => TAB_CELL_LINE.test(l));
  const pipeLines = countMatches(lines, (l) => PIPE_ROW.test(l));
  if (tabLines >= 20 && tabLines >= pipeLines) return 'tab';
  if (pipeLines >= 5) return 'pipe';
  return 'none';
}

export function splitCells(text: string): SplitText {
  const lines = text.split('\n');
  const layout = detectLayout(lines);
  if (layout === 'pipe') return splitPipe(lines);
  if (layout === 'none') {
    return { preamble: lines.map((t, i) => ({ text: t, line: i + 1 })), tokens: [], layout };
  }
  return splitTab(lines);
}

function splitTab(lines: string[]): SplitText {
  const preamble: SplitText['preamble'] = [];
  const tokens: TableToken[] = [];
  let current: CellToken | null = null;
  const first = lines.findIndex((l) => TAB_CELL_LINE.test(l));
  for (let i = 0; i < first; i++) preamble.push({ text: lines[i], line: i + 1 });
  for (let i = Math.max(first, 0); i < lines.length; i++) {
    const lineNo = i + 1;
    const text = lines[i];
    const tab = text.indexOf('\t');
    if (tab < 0) {
      if (text.trim() === '' && text.indexOf('\u3000') < 0) tokens.push({ kind: 'blank', line: lineNo });
      else if (current) current.raw += '\n' + text;
      continue;
    }
    const pieces = text.split('\t');
    const lead = pieces[0];
    // Text before the first TAB belongs to the cell already open. When that text is
    // only padding (a space before the TAB), the TAB begins a row fused onto this line.
    if (lead !== '' && current) current.raw += '\n' + lead;
    const fused: boolean = lead !== '' && lead.trim() === '' && current != null;
    for (let p = 1; p < pieces.length; p++) {
      current = { kind: 'cell', raw: pieces[p], line: lineNo, fused: p === 1 && fused };
      tokens.push(current);
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
    if (!PIPE_ROW.test(text)) {
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
