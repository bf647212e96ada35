/**
 * The finding message catalogue (src/lib/findings/messages.ts) against what the parser emits:
 * every finding of the bundled data, of every golden input and fixture, and of seed 003 edited
 * into the impossible figures, has a Chinese and an English template whose every parameter it
 * supplies; the rendered sentence leaves no slot behind.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile, ReportParseError, type FindingCode, type FindingRow } from '../../src/parser/index.ts';
import {
  FINDING_FORMATS, FINDING_MESSAGES, findingMessageKey, isFindingMessageKey, parseFindingParams, renderFinding, templateFormats, templateParams,
} from '../../src/lib/findings/messages.ts';
import { findingMessage } from '../../src/lib/findings/finding-message.ts';
import { FIXTURES } from '../parser/fixtures/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const LANGS = ['zh', 'en'] as const;

/** Every code of the parser's FindingCode type: a code added there and not here fails to compile. */
const CODES: Record<FindingCode, true> = {
  TOTAL_SCORE_MISMATCH: true, BUDGET_POINTS_MISPLACED: true, EXECUTION_RATE_MISMATCH: true, BUDGET_ADJUSTED: true,
  LEVEL1_WEIGHT_MISMATCH: true, FULL_SCORE_TARGET_MISSED: true, DEDUCTION_WITHOUT_REASON: true, TARGET_MISSING: true,
  ACTUAL_UNVERIFIABLE: true, FIELD_MISSING: true, ROW_REPAIRED: true, SCORE_EXCEEDS_WEIGHT: true, NARRATIVE_MISMATCH: true,
  BUDGET_LINES_MISMATCH: true, LEVEL2_MISFILED: true, NEGATIVE_AMOUNT: true, FIELD_INVALID: true, EXECUTION_OVER_BUDGET: true,
  ENCODING_REPAIRED: true, SELF_SCORE_INFLATED: true,
};

function findingsOf(bytes: Uint8Array, name: string): FindingRow[] {
  try {
    return parseReportFile(bytes, name).reports.flatMap((r) => r.findings);
  } catch (error) {
    if (error instanceof ReportParseError) return [];
    throw error;
  }
}

/** Seed 003 with lines rewritten: the figures no report can hold (as test/parser/impossible-figures.test.ts makes them). */
const seed = readFileSync(path.join(root, 'data/raw/003_dc77c382bdb3a624.txt'), 'utf8');
const seedLines = seed.split('\n');
const TOTAL = 61; // the 年度资金总额 row: 年初, 全年, 执行, 分值, 执行率, 得分 on the lines after it
const withTotalRow = (cells: Record<number, string>) =>
  seedLines.map((line, i) => (i - TOTAL in cells ? `\t${cells[i - TOTAL]}` : line)).join('\n');
const firstScore = seedLines.findIndex((l, i) => i > 120 && /^\t　?\d+$/.test(l)) + 1;
const badByte = (() => {
  const bytes = new Uint8Array(readFileSync(path.join(root, 'data/raw/003_dc77c382bdb3a624.txt')));
  bytes[bytes.indexOf(0xe5, 3000)] = 0xff;
  return bytes;
})();
const edited: [string, Uint8Array][] = [
  ['score-above-points', withTotalRow({ 5: '15' })],
  ['points-below-zero', withTotalRow({ 5: '-5' })],
  ['negative-money', withTotalRow({ 0: '-810.24', 1: '-810.24', 2: '-810.24' })],
  ['no-number', withTotalRow({ 1: 'abc' })],
  ['over-budget', withTotalRow({ 2: '81024', 4: '10000%' })],
  ['indicator-score-below-zero', seedLines.map((l, i) => (i === firstScore ? '\t-5' : l)).join('\n')],
].map(([name, text]) => [`003-${name}.txt`, new TextEncoder().encode(text as string)] as [string, Uint8Array]);

const corpus: FindingRow[] = [
  ...[...readdirSync(path.join(root, 'data/raw')).map((n) => path.join(root, 'data/raw', n)),
    ...readdirSync(path.join(root, 'test/parser/input')).map((n) => path.join(root, 'test/parser/input', n))]
    .flatMap((file) => findingsOf(new Uint8Array(readFileSync(file)), path.basename(file))),
  ...FIXTURES.flatMap((f) => findingsOf(f.bytes(), f.file)),
  ...edited.flatMap(([name, bytes]) => findingsOf(bytes, name)),
  ...findingsOf(badByte, '003-bad-byte.txt'),
];

describe('finding message catalogue', () => {
  it('has a Chinese and an English template for every message, each naming only formats both languages have', () => {
    for (const [key, templates] of Object.entries(FINDING_MESSAGES)) {
      for (const lang of LANGS) {
        expect(templates[lang].trim(), `${key} ${lang}`).not.toBe('');
        for (const format of templateFormats(templates[lang])) expect(FINDING_FORMATS[lang], `${key} ${lang}: format ${format}`).toHaveProperty(format);
      }
      // The English may say less (ROW_REPAIRED names the repair only), never something the Chinese does not.
      const zhParams = templateParams(templates.zh);
      for (const name of templateParams(templates.en)) expect(zhParams, `${key}: en reads ${name}`).toContain(name);
    }
  });

  it('has messages for every code of the parser', () => {
    const codes = new Set(Object.keys(FINDING_MESSAGES).map((key) => key.split('.')[0]));
    expect([...codes].sort()).toEqual(Object.keys(CODES).sort());
  });

  it('renders every finding of the corpus in both languages, every parameter of its templates supplied', () => {
    expect(corpus.length).toBeGreaterThan(150);
    for (const finding of corpus) {
      const params = parseFindingParams(finding.params);
      expect(params, `${finding.report_id} ${finding.code}`).not.toBeNull();
      const key = findingMessageKey(finding.code, params!);
      expect(isFindingMessageKey(key), `${finding.report_id}: no message ${key}`).toBe(true);
      for (const lang of LANGS) {
        const template = FINDING_MESSAGES[key as keyof typeof FINDING_MESSAGES][lang];
        for (const name of templateParams(template)) expect(params, `${key} ${lang}: ${name} not supplied`).toHaveProperty(name);
        const text = renderFinding(finding.code, params!, lang)!;
        expect(text, `${key} ${lang}`).not.toMatch(/[{}]|undefined|NaN|\bnull\b/);
      }
      expect(renderFinding(finding.code, params!, 'zh'), key).toBe(finding.message); // the ingest's default language
    }
  });

  it('is reached by the corpus for every message (the few it cannot reach listed)', () => {
    const reached = new Set(corpus.map((f) => findingMessageKey(f.code, parseFindingParams(f.params)!)));
    const unreached = Object.keys(FINDING_MESSAGES).filter((key) => !reached.has(key)).sort();
    // A merged group over its points or without a reason, a row split by column count, no 总分 row, a total weight
    // that disagrees, an unverifiable actual with no reason: made by other tests' inputs, not by this corpus.
    expect(unreached).toEqual([
      'ACTUAL_UNVERIFIABLE.unexplained', 'DEDUCTION_WITHOUT_REASON.group', 'FIELD_MISSING.totalRow',
      'ROW_REPAIRED.split', 'SCORE_EXCEEDS_WEIGHT.group', 'TOTAL_SCORE_MISMATCH.weight',
    ]);
  });

  it('renders the parameters per language: money, percent, a reason, a blank', () => {
    const adjusted = { variant: 'cut', initial: 593.04, adjusted: 500, rate: 0.9755 };
    expect(renderFinding('BUDGET_ADJUSTED', adjusted, 'zh')).toBe('年中预算调减：年初 593.04 万元，全年 500 万元，按年初预算的执行率为 97.5%');
    expect(renderFinding('BUDGET_ADJUSTED', adjusted, 'en')).toBe('budget cut during the year: initial CNY 5.9304 M, adjusted CNY 5 M; execution against the initial budget 97.5%');
    expect(renderFinding('BUDGET_ADJUSTED', { ...adjusted, rate: null }, 'en')).toBe('budget cut during the year: initial CNY 5.9304 M, adjusted CNY 5 M');
    const unverifiable = { seq: 4, name: '开展竞赛', reason: '实际值重复目标值，无法核实' };
    expect(renderFinding('ACTUAL_UNVERIFIABLE', unverifiable, 'en')).toBe('indicator 4 “开展竞赛”: the actual value repeats the target: cannot be checked');
    const missed = { name: '培训企业', target: '≥100家', actual: null, score: 30, weight: 30 };
    expect(renderFinding('FULL_SCORE_TARGET_MISSED', missed, 'zh')).toBe('“培训企业”未达到目标（≥100家 → 空），却得满分 30/30');
    expect(renderFinding('NO_SUCH_CODE', {}, 'zh')).toBeNull();
    expect(renderFinding('TARGET_MISSING', { variant: 'nope' }, 'zh')).toBeNull();
  });
});

describe('findingMessage (the app)', () => {
  const finding = corpus.find((f) => f.code === 'BUDGET_ADJUSTED')!;

  it('renders from code and params in the reader\'s language', () => {
    expect(findingMessage(finding, 'zh')).toBe(finding.message);
    expect(findingMessage(finding, 'en')).toMatch(/^budget (cut|raised) during the year: initial CNY /);
  });

  it('falls back to the stored message without params (contract version 1): the reader\'s half of `中文 / English`', () => {
    const v1 = { code: 'TOTAL_SCORE_MISMATCH', params: null, message: '总分填报 10，各项得分合计 100 / declared total score 10, but the scores add up to 100' };
    expect(findingMessage(v1, 'zh')).toBe('总分填报 10，各项得分合计 100');
    expect(findingMessage(v1, 'en')).toBe('declared total score 10, but the scores add up to 100');
    expect(findingMessage({ ...v1, params: 'not json' }, 'en')).toBe('declared total score 10, but the scores add up to 100');
    // Params of a message this version does not know: the stored message, as it is.
    expect(findingMessage({ code: 'SOME_NEW_CODE', params: '{"x":1}', message: 'x is 1' }, 'en')).toBe('x is 1');
  });
});
