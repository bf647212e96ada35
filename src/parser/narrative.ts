/**
 * The narrative against the table: a report whose prose states other figures than its own
 * table (scores per category, money figures of an indicator) gets a NARRATIVE_MISMATCH.
 */
import type { FindingSink } from './findings.ts';
import { convertUnit, scanNumbers } from './numbers.ts';
import type { IndicatorRow } from './types.ts';

type Line = { text: string; line: number };

const SCORE_TOLERANCE = 0.001;
const NARRATIVE_SCORE = /(综合得分|总得分|自评得分|预算执行率?得分|产出指标类?得分|效益指标类?得分|满意度指标类?得分)为?(\d{1,3}(?:\.\d{1,2})?)分/g;
const MONEY_UNITS = new Set(['亿元', '万元', '亿', '万']);
/** Two-character pieces of indicator names too common to tie a sentence to an indicator. */
const GENERIC = new Set(['指标', '完成', '项目', '发展', '建设', '工作', '情况', '资金', '企业', '产业', '提升', '年度']);
/** Sentences end at these; a figure and its subject are within one sentence. */
const SENTENCE = /[^。；;！!？?\n]+/g;

export interface NarrativeTable {
  total: number | null;
  budget: number | null;
  categories: Map<string, { score: number }>;
  indicators: IndicatorRow[];
}

export function checkNarrative(preamble: Line[], table: NarrativeTable, findings: FindingSink): void {
  checkScores(preamble, table, findings);
  checkMoneyFigures(preamble, table.indicators, findings);
}

/** Scores the narrative states (`产出指标类得分为49分`) against the table's own sums. */
function checkScores(preamble: Line[], table: NarrativeTable, findings: FindingSink): void {
  for (const { text, line } of preamble) {
    if (text.indexOf('得分') < 0) continue; // every score phrase has 得分: skip the regex on other lines
    for (const match of text.matchAll(NARRATIVE_SCORE)) {
      const [, what, value] = match;
      const stated = Number(value);
      const actual = /综合|总|自评/.test(what)
        ? table.total
        : /预算/.test(what)
          ? table.budget
          : (table.categories.get(what.slice(0, what.indexOf('指标') + 2))?.score ?? null);
      if (actual == null || Math.abs(actual - stated) <= SCORE_TOLERANCE) continue;
      findings.add('NARRATIVE_MISMATCH', 'warning', 'narrative', String(actual), String(stated), { variant: 'score', what, stated, actual }, line);
    }
  }
}

const bigrams = (text: string): string[] => {
  const pieces: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const piece = text.slice(i, i + 2);
    if (/^[\u4e00-\u9fff]{2}$/.test(piece) && !GENERIC.has(piece)) pieces.push(piece);
  }
  return pieces;
};

/**
 * A money figure the table reports as achieved (`7000亿元` for `“3+3+2”产业总规模`, target
 * `6000亿元`) while the narrative, in a sentence about the same thing, reports the target figure
 * instead (`产业链群规模突破6000亿元`). Narrow on purpose: the narrative names many figures of
 * other kinds, and only the target's figure is surely about this indicator.
 */
function checkMoneyFigures(preamble: Line[], indicators: IndicatorRow[], findings: FindingSink): void {
  for (const indicator of indicators) {
    const { actual_value: actual, actual_unit: unit } = indicator;
    if (actual == null || actual === 0 || !unit || !MONEY_UNITS.has(unit)) continue;
    const keys = bigrams(indicator.level3);
    if (keys.length === 0) continue;
    const target = indicator.target_value;
    if (target == null || Math.abs(target - actual) <= Math.abs(actual) * 0.01) continue;
    const hit = findTargetAsAchieved(preamble, keys, target, unit);
    if (!hit) continue;
    const quoted = hit.sentence.trim().slice(0, 40);
    findings.add('NARRATIVE_MISMATCH', 'warning', 'narrative', indicator.actual_text, hit.stated,
      { variant: 'money', quoted, name: indicator.level3, actual: indicator.actual_text }, hit.line);
  }
}

function findTargetAsAchieved(preamble: Line[], keys: string[], target: number, unit: string) {
  for (const { text, line } of preamble) {
    if (!keys.some((k) => text.includes(k))) continue; // then no sentence of the line has one
    for (const [sentence] of text.matchAll(SENTENCE)) {
      if (!keys.some((k) => sentence.includes(k))) continue;
      for (const token of scanNumbers(sentence)) {
        const value = token.unit ? convertUnit(token.value, token.unit, unit) : null;
        if (value != null && value === target) return { sentence, line, stated: `${token.value}${token.unit}` };
      }
    }
  }
  return null;
}
