import { describe, it, expect } from 'vitest';
import { Worker } from 'node:worker_threads';
import {
  cleanText,
  convertUnit,
  normaliseCell,
  numberLists,
  pickValueInUnit,
  parseChineseNumeral,
  parseNumberCell,
  scanNumbers,
  toHalfWidth,
  UNIT_FACTORS,
} from '../../src/parser/numbers.ts';
import * as rules from '../../src/parser/rules.ts';

describe('cleanText', () => {
  it.each([
    ['\u3000市工信局\u3000', '市工信局'],
    ['\u00a0 10 \t\n', '10'],
    ['\ufeff\u200b满意度\u200b ', '满意度'],
    ['\u3000 \u200b \u3000x', 'x'],
    ['a，b。', 'a，b。'], // keeps punctuation
    ['年度\n指标值', '年度\n指标值'], // joins nothing
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['\u3000\u3000'], [' \t\n\u00a0'], ['\u200b']])('%j → null', (input) => {
    expect(cleanText(input)).toBeNull();
  });

  it('never throws on a non-string and answers null', () => {
    expect(cleanText(42 as unknown as string)).toBeNull();
  });
});

describe('toHalfWidth', () => {
  it.each([
    ['１２３．５％', '123.5%'],
    ['≥１０家', '≥10家'],
    ['＜＝＞＋－，／', '<=>+-,/'],
    ['ＧＤＰ占比', 'GDP占比'],
    ['满意度达到九十', '满意度达到九十'], // CJK untouched
    ['ー、基本情况', '一、基本情况'], // ー before CJK punctuation means 一
    ['全省第ー', '全省第一'],
    ['ー级指标', '一级指标'],
    ['データー', 'データー'], // a real long mark after katakana stays
    ['ー', 'ー'], // alone: nothing says it is 一
    ['abcー1', 'abcー1'],
  ])('%j → %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('maps 100 KB of full-width digits quickly and completely', () => {
    const input = '１'.repeat(100_000);
    const t0 = performance.now();
    const out = toHalfWidth(input);
    expect(performance.now() - t0).toBeLessThan(2000); // a hang detector, with room for a loaded machine
    expect(out).toBe('1'.repeat(100_000));
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['九', 9], ['十', 10], ['十一', 11], ['二十', 20],
    ['二十三', 23], ['九十九', 99], ['百', 100], ['一百', 100], ['一百零五', 105], ['三百二十', 320],
    ['零', 0], ['二〇二二', 2022], ['一万五千', 15000], ['12', 12], ['１２', 12], ['3.5', 3.5], [' 十 ', 10],
  ])('%j → %d', (input, expected) => {
    expect(parseChineseNumeral(input)).toBe(expected);
  });

  it.each([['前三'], ['第一'], ['三四'], [''], ['abc'], ['十x'], ['一'.repeat(100)]])('%j → null', (input) => {
    expect(parseChineseNumeral(input)).toBeNull();
  });
});

describe('parseNumberCell', () => {
  it.each([
    ['10', 10, null],
    ['\u300010', 10, null],
    ['□10', 10, null],
    ['10\u3000', 10, null],
    ['10分', 10, '分'],
    ['99分', 99, '分'],
    ['100%', 100, '%'],
    ['１００％', 100, '%'],
    ['810.24万元', 810.24, '万元'],
    ['□810.24万元', 810.24, '万元'],
    ['1,234.5', 1234.5, null],
    ['6000亿元', 6000, '亿元'],
    ['136家', 136, '家'],
    ['24场次', 24, '场次'],
    ['3批次', 3, '批次'],
    ['-3.5%', -3.5, '%'],
    ['10 分', 10, '分'],
    ['30万/家', 30, '万/家'],
  ])('%j → %d %j', (input, value, unit) => {
    expect(parseNumberCell(input)).toEqual({ value, unit });
  });

  it.each([
    [null], [undefined], [''], ['\u3000'], ['无'], ['及时'], ['≥1'], ['80%以上'], ['满意度达90%'],
    ['6场沙龙、1场企业家年会'], ['30-50万/家'], ['10分钟后'], ['1,23'], ['12家企业'], ['1'.repeat(100)],
  ])('%j → null', (input) => {
    expect(parseNumberCell(input)).toBeNull();
  });
});

describe('convertUnit', () => {
  it.each([
    [7000, '亿元', '万元', 70_000_000],
    [6000, '万元', '亿元', 0.6],
    [0.6, '亿元', '万元', 6000],
    [1, '万元', '元', 10_000],
    [25_000, '元', '万元', 2.5],
    [3, '亿', '万', 30_000],
    [66, '万', '万元', 66], // bare 万 in a money cell (`66万`) is 万元
    [24, '场次', '场', 24],
    [3, '批', '批次', 3],
    [12, '家', '家', 12],
    [33.9, '%', '%', 33.9],
    [40, '万/家', '元/家', 400_000],
    [5, null, null, 5],
  ])('%d %s → %s = %d', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });

  it.each([
    [1, '个', '家'], [1, '家', '个'], [90, '%', '家'], [1, '万元', '亩'], [1, '场', '次'], [5, '家', null],
    [5, null, '%'], [30, '万/家', '万/个'], [30, '万/家', '万元'], [1, 'constructor', 'toString'], [Number.NaN, '元', '元'],
  ])('%d %s → %s is not convertible', (value, from, to) => {
    expect(convertUnit(value, from, to)).toBeNull();
  });

  it('UNIT_FACTORS puts 1 亿 at 10,000 万', () => {
    expect(UNIT_FACTORS['亿元'].factor / UNIT_FACTORS['万元'].factor).toBe(10_000);
    expect(UNIT_FACTORS['亿'].factor / UNIT_FACTORS['万'].factor).toBe(10_000);
    expect(UNIT_FACTORS['场'].family).toBe(UNIT_FACTORS['场次'].family);
    expect(UNIT_FACTORS['个']).toBeUndefined();
  });
});

describe('scanNumbers / numberLists / normaliseCell', () => {
  it('finds each number with the unit written after it', () => {
    const tokens = scanNumbers('全年处置园区“三类地”10602亩、完成100%');
    expect(tokens.map((t) => [t.value, t.unit])).toEqual([[10602, '亩'], [100, '%']]);
  });

  it('reads a 、-list sharing its last unit, and not prose between numbers', () => {
    const text = '新竣工5000万以上产业项目145、130、110个';
    const lists = numberLists(text, scanNumbers(text));
    expect(lists.map((l) => l.map((t) => [t.value, t.unit]))).toEqual([[[145, '个'], [130, '个'], [110, '个']]]);
    const prose = '6场沙龙、1场企业家年会';
    expect(numberLists(prose, scanNumbers(prose))).toEqual([]);
  });

  it.each([
    ['6场沙龙、1场企业家年会', '场', { value: 6, unit: '场' }],
    ['24场次', '场', { value: 24, unit: '场' }],
    ['0.6亿元', '万元', { value: 6000, unit: '万元' }],
    ['12', '家', { value: 12, unit: '家' }], // a bare whole cell is read in the target unit
    ['获得全省营商环境10强', '%', null], // a bare number inside prose is not
    ['12个', '家', null],
    ['新增4个', null, { value: 4, unit: '个' }],
  ])('pickValueInUnit(%j, %j)', (text, unit, expected) => {
    expect(pickValueInUnit(text, scanNumbers(text), unit)).toEqual(expected);
  });

  it('normaliseCell trims, maps full width, drops □ and line breaks, turns ， into 、', () => {
    expect(normaliseCell('\u3000□１０\n场，２场\u3000')).toBe('10场、2场');
    expect(normaliseCell('\u3000\u3000')).toBeNull();
    expect(normaliseCell('x'.repeat(5000))?.length).toBe(1000);
  });
});

describe('rules: every exported pattern stays linear on hostile input', () => {
  const patterns = Object.entries(rules).filter((entry): entry is [string, RegExp] => entry[1] instanceof RegExp);
  const hostile = [
    '1'.repeat(100_000),
    '1'.repeat(100_000) + 'x',
    '1'.repeat(40) + '!',
    '1,'.repeat(50_000) + 'x',
    '1.'.repeat(50_000),
    '1-'.repeat(50_000),
    '一'.repeat(100_000) + 'x',
    '一'.repeat(40) + '!',
    '前'.repeat(50_000) + '一'.repeat(50_000),
    '第一'.repeat(50_000) + '批',
    ' '.repeat(100_000) + 'x',
    '2022年'.repeat(20_000),
    '≥'.repeat(100_000) + 'x',
    '每月'.repeat(50_000),
    '0 '.repeat(50_000),
    '30万/家-'.repeat(20_000),
  ];
  // Runs each pattern in a worker that is killed after LIMIT_MS: a backtracking pattern then
  // fails this test instead of hanging the run.
  const LIMIT_MS = 5000;
  const WORKER = `
    const { parentPort, workerData } = require('node:worker_threads');
    const re = new RegExp(workerData.source, workerData.flags);
    const times = workerData.inputs.map((input) => {
      const t0 = performance.now();
      if (re.global) { let n = 0; for (const _ of input.matchAll(re)) if (++n > 200000) break; }
      else re.test(input);
      return performance.now() - t0;
    });
    parentPort.postMessage(times);`;
  const timeInWorker = (pattern: RegExp): Promise<number[] | 'killed'> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { eval: true, workerData: { source: pattern.source, flags: pattern.flags, inputs: hostile } });
      const timer = setTimeout(() => void worker.terminate().then(() => resolve('killed')), LIMIT_MS);
      worker.once('message', (times: number[]) => {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve(times));
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });

  it('exports the grammar as named patterns', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(30);
  });

  it.each(patterns)('%s', async (name, pattern) => {
    const times = await timeInWorker(pattern);
    expect(times, `${name} was still running after ${LIMIT_MS} ms`).not.toBe('killed');
    const slowest = Math.max(...(times as number[]));
    const worst = hostile[(times as number[]).indexOf(slowest)];
    expect(slowest, `${name} on ${JSON.stringify(worst.slice(0, 8))}`).toBeLessThan(2000); // catastrophic backtracking takes minutes; this leaves room for a loaded machine
  });
});
