/**
 * The patterns of the cells inside the indicator rows: 一级/二级 category labels, declared
 * points, template residue. Patterns are tested against a cell's compact text (all white space
 * removed), anchored, and free of nested quantifiers so that no input can make them backtrack
 * badly. Header words are not patterns: they are kept as data in layout/headers.json.
 * (The grammar of targets and actuals lives in rules.ts.)
 */
import type { Level1 } from './types.ts';

const level2Canonical: [RegExp, string, Level1][] = [
  [/^数量(指标)?$/, '数量指标', '产出指标'],
  [/^质量(指标)?$/, '质量指标', '产出指标'],
  [/^时效(指标)?$/, '时效指标', '产出指标'],
  // The 2023 template splits 成本 into 经济成本指标 / 社会成本指标 / 生态环境成本指标 (level2_printed keeps which).
  [/^(经济|社会|生态环境|环境)?成本(指标)?$/, '成本指标', '产出指标'],
  [/^经济(效益)?(指标)?$/, '经济效益指标', '效益指标'],
  [/^社会(效益)?(指标)?$/, '社会效益指标', '效益指标'],
  [/^(生态|环境)(效益)?(指标)?$/, '生态效益指标', '效益指标'],
  [/^可持续(发展)?影响(指标)?$/, '可持续影响指标', '效益指标'],
  [/^(服务对象)?满意度(指标)?等?$/, '服务对象满意度指标', '满意度指标'],
];

export const LABELS = {
  level1Any: /^(产出|效益|满意度)(指标)?[(（]?\d*分?[)）]?$/,
  level2Any: /^(数量|质量|时效|(?:经济|社会|生态环境|环境)?成本|经济(效益)?|社会(效益)?|生态(效益)?|环境(效益)?|可持续(发展)?影响|(服务对象)?满意度)(指标)?等?$/,
  /** `（50分）` inside a 一级 cell: the points declared for the whole category. */
  declaredPoints: /[(（](\d{1,3})分[)）]/,
  /** A template's numbered placeholder row: `指标1`, `指标2`, `指标一`. */
  templateIndicator: /^指标[0-9一二三四五六七八九十]{1,2}[:：]?(?:[/／—-]|…{1,8})?$/,
  /** Template residue: `……`, `…`, `无`, `/`, `-`. */
  placeholder: /^(…+|\.{3,}|无|\/|-|—)$/,
} as const;

/** `产出指标（50分）` → `产出指标`; `满意度指标（10分）` → `满意度指标`. */
export function normalizeLevel1(compact: string): Level1 | null {
  const bare = compact.replace(/[(（]\d*分?[)）]/g, '');
  if (/^产出/.test(bare)) return '产出指标';
  if (/^效益/.test(bare)) return '效益指标';
  if (/^满意/.test(bare)) return '满意度指标';
  return null;
}

/** `经济效益指标` → { level2: '经济效益指标', parent: '效益指标' }; `生态指标` → `生态效益指标`. */
export function normalizeLevel2(compact: string): { level2: string; parent: Level1 } | null {
  const found = level2Canonical.find(([pattern]) => pattern.test(compact));
  return found ? { level2: found[1], parent: found[2] } : null;
}

/** Declared points of a 一级 cell: `产出指标(50分)` → 50. */
export function declaredPoints(compact: string): number | null {
  const match = LABELS.declaredPoints.exec(compact);
  return match ? Number(match[1]) : null;
}

/** A score or weight cell: a number with at most a `分` unit (`10`, `10分`, `９９`). */
export function isNumericCell(compact: string): boolean {
  return /^[0-9０-９]{1,6}([.．][0-9０-９]{1,6})?分?$/.test(compact);
}
