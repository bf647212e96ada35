/**
 * Header words by meaning, from the dictionary kept as data in headers.json. A wording is
 * matched whole after `headerKey` normalization, never by a pattern over free text: a header
 * the dictionary does not know is reported as unknown, and the table is refused naming it.
 */
import headers from './headers.json';

export type FieldMeaning = 'project_name' | 'department' | 'upper_department' | 'implementer';
export type BlockMeaning = 'budget' | 'goals' | 'indicators' | 'total';
export type BudgetColumn = 'budget_initial' | 'budget_adjusted' | 'executed' | 'weight' | 'rate' | 'score' | 'reason';
export type FundingRow = 'total' | 'appropriation' | 'carryover' | 'other';
export type GoalColumn = 'target' | 'actual';
export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'nature' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'deviation';
export type NotProjectReport = 'department' | 'declaration' | 'scoring';

/** The parenthesized suffixes a header may carry: column letters and formulas, units, points. */
const SUFFIX = /\((?:[A-Za-z](?:[/+\-×*÷][A-Za-z])*|万元|元|%|分|\d{1,3}分|\d{1,3}%)\)$/;
const POINTS = /\((\d{1,3})分\)$/;
const LEADING_OF_WHICH = /^其中:?/;

/** No header wording, with its suffixes, is longer than this: longer cells are settled without normalizing them. */
const LONGEST_HEADER = 32;

export interface HeaderKey {
  key: string;
  /** Points printed in the label (`绩效指标（90分）` → 90), or null. */
  points: number | null;
}

/**
 * The form a header is looked up in: the cell's compact text (no white space) with full-width
 * brackets and colons made ASCII, a leading `其中:` and trailing `:` dropped, and up to three
 * trailing suffixes such as `(A)`, `(B/A)`, `(万元)`, `(%)`, `(10分)` taken off.
 */
export function headerKey(compact: string): HeaderKey {
  // Most cells have nothing to normalize: settle them without a regular expression.
  if (!NEEDS_NORMALIZING.test(compact)) return { key: compact, points: null };
  const known = memo.get(compact);
  if (known) return known;
  const found = normalize(compact);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(compact, found);
  return found;
}

const NEEDS_NORMALIZING = /[()（）：:【】其]/;
const MEMO_SIZE = 4096;
const memo = new Map<string, HeaderKey>();

function normalize(compact: string): HeaderKey {
  let key = compact.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/【/g, '[').replace(/】/g, ']');
  key = key.replace(LEADING_OF_WHICH, '').replace(/:$/, '');
  let points: number | null = null;
  for (let i = 0; i < 3; i++) {
    const match = SUFFIX.exec(key);
    if (!match) break;
    const pointsMatch = POINTS.exec(match[0]);
    if (pointsMatch && points == null) points = Number(pointsMatch[1]);
    key = key.slice(0, match.index);
  }
  return { key, points };
}

function index<K extends string>(groups: Record<K, string[]>, name: string): Map<string, K> {
  const map = new Map<string, K>();
  for (const [meaning, wordings] of Object.entries(groups) as [K, string[]][]) {
    for (const wording of wordings) {
      if (wording.length > LONGEST_HEADER) throw new Error(`headers.json: “${wording}” is longer than ${LONGEST_HEADER} characters`);
      const { key } = headerKey(wording);
      const had = map.get(key);
      if (had && had !== meaning) throw new Error(`headers.json: “${wording}” means both ${had} and ${meaning} in ${name}`);
      map.set(key, meaning);
    }
  }
  return map;
}

const FIELDS = index<FieldMeaning>(headers.fields as Record<FieldMeaning, string[]>, 'fields');
const BLOCKS = index<BlockMeaning>(headers.blocks as Record<BlockMeaning, string[]>, 'blocks');
const BUDGET_COLUMNS = index<BudgetColumn>(headers.budgetColumns as Record<BudgetColumn, string[]>, 'budgetColumns');
const FUNDING_ROWS = index<FundingRow>(headers.fundingRows as Record<FundingRow, string[]>, 'fundingRows');
const GOAL_COLUMNS = index<GoalColumn>(headers.goalColumns as Record<GoalColumn, string[]>, 'goalColumns');
const INDICATOR_COLUMNS = index<IndicatorColumn>(headers.indicatorColumns as Record<IndicatorColumn, string[]>, 'indicatorColumns');
const NOT_PROJECT = index<NotProjectReport>(headers.notProjectReports as Record<NotProjectReport, string[]>, 'notProjectReports');
const BUDGET_LABEL_AREA = new Set(headers.budgetLabelArea.map((w) => headerKey(w).key));
const INDICATOR_LABEL_AREA = new Set(headers.indicatorLabelArea.map((w) => headerKey(w).key));

const TRAILERS = new Set(headers.trailers.map((w) => headerKey(w).key));
const SECTIONS = new Set(headers.sections.map((w) => headerKey(w).key));

/** The lookup key of a cell's text, without building a HeaderKey for the many cells that need no normalizing. */
const keyOf = (compact: string): string => (NEEDS_NORMALIZING.test(compact) ? headerKey(compact).key : compact);

const lookup = <K>(map: Map<string, K>, compact: string): K | null =>
  compact.length > LONGEST_HEADER || compact === '' ? null : map.get(keyOf(compact)) ?? null;

/** Bit positions of the column meanings, for sets of them kept as numbers. */
export const BUDGET_BIT: Record<BudgetColumn, number> = { budget_initial: 0, budget_adjusted: 1, executed: 2, weight: 3, rate: 4, score: 5, reason: 6 };
export const INDICATOR_BIT: Record<IndicatorColumn, number> = {
  level1: 0, level2: 1, level3: 2, nature: 3, target: 4, unit: 5, actual: 6, weight: 7, score: 8, deviation: 9,
};

export const DICTIONARY = {
  /** What a header cell means in a budget header and in an indicator header, with one normalization. */
  columnMeanings: (compact: string): { budget: BudgetColumn | undefined; indicator: IndicatorColumn | undefined } | null => {
    if (compact.length > LONGEST_HEADER || compact === '') return null;
    const key = keyOf(compact);
    const budget = BUDGET_COLUMNS.get(key);
    const indicator = INDICATOR_COLUMNS.get(key);
    return budget || indicator ? { budget, indicator } : null;
  },
  field: (compact: string) => lookup(FIELDS, compact),
  /** A block label; `预算执行情况（10分）` is the budget block with 10 points. */
  block: (compact: string): { meaning: BlockMeaning; points: number | null } | null => {
    if (compact.length > LONGEST_HEADER || compact === '') return null;
    if (!NEEDS_NORMALIZING.test(compact)) {
      const plain = BLOCKS.get(compact);
      return plain ? { meaning: plain, points: null } : null;
    }
    const { key, points } = headerKey(compact);
    const meaning = BLOCKS.get(key);
    return meaning ? { meaning, points } : null;
  },
  budgetColumn: (compact: string) => lookup(BUDGET_COLUMNS, compact),
  fundingRow: (compact: string) => lookup(FUNDING_ROWS, compact),
  goalColumn: (compact: string) => lookup(GOAL_COLUMNS, compact),
  indicatorColumn: (compact: string) => lookup(INDICATOR_COLUMNS, compact),
  notProjectReport: (compact: string) => lookup(NOT_PROJECT, compact),
  /** A row after the table proper (评价结论, 项目负责人：…): it ends the indicator rows. Matched as a prefix. */
  isTrailer: (compact: string) => {
    const key = keyOf(compact.length > LONGEST_HEADER ? compact.slice(0, LONGEST_HEADER) : compact);
    const colon = key.indexOf(':');
    return TRAILERS.has(colon < 0 ? key : key.slice(0, colon));
  },
  /** A row of the form that is neither a header field nor a block (资金管理情况, 项目类别…): it ends the block before it. */
  isSection: (compact: string) => compact.length <= LONGEST_HEADER && SECTIONS.has(keyOf(compact)),
  /** Words that may stand over the budget block's row labels (or nothing). */
  isBudgetLabelArea: (compact: string) => compact.length <= LONGEST_HEADER && BUDGET_LABEL_AREA.has(keyOf(compact)),
  isIndicatorLabelArea: (compact: string) => compact.length <= LONGEST_HEADER && INDICATOR_LABEL_AREA.has(keyOf(compact)),
};

/** The name a refusal message gives a column: the dictionary's first wording. */
export const COLUMN_NAMES = {
  budget: Object.fromEntries(Object.entries(headers.budgetColumns).map(([k, v]) => [k, v[0]])) as Record<BudgetColumn, string>,
  indicator: Object.fromEntries(Object.entries(headers.indicatorColumns).map(([k, v]) => [k, v[0]])) as Record<IndicatorColumn, string>,
  funding: Object.fromEntries(Object.entries(headers.fundingRows).map(([k, v]) => [k, v[0]])) as Record<FundingRow, string>,
};

/** Every wording of the dictionary with its context and meaning (for tests and docs). */
export function allWordings(): { context: string; meaning: string; wording: string }[] {
  const out: { context: string; meaning: string; wording: string }[] = [];
  for (const [context, groups] of Object.entries(headers)) {
    if (context === 'about') continue;
    if (Array.isArray(groups)) for (const wording of groups) out.push({ context, meaning: context, wording });
    else for (const [meaning, wordings] of Object.entries(groups as Record<string, string[]>)) for (const wording of wordings) out.push({ context, meaning, wording });
  }
  return out;
}
