/**
 * A generated report's indicator rows: 8–20 across the template's 一级 and 二级 categories, the
 * 一级 points split over them, targets and actuals in the forms real reports print, self-scores
 * that follow the outcome (with some inflated: full points for a target missed), and now and then
 * one merged 分值/得分 group.
 */
import type { Random } from './random.ts';
import { DEDUCTION_REASONS, INDICATORS, LEVELS, type IndicatorForm } from './vocabulary.ts';

export interface IndicatorLine {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  /** null on the rows a merged group's first row speaks for. */
  weight: number | null;
  score: number | null;
  deviation: string;
}

export interface IndicatorBlock {
  /** 一级 → its points as the label prints them (`产出指标（50分）`). */
  printedPoints: Map<string, number>;
  lines: IndicatorLine[];
}

/** Two decimals at most, no trailing zeros: `12.5`, `3`, `0.25`. */
export const figure = (value: number) => String(Number(value.toFixed(2)));
const halfPoints = (value: number) => Math.round(value * 2) / 2;

type Outcome = 'met' | 'short' | 'missed' | 'noActual' | 'noTarget';

/** `points` split over `count` rows in whole points, each at least 1, unevenly as real tables do. */
function splitPoints(random: Random, points: number, count: number): number[] {
  const shares = Array.from({ length: count }, () => 0.6 + random.next() * 0.8);
  const total = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => 1 + (s / total) * (points - count));
  const weights = raw.map(Math.floor);
  let left = points - weights.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i): [number, number] => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) weights[i]++;
  return weights;
}

/** How many rows each 二级 of a 一级 gets: the first `always` once each, the rest spread. */
function perLevel2(random: Random, level2: readonly string[], rows: number, always: number): number[] {
  const counts = level2.map((_, i): number => (i < Math.min(always, rows) ? 1 : 0));
  for (let left = rows - counts.reduce((a, b) => a + b, 0); left > 0; left--) counts[random.int(0, level2.length - 1)]++;
  return counts;
}

function targetAndActual(random: Random, form: IndicatorForm, outcome: Outcome, year: number, budget: number): { target: string; actual: string; achievement: number } {
  const met = outcome === 'met' || outcome === 'noActual' || outcome === 'noTarget';
  const shortBy = outcome === 'short' ? 0.8 + random.next() * 0.19 : 0.3 + random.next() * 0.5;
  switch (form.kind) {
    case 'count': {
      const target = random.int(form.min, form.max);
      const actual = met ? target + random.int(0, Math.ceil(target * 0.15)) : Math.max(0, Math.round(target * shortBy));
      const op = random.weighted([['≥', 5], ['', 4], ['不少于', 1]] as const);
      return { target: `${op}${target}${form.unit}`, actual: `${actual}${form.unit}`, achievement: Math.min(1, actual / target) };
    }
    case 'percent': {
      const target = random.pick(form.targets);
      const actual = met ? (target === 100 ? 100 : Number((target + random.next() * (100 - target)).toFixed(1))) : Number((target * shortBy).toFixed(1));
      const op = target === 100 ? '' : random.weighted([['≥', 6], ['', 2], ['不低于', 1]] as const);
      return { target: `${op}${target}%`, actual: `${actual}%`, achievement: Math.min(1, actual / target) };
    }
    case 'cost': {
      const cap = Number((budget * (0.5 + random.next() * 0.5)).toFixed(2));
      const actual = Number((met ? cap * (0.85 + random.next() * 0.15) : cap * (1 + (1 - shortBy) / 2)).toFixed(2));
      return { target: `≤${figure(cap)}万元`, actual: `${figure(actual)}万元`, achievement: Math.min(1, cap / actual) };
    }
    case 'deadline':
      return met
        ? { target: `${year}年12月底前`, actual: `${year}年${random.int(6, 12)}月完成`, achievement: 1 }
        : { target: `${year}年12月底前`, actual: `${year + 1}年${random.int(2, 6)}月完成`, achievement: shortBy };
    case 'relative':
      return { target: '≥全省平均水平', actual: `${(2 + random.next() * 10).toFixed(1)}%`, achievement: 1 };
    case 'words':
      return met
        ? { target: random.pick(form.target), actual: random.pick(form.actual), achievement: 1 }
        : { target: random.pick(form.target), actual: random.pick(form.partly), achievement: 0.8 };
  }
}

export function indicatorBlock(random: Random, year: number, budget: number, points: Record<string, number>): IndicatorBlock {
  const total = random.int(8, 20);
  const satisfaction = total >= 12 ? random.int(1, 2) : 1;
  const output = Math.max(4, Math.round((total - satisfaction) * (0.5 + random.next() * 0.15)));
  const rowsOf = [output, total - satisfaction - output, satisfaction];
  const printedPoints = new Map<string, number>();
  const lines: IndicatorLine[] = [];
  // One report in seven merges the points of a few rows of one 二级 into one cell.
  let mergeWanted = random.chance(1 / 7);
  LEVELS.forEach(({ level1, level2 }, l) => {
    const counts = perLevel2(random, level2, rowsOf[l], l === 0 ? 4 : 2);
    const weights = splitPoints(random, points[level1], rowsOf[l]);
    // A label that prints other points than its rows add up to: the template's, not the table's.
    printedPoints.set(level1, random.chance(0.02) ? points[level1] + random.pick([-10, -5, 5, 10]) : points[level1]);
    let w = 0;
    level2.forEach((name2, k) => {
      const forms = [...INDICATORS[name2]];
      const merged = mergeWanted && counts[k] >= 2 && counts[k] <= 4;
      if (merged) mergeWanted = false;
      const groupStart = lines.length;
      for (let n = 0; n < counts[k]; n++) {
        const form = forms.length > 0 ? forms.splice(random.int(0, forms.length - 1), 1)[0] : random.pick(INDICATORS[name2]);
        const outcome = random.weighted([['met', 82], ['short', 9], ['missed', 4], ['noActual', 3], ['noTarget', 2]] as const);
        const { target, actual, achievement } = targetAndActual(random, form, outcome, year, budget);
        const weight = weights[w++];
        const inflated = random.chance(0.2);
        const score = achievement >= 1 || inflated ? weight : Math.max(0, halfPoints(weight * achievement));
        const deducted = score < weight && random.chance(0.85);
        lines.push({
          level1, level2: name2, name: form.name,
          target: outcome === 'noTarget' ? '' : target,
          actual: outcome === 'noActual' ? '' : actual,
          weight, score, deviation: deducted ? random.pick(DEDUCTION_REASONS) : '',
        });
      }
      if (merged) {
        const group = lines.slice(groupStart);
        group[0].weight = group.reduce((sum, line) => sum + (line.weight ?? 0), 0);
        group[0].score = group.reduce((sum, line) => sum + (line.score ?? 0), 0);
        for (const line of group.slice(1)) line.weight = line.score = null;
      }
    });
  });
  return { printedPoints, lines };
}
