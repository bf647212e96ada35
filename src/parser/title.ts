/**
 * The report's title block: title (possibly wrapped over two lines), the sub-fund
 * subtitle (`—产业链专项`), the year, and the fund name as the title prints it.
 */
export interface TitleInfo {
  title: string | null;
  titleLine: number | null;
  subtitle: string | null;
  year: number | null;
  /** The fund as named in the title, year and report words removed (`市经济信息产业发展专项资金`). */
  fundPrinted: string | null;
}

type Line = { text: string; line: number };

const TITLE_WORDS = /(自评报告|评价报告|自评情况)/;
const SUBTITLE = /^[—－\-–]{1,3}\s*(\S.{0,40})$/;
const YEAR = /(20\d{2})\s*年/;

const clean = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();

const YEAR_TITLE = /自评表|评价表|绩效自评|（\s*20\d{2}\s*年度?\s*）|\(\s*20\d{2}\s*年度?\s*\)/;
/** Lines longer than this are the narrative (`该项目自2019年起实施…`), whose years are not the report's. */
const SHORT_LINE = 40;

/**
 * The year of the table: the nearest table title that prints one (`2022年度项目支出绩效自评表`,
 * `（2019年度）`), else the first short line that does, else the first line that does.
 */
function tableYear(preamble: Line[]): RegExpExecArray | null {
  const withYear = preamble.filter(({ text }) => text.indexOf('年') >= 0 && YEAR.test(text));
  const pick = (line: Line | undefined) => (line ? YEAR.exec(line.text) : null);
  return pick(withYear.filter(({ text }) => YEAR_TITLE.test(text)).at(-1))
    ?? pick(withYear.find(({ text }) => clean(text).length <= SHORT_LINE))
    ?? pick(withYear[0]);
}

export function readTitle(preamble: Line[]): TitleInfo {
  // trim and \s know the same white space, so this is `clean(l.text) !== ''` without the replace.
  const lines = preamble.filter((l) => l.text.trim() !== '');
  const at = lines.findIndex((l, i) => i < 20 && TITLE_WORDS.test(l.text));
  const tableTitleYear = tableYear(preamble);
  if (at < 0) {
    return { title: null, titleLine: null, subtitle: null, year: tableTitleYear ? Number(tableTitleYear[1]) : null, fundPrinted: null };
  }
  let title = clean(lines[at].text);
  let titleLine = lines[at].line;
  // A title wrapped by Word: the year and city on one line, `…专项资金绩效自评报告` on the next.
  const previous = lines[at - 1];
  if (!YEAR.test(title) && previous && previous.line === titleLine - 1 && YEAR.test(previous.text) && clean(previous.text).length < 40) {
    title = clean(previous.text) + title;
    titleLine = previous.line;
  }
  const next = lines[at + 1];
  const subtitleMatch = next && next.line === lines[at].line + 1 ? SUBTITLE.exec(clean(next.text)) : null;
  const yearMatch = YEAR.exec(title) ?? tableTitleYear;
  return {
    title: title.replace(/\s+/g, ''),
    titleLine,
    subtitle: subtitleMatch ? subtitleMatch[1].trim() : null,
    year: yearMatch ? Number(yearMatch[1]) : null,
    fundPrinted: fundFromTitle(title),
  };
}

/** `2022 年度市经济信息产业发展专项资金绩效自评报告` → `市经济信息产业发展专项资金`. */
function fundFromTitle(title: string): string | null {
  const fund = title
    .replace(/\s+/g, '')
    .replace(/^.*?20\d{2}年度?/, '')
    .replace(/(项目支出)?(绩效)?(自评报告|评价报告|自评情况).*$/, '')
    .replace(/的$/, '');
  return fund === '' ? null : fund;
}

/**
 * The fund with its city: a title that says only `市…` gets the city in front, a short
 * city name (`益阳…`) is written out, and a title naming the city keeps it.
 */
export function fundWithCity(fundPrinted: string | null, city: string | null, cityShort: string | null): string | null {
  if (!fundPrinted || !city) return fundPrinted;
  if (fundPrinted.startsWith(city)) return fundPrinted;
  if (cityShort && fundPrinted.startsWith(cityShort)) return city + fundPrinted.slice(cityShort.length);
  if (fundPrinted.startsWith('市')) return city + fundPrinted.slice(1);
  return city + fundPrinted;
}

/** A table's own title (`就业补助资金绩效自评表`, `2022年度项目支出绩效自评表`). */
const TABLE_TITLE = /^(.*?)(?:项目)?(?:支出)?(?:绩效)?(?:目标)?自评表/;
/** What a table title says when it names no fund: the form's own name, or only a place (`稷山县`). */
const GENERIC_FUND = /^(?:[\u4e00-\u9fff]{1,8}(?:省|市|县|区|州|旗|盟))?(?:部门预算|财政|县级|市级|省级)?(?:项目支出|项目|预算项目|专项资金|专项)?$/;

/**
 * The fund a table's title names, for a table printed without a report's title: the words
 * before `绩效自评表`, its year and attachment number taken off; null when they only name the form.
 */
export function fundFromTableTitle(preamble: Line[]): string | null {
  for (const { text } of preamble.slice(-6).reverse()) {
    const compact = text.replace(/\s+/g, '');
    if (compact.length > 60 || compact.includes('|')) continue; // a title is a line of its own, not a row of a list
    const match = TABLE_TITLE.exec(compact);
    if (!match) continue;
    const fund = match[1]
      .replace(/^附件\d*[:：]?/, '')
      .replace(/[(（]?20\d{2}年度?[)）]?/g, '')
      .replace(/^[(（][^)）]*[)）]/, '');
    return GENERIC_FUND.test(fund) ? null : fund;
  }
  return null;
}
