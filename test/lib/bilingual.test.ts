import { describe, expect, it } from 'vitest';
import { messageIn } from '../../src/lib/bilingual.ts';

describe('messageIn', () => {
  it('picks the half of a bilingual message in the reader\'s language', () => {
    const message = '总分填报 10，各项得分合计 100 / declared total score differs from the sum of the scores';
    expect(messageIn(message, 'zh')).toBe('总分填报 10，各项得分合计 100');
    expect(messageIn(message, 'en')).toBe('declared total score differs from the sum of the scores');
  });

  it('splits without a space before the slash', () => {
    expect(messageIn('只计一次（10）/ budget weight printed twice, counted once', 'zh')).toBe('只计一次（10）');
  });

  it('splits where the English half begins with a figure (the parser\'s repaired rows)', () => {
    const message = '单元格不全：该行只有 8 个单元格（应为 9 个），按内容对齐到第 1 列起 / 8 of 9 cells, aligned from column 1';
    expect(messageIn(message, 'zh')).toBe('单元格不全：该行只有 8 个单元格（应为 9 个），按内容对齐到第 1 列起');
    expect(messageIn(message, 'en')).toBe('8 of 9 cells, aligned from column 1');
  });

  it('splits where the English half names Chinese terms', () => {
    const message = '二级指标“服务对象满意度指标”属于满意度指标，却列在“效益指标（40分）”下 / a 二级 category filed under another 一级';
    expect(messageIn(message, 'zh')).toBe('二级指标“服务对象满意度指标”属于满意度指标，却列在“效益指标（40分）”下');
    expect(messageIn(message, 'en')).toBe('a 二级 category filed under another 一级');
  });

  it('keeps slashes inside the Chinese half, and one-language messages, whole', () => {
    expect(messageIn('得分 4/5，未说明 / no reason given', 'zh')).toBe('得分 4/5，未说明');
    expect(messageIn('比例 1 / 2 未达标', 'en')).toBe('比例 1 / 2 未达标');
    expect(messageIn('完成率 90% / 100%', 'en')).toBe('完成率 90% / 100%');
    expect(messageIn('总分与计算值不符。', 'en')).toBe('总分与计算值不符。');
    expect(messageIn(null, 'zh')).toBeNull();
  });
});
