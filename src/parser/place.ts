/**
 * Province and city of a report, from the gazetteer in gazetteer.json (33 + 1 provincial
 * divisions and their prefecture divisions; see its "source").
 *
 * Contract (reports.province / reports.city):
 * - city: the first city named in the title, else the first named in the table header
 *   (主管部门 / 实施单位), else the city the body names most (full and short names counted;
 *   a tie goes to the city whose first mention comes first);
 * - province: the city's province (a printed province name can only agree with it, since
 *   city names are unique nationwide); without a city, the first province printed in the
 *   title, else the header, else the one the body names most.
 * - A title or header that prints a province's full name (湖南省…) and no city is a
 *   provincial report: city null, even if the body names cities.
 *
 * Matching is one left-to-right scan, leftmost-longest, over every name (provinces and
 * cities, full and short): at each position the two characters there are looked up in a Map,
 * and only the few names that begin with them are tried, so the cost is O(text length).
 * Leftmost-longest keeps 鞍山 out of 马鞍山, 兴安 out of 大兴安岭, and 西安 out of 江西安排
 * (江西 is a province name and is consumed first). 长株潭 names no city: 长沙 is not in it.
 *
 * Short names that are not safe as bare words count only in a full form (吉林市, 中山市,
 * 海南州, 海南藏族自治州), never bare:
 * - a city's short name equal to a province's short name (吉林 → 吉林省, 海南 → 海南省);
 *   the municipalities and SARs (北京, 香港, …) are city and province at once and do count;
 * - common words and other names, listed in AMBIGUOUS_SHORT with the reason.
 * 自治州 are also matched as short name + 州 (湘西州, 恩施州, 海南州), the usual form.
 */
import gazetteer from './gazetteer.json';

export interface PlaceGuess {
  province: string | null;
  city: string | null;
  citySource: 'title' | 'header' | 'body' | null;
}

interface Gazetteer {
  provinces: { name: string; short: string; cities: { name: string; short: string }[] }[];
}

/** Short city names that count only when written in full; the value says why. */
export const AMBIGUOUS_SHORT: Readonly<Record<string, string>> = {
  中山: '中山路, 中山大学, 孙中山',
  长治: '长治久安',
  大同: '大同小异, 世界大同',
  朝阳: '朝阳产业, 北京朝阳区',
  白银: 'silver (黄金白银)',
  来宾: 'guests (接待来宾)',
  三明: '三明治',
  日照: '日照时数, 光照',
  新乡: '新乡村, 新乡贤',
  大理: '大理石',
  山南: '中山南路, 泰山南麓',
  海西: '海西经济区 (Fujian, 海峡西岸)',
  阿里: '阿里巴巴, 阿里云',
  普洱: '普洱茶',
  安康: '安康杯, 平安安康',
  白山: '长白山',
  兴安: '小兴安岭, 兴安县 (Guangxi)',
  海口: '入海口, 出海口',
  固原: '巩固原有',
  安顺: '平安顺利',
  广元: '推广元宇宙',
  和田: '和田玉',
  哈密: '哈密瓜',
  北海: '北海道, 北海公园',
  宁德: '宁德时代 (company)',
  大庆: '百年大庆, 国庆大庆',
  文山: '文山会海',
  四平: '四平八稳',
  开封: '开封 (to unseal)',
};

type Token =
  | { kind: 'city'; province: string; city: string }
  | { kind: 'province'; province: string };

interface Matcher {
  /** Names by the key of their first two characters, longest first. */
  byPrefix: Map<number, { text: string; token: Token }[]>;
  /** 1 at the code of every character a name starts with. */
  starts: Uint8Array;
  /** 1 at the code of every second character of a name. */
  seconds: Uint8Array;
}

const pairKey = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

function buildMatcher(g: Gazetteer): Matcher {
  const names = new Map<string, Token>();
  const provinceShorts = new Set(g.provinces.map((p) => p.short));
  const add = (text: string, token: Token) => {
    if (text.length < 2) throw new Error(`gazetteer name too short: ${text}`);
    const had = names.get(text);
    // A city wins over a province of the same text (北京市 is both); two different cities
    // with one text would make the answer depend on order, so the gazetteer must not have them.
    if (had && had.kind === 'city' && token.kind === 'city' && had.city !== token.city) {
      throw new Error(`gazetteer name of two cities: ${text}`);
    }
    if (!had || had.kind === 'province') names.set(text, token);
  };
  for (const p of g.provinces) {
    for (const c of p.cities) {
      const token: Token = { kind: 'city', province: p.name, city: c.name };
      add(c.name, token);
      if (c.name.endsWith('自治州')) add(`${c.short}州`, token);
      const selfCity = c.name === p.name; // municipality or SAR
      const unsafe = (provinceShorts.has(c.short) && !selfCity) || c.short in AMBIGUOUS_SHORT;
      if (!unsafe) add(c.short, token);
    }
  }
  for (const p of g.provinces) {
    add(p.name, { kind: 'province', province: p.name });
    add(p.short, { kind: 'province', province: p.name });
  }
  const byPrefix = new Map<number, { text: string; token: Token }[]>();
  for (const [text, token] of names) {
    const key = pairKey(text, 0);
    const list = byPrefix.get(key) ?? [];
    list.push({ text, token });
    byPrefix.set(key, list);
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b.text.length - a.text.length);
  // Most characters of a text start no name: one array read rules them out before a Map lookup,
  // and a second read does the same for the character after them.
  const starts = new Uint8Array(0x10000);
  const seconds = new Uint8Array(0x10000);
  for (const text of names.keys()) {
    starts[text.charCodeAt(0)] = 1;
    seconds[text.charCodeAt(1)] = 1;
  }
  return { byPrefix, starts, seconds };
}

const matcher = buildMatcher(gazetteer as Gazetteer);

/** Calls visit for each name found, leftmost-longest, without overlaps; stops when visit returns true. */
function scan(text: string, visit: (token: Token, text: string, at: number) => boolean | void): void {
  const last = text.length - 1;
  let i = 0;
  while (i < last) {
    if (matcher.starts[text.charCodeAt(i)] === 0 || matcher.seconds[text.charCodeAt(i + 1)] === 0) {
      i++;
      continue;
    }
    const list = matcher.byPrefix.get(pairKey(text, i));
    let step = 1;
    if (list) {
      for (const name of list) {
        if (text.startsWith(name.text, i)) {
          if (visit(name.token, name.text, i) === true) return;
          step = name.text.length;
          break;
        }
      }
    }
    i += step;
  }
}

/** The first city named (in full or by a safe short name) in a text, with its province. */
export function cityOfName(text: string): { province: string; city: string } | null {
  let found: { province: string; city: string } | null = null;
  scan(text, (t) => {
    if (t.kind !== 'city') return false;
    found = { province: t.province, city: t.city };
    return true;
  });
  return found;
}

/** The first province printed in a text; `full` restricts it to full names (湖南省, not 湖南). */
function provinceOfName(text: string, full: boolean): string | null {
  let found: string | null = null;
  scan(text, (t, name) => {
    if (t.kind !== 'province' || (full && name !== t.province)) return false;
    found = t.province;
    return true;
  });
  return found;
}

interface Tally { count: number; province: string }

/**
 * The most-named entry of one kind; ties go to the earliest first mention (a Map iterates in
 * insertion order, which is the order of first mentions, and only a larger count replaces the best).
 */
function most(text: string, kind: Token['kind']): { name: string; province: string } | null {
  const tally = new Map<string, Tally>();
  scan(text, (t) => {
    if (t.kind !== kind) return false;
    const key = t.kind === 'city' ? t.city : t.province;
    const had = tally.get(key);
    if (had) had.count++;
    else tally.set(key, { count: 1, province: t.province });
    return false;
  });
  let best: { name: string; tally: Tally } | null = null;
  for (const [name, t] of tally) {
    if (!best || t.count > best.tally.count) best = { name, tally: t };
  }
  return best ? { name: best.name, province: best.tally.province } : null;
}

export function inferPlace(input: { title: string; header: string; body: string }): PlaceGuess {
  const { title, header, body } = input;
  const fromTitle = cityOfName(title);
  if (fromTitle) return { ...fromTitle, citySource: 'title' };
  const fromHeader = cityOfName(header);
  if (fromHeader) return { ...fromHeader, citySource: 'header' };

  // A provincial report: its title or header prints a province in full and no city.
  const printed = provinceOfName(title, true) ?? provinceOfName(header, true);
  if (printed) return { province: printed, city: null, citySource: null };

  const fromBody = most(body, 'city');
  if (fromBody) return { province: fromBody.province, city: fromBody.name, citySource: 'body' };

  const province = provinceOfName(title, false) ?? provinceOfName(header, false) ?? most(body, 'province')?.name ?? null;
  return { province, city: null, citySource: null };
}
