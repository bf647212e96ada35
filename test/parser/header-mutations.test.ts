/**
 * The failure this parser must never repeat: one header word changed, and every figure of the
 * report shifted into the wrong column. For every fixture, every header word is changed to a
 * wording the dictionary does not know, or blanked, and every merged cell is dropped (a cell
 * merged down loses a row: in HTML and Word the cells after it move left; in text a blank
 * continuation cell goes missing). The result must be the same tables or a refusal: a figure may
 * go missing (null), but never become another figure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitTabCells } from '../../src/parser/cells.ts';
import { compactLabel } from '../../src/parser/grid.ts';
import { DICTIONARY, allWordings, headerKey } from '../../src/parser/layout/dictionary.ts';
import { toDocx, toHtml, toPipe, toTabText, toXlsx } from './fixtures/formats.ts';
import { LAYOUTS } from './fixtures/layouts.ts';
import { departures, outcome } from './fixtures/mutate.ts';
import { isTable, placeTable, type LayoutSpec, type SpecCell, type SpecTable } from './fixtures/spec.ts';

const UNKNOWN = '某某栏目';
const KNOWN_KEYS = new Set(allWordings().map((w) => headerKey(compactLabel(w.wording)).key).filter((k) => k !== ''));

/** A cell the dictionary reads as a header, a label or a block's name. */
function isHeaderWord(text: string): boolean {
  const compact = compactLabel(text.replace(/\n/g, ''));
  if (compact === '') return false;
  return KNOWN_KEYS.has(headerKey(compact).key) || DICTIONARY.block(compact) != null;
}

// ── spec fixtures: every format ────────────────────────────────────────────────────────────────

function renderings(spec: LayoutSpec): [string, (s: LayoutSpec) => Uint8Array][] {
  const out: [string, (s: LayoutSpec) => Uint8Array][] = [['docx', toDocx], ['html', (s) => toHtml(s)], ['xlsx', (s) => toXlsx(s)]];
  if (spec.textFaithful === 'both') out.push(['txt', toTabText]);
  if (spec.textFaithful !== 'none') out.push(['pipe.txt', (s) => toPipe(s)], ['dropped.txt', (s) => toPipe(s, { dropContinued: true })]);
  return out;
}

const cellText = (cell: SpecCell) => (typeof cell === 'string' ? cell : cell.t);
const withText = (cell: SpecCell, t: string): SpecCell => (typeof cell === 'string' ? t : { ...cell, t });

/** The spec with one cell of one table changed. */
function mutateCell(spec: LayoutSpec, block: number, row: number, col: number, change: (cell: SpecCell) => SpecCell): LayoutSpec {
  const blocks = spec.blocks.map((b, i) => {
    if (i !== block || !isTable(b)) return b;
    const table: SpecTable = { rows: b.rows.map((r, ri) => (ri === row ? r.map((c, ci) => (ci === col ? change(c) : c)) : r)) };
    return table;
  });
  return { ...spec, blocks };
}

/**
 * `shorter` with a blank cell in the row `row` where the merged cell (the `col`-th cell of the row
 * `from` of the original table) used to reach: its place kept, as a sheet keeps it.
 */
function blankInPlace(original: LayoutSpec, shorter: LayoutSpec, block: number, row: number, from: number, col: number): LayoutSpec {
  const table = original.blocks[block] as SpecTable;
  const { slots } = placeTable(table);
  const starts = (r: number) => slots[r].map((cell, c) => (cell && cell.row === r && (c === 0 || slots[r][c - 1] !== cell) ? c : -1)).filter((c) => c >= 0);
  const column = starts(from)[col];
  const before = starts(row).filter((c) => c < column).length;
  const rows = (shorter.blocks[block] as SpecTable).rows.map((cells, k) => (k === row ? [...cells.slice(0, before), '', ...cells.slice(before)] : cells));
  return { ...shorter, blocks: shorter.blocks.map((b, k) => (k === block ? { rows } : b)) };
}

interface Mutation {
  what: string;
  spec: LayoutSpec;
}

function mutations(spec: LayoutSpec): Mutation[] {
  const out: Mutation[] = [];
  spec.blocks.forEach((block, b) => {
    if (!isTable(block)) return;
    block.rows.forEach((row, r) => row.forEach((cell, c) => {
      const text = cellText(cell);
      if (isHeaderWord(text)) {
        out.push({ what: `“${text}” → “${UNKNOWN}”`, spec: mutateCell(spec, b, r, c, (x) => withText(x, UNKNOWN)) });
        out.push({ what: `“${text}” blanked`, spec: mutateCell(spec, b, r, c, (x) => withText(x, '')) });
      }
      if (typeof cell !== 'string' && (cell.rs ?? 1) > 1) {
        const shorter = mutateCell(spec, b, r, c, (x) => ({ ...(x as object as { t: string }), rs: (cell.rs ?? 1) - 1 }));
        // Left out of the row it no longer covers (the cells after it move left, as in a page or a Word row)…
        out.push({ what: `“${text}” merged over one row fewer, its place left out`, spec: shorter });
        // …or left as a blank cell in its place (as a sheet's merged range shrinks).
        out.push({ what: `“${text}” merged over one row fewer, its place blank`, spec: blankInPlace(spec, shorter, b, r + (cell.rs ?? 1) - 1, r, c) });
      }
    }));
  });
  return out;
}

describe('a header word changed or blanked, or a merged cell dropped: the same tables or a refusal', () => {
  it.each(LAYOUTS.map((l) => [l.name, l] as const))('%s', (_name, spec) => {
    const problems: string[] = [];
    let tried = 0;
    for (const [format, render] of renderings(spec)) {
      const name = `${spec.name}.${format}`;
      const original = outcome(render(spec), name);
      for (const mutation of mutations(spec)) {
        // A sheet's cells have fixed addresses: no cell of it can move left.
        if (format === 'xlsx' && mutation.what.endsWith('its place left out')) continue;
        tried++;
        for (const d of departures(original, outcome(render(mutation.spec), name))) problems.push(`${format}, ${mutation.what}: ${d}`);
      }
    }
    expect(tried).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

// ── text files: the seeds and the text fixtures ─────────────────────────────────────────────

const root = path.resolve(import.meta.dirname, '../..');
const textFiles = [
  ...readdirSync(path.join(root, 'data/raw')).map((n) => path.join(root, 'data/raw', n)),
  ...['clean-report.txt', 'merged-weight-cells.txt', 'fused-rows.txt', 'budget-points-twice.txt', 'blank-total-row-sources.txt', 'pipe-layout.txt'].map((n) => path.join(root, 'test/parser/input', n)),
];

/** The text's TAB cells as [first line, last line) spans, with their text. */
function tabCells(lines: string[]): { from: number; to: number; raw: string }[] {
  const first = lines.findIndex((l) => /^[ \u3000]*\t/.test(l));
  const tokens = splitTabCells(lines, first).filter((t) => t.kind === 'cell');
  return tokens.map((t, i) => {
    const next = tokens[i + 1];
    let to = next ? next.line - 1 : lines.length;
    if (next && next.line === t.line) to = t.line; // several cells on one line: only whole-line cells are changed
    return { from: t.line - 1, to, raw: t.raw };
  }).filter((c) => c.to > c.from && /^[ \u3000]*\t/.test(lines[c.from]) && lines[c.from].split('\t').length === 2);
}

describe('the same in the text files', () => {
  it.each(textFiles.map((f) => [path.basename(f), f] as const))('%s', (name, file) => {
    const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    const lines = text.split('\n');
    const encode = (l: string[]) => new TextEncoder().encode(l.join('\n'));
    const original = outcome(encode(lines), name);
    const problems: string[] = [];
    let tried = 0;
    const check = (what: string, mutated: string[]) => {
      tried++;
      for (const d of departures(original, outcome(encode(mutated), name))) problems.push(`${what}: ${d}`);
    };
    if (name.includes('pipe')) {
      lines.forEach((line, i) => {
        const cells = line.split('|');
        cells.forEach((cell, c) => {
          if (!isHeaderWord(cell)) return;
          check(`line ${i + 1} “${cell.trim()}” → unknown`, lines.map((l, k) => (k === i ? cells.map((x, j) => (j === c ? ` ${UNKNOWN} ` : x)).join('|') : l)));
          check(`line ${i + 1} “${cell.trim()}” blanked`, lines.map((l, k) => (k === i ? cells.map((x, j) => (j === c ? ' ' : x)).join('|') : l)));
        });
      });
    } else {
      for (const cell of tabCells(lines)) {
        const replace = (content: string[]) => [...lines.slice(0, cell.from), ...content, ...lines.slice(cell.to)];
        if (isHeaderWord(cell.raw)) {
          check(`line ${cell.from + 1} “${cell.raw.replace(/\n/g, '')}” → unknown`, replace([`\t${UNKNOWN}`]));
          check(`line ${cell.from + 1} “${cell.raw.replace(/\n/g, '')}” blanked`, replace(['\t']));
        } else if (cell.raw.trim() === '') {
          check(`line ${cell.from + 1}: a blank (merged) cell dropped`, replace([]));
        }
      }
    }
    expect(tried).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
