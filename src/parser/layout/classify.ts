/**
 * What a row of a table is, from its header words alone (headers.json): a row of the header
 * fields, the budget block's header, the goals, the indicator table's header, the 总分 row,
 * or anything else. Readers use it to find the blocks of a text table (whose row boundaries
 * depend on them); the table reader uses it to find a report's parts in any grid.
 */
import type { Cell } from '../grid.ts';
import { BUDGET_BIT, DICTIONARY, INDICATOR_BIT } from './dictionary.ts';

export type RowKind = 'field' | 'budgetHeader' | 'goals' | 'indicatorHeader' | 'total' | 'title' | 'trailer' | 'section' | 'other';

const TABLE_TITLE = /自评表|评价表|绩效自评|评分表/;

function firstFilled(cells: Cell[]): Cell | null {
  for (const cell of cells) if (cell.compact !== '') return cell;
  return null;
}

const MONEY_BITS = (1 << BUDGET_BIT.budget_initial) | (1 << BUDGET_BIT.budget_adjusted) | (1 << BUDGET_BIT.executed);
const LEVEL_BITS = (1 << INDICATOR_BIT.level1) | (1 << INDICATOR_BIT.level2) | (1 << INDICATOR_BIT.level3);

const bitCount = (bits: number) => {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
};

/** The budget and indicator column meanings the row's cells name, as bit sets (one pass, one lookup a cell). */
function headerBits(cells: Cell[]): { budget: number; indicator: number } {
  let budget = 0;
  let indicator = 0;
  for (const cell of cells) {
    const meanings = DICTIONARY.columnMeanings(cell.compact);
    if (!meanings) continue;
    if (meanings.budget) budget |= 1 << BUDGET_BIT[meanings.budget];
    if (meanings.indicator) indicator |= 1 << INDICATOR_BIT[meanings.indicator];
  }
  return { budget, indicator };
}

/** A budget header has at least two money columns, or one and two more. */
const isBudgetBits = (bits: number) => {
  const money = bitCount(bits & MONEY_BITS);
  return money >= 2 || (money === 1 && bitCount(bits) >= 3);
};

/** An indicator header names 一级, 二级 or 三级指标, and at least three indicator columns. */
const isIndicatorBits = (bits: number) => (bits & LEVEL_BITS) !== 0 && bitCount(bits) >= 3;

export const isBudgetHeader = (cells: Cell[]) => isBudgetBits(headerBits(cells).budget);
export const isIndicatorHeader = (cells: Cell[]) => isIndicatorBits(headerBits(cells).indicator);

export function classifyRow(cells: Cell[]): RowKind {
  const first = firstFilled(cells);
  if (!first) return 'other';
  const bits = headerBits(cells);
  if (isIndicatorBits(bits.indicator)) return 'indicatorHeader';
  if (isBudgetBits(bits.budget)) return 'budgetHeader';
  const block = DICTIONARY.block(first.compact);
  if (block?.meaning === 'goals') return 'goals';
  if (block?.meaning === 'total') return 'total';
  if (DICTIONARY.field(first.compact)) return 'field';
  if (DICTIONARY.isTrailer(first.compact)) return 'trailer';
  if (DICTIONARY.isSection(first.compact)) return 'section';
  if (cells.filter((c) => c.compact !== '').length === 1 && TABLE_TITLE.test(first.compact)) return 'title';
  return 'other';
}

/**
 * A body row that reads like an indicator's: four cells with text or more, a figure among them
 * (分值 or 得分). Used to tell rows that cannot end the indicator table from those that may.
 */
export function looksLikeIndicatorRow(cells: Cell[]): boolean {
  let filled = 0;
  let figures = 0;
  for (const cell of cells) {
    if (cell.compact === '') continue;
    filled++;
    if (/^[0-9]{1,3}([.][0-9]{1,3})?分?$/.test(cell.compact)) figures++;
  }
  return filled >= 4 && figures >= 1;
}

/** A header's indicator words alone: the same header over another goal block (年度绩效目标2) or after a page break. */
export const indicatorHeaderWords = (cells: Cell[]): string =>
  cells.filter((c) => DICTIONARY.indicatorColumn(c.compact)).map((c) => c.compact).join('|');
