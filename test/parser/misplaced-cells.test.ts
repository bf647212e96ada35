/**
 * Tables whose cells are out of place, as real files have them: a row typed one column right, a
 * row span one row too long, a table continued in a second physical table, a 总分 row before the
 * indicators, a unit printed in a cell or on another table's caption. Each is read right in every
 * format, or refused; none may give another figure. (The cases come from a review of the parser
 * that ran each against every reader.)
 */
import { describe, expect, it } from 'vitest';
import { parseReportFile, type ParsedFile } from '../../src/parser/index.ts';
import { toDocx, toHtml, toPipe, toTabText, toXlsx } from './fixtures/formats.ts';
import { HUBEI_2022, NATIONAL } from './fixtures/layouts.ts';
import type { LayoutSpec, SpecCell } from './fixtures/spec.ts';

const m = (t: string, rs = 1, cs = 1): SpecCell => ({ t, rs, cs });
const RENDER = {
  docx: (s: LayoutSpec) => toDocx(s),
  html: (s: LayoutSpec) => toHtml(s),
  xlsx: (s: LayoutSpec) => toXlsx(s, { typedNumbers: true }),
  tab: (s: LayoutSpec) => toTabText(s),
  pipe: (s: LayoutSpec) => toPipe(s),
} as const;
type Format = keyof typeof RENDER;
const EXT: Record<Format, string> = { docx: 'docx', html: 'html', xlsx: 'xlsx', tab: 'txt', pipe: 'txt' };

/** A layout with some rows of its table (the block at `block`) changed. */
function edit(spec: LayoutSpec, change: (rows: SpecCell[][], blocks: LayoutSpec['blocks']) => void): LayoutSpec {
  const copy: LayoutSpec = JSON.parse(JSON.stringify(spec));
  const table = copy.blocks.find((b) => typeof b !== 'string') as { rows: SpecCell[][] };
  change(table.rows, copy.blocks);
  return copy;
}

function parse(spec: LayoutSpec, format: Format): ParsedFile {
  return parseReportFile(RENDER[format](spec), `case.${EXT[format]}`);
}

/** What a report's figures are, or `refused` (with no report read from the table). */
function outcome(spec: LayoutSpec, format: Format): string | Record<string, unknown> {
  let parsed: ParsedFile;
  try {
    parsed = parse(spec, format);
  } catch {
    return 'refused';
  }
  if (parsed.reports.length === 0) return 'refused';
  const [r] = parsed.reports[0].reports;
  return {
    budget: [r.budget_initial, r.budget_adjusted, r.executed],
    total_weight: r.total_weight, total_score: r.total_score, declared: r.declared_total_score, grade: r.grade,
    indicators: r.indicator_count,
  };
}

const ORIGINAL = { budget: [300, 280, 266], total_weight: 100, total_score: 97.5, declared: 97.5, grade: '优', indicators: 10 };
const ALL: Format[] = ['docx', 'html', 'xlsx', 'tab', 'pipe'];

/** Read as the unchanged table, or refused: never another figure. */
function rightOrRefused(spec: LayoutSpec, formats: Format[] = ALL, expected: unknown = ORIGINAL) {
  for (const format of formats) {
    const got = outcome(spec, format);
    if (got !== 'refused') expect({ format, got }).toEqual({ format, got: expected });
  }
}

describe('rows out of place', () => {
  it('a row typed one column right (an empty cell before its own) is placed back or refused, never read with the actual as its weight', () => {
    const spec = edit(NATIONAL, (rows) => { rows[12] = ['', '时效指标', '资金拨付及时率', '≥95%', '96%', '10', '10', '']; });
    rightOrRefused(spec);
    // …and in the 湖北 form, scored without 分值, where no weight sum catches it.
    const hubei = edit(HUBEI_2022, (rows) => { rows[10] = ['', '质量指标', '资源可用率', '≥99%', '99.5%', '10']; });
    for (const format of ['docx', 'html', 'xlsx', 'pipe'] as Format[]) {
      const got = outcome(hubei, format);
      if (got !== 'refused') expect(got).toMatchObject({ total_score: 99, grade: '优' });
    }
  });

  it('a row span one row too long on a 分值 cell refuses the row it pushes right', () => {
    const spec = edit(NATIONAL, (rows) => {
      rows[11] = ['质量指标', '项目验收合格率', '100%', '100%', m('15', 2), '15', ''];
      rows[12] = ['时效指标', '资金拨付及时率', '≥95%', '96%', '10', '10', ''];
    });
    for (const format of ['docx', 'html'] as Format[]) expect(outcome(spec, format)).toBe('refused');
  });

  it('an amount merged down over two funding rows is refused, not read one column off', () => {
    const spec = edit(NATIONAL, (rows) => {
      rows[3] = [m('年度资金总额', 1, 2), m('300', 2), '280', '266', '10', '95%', '9.5'];
      rows[4] = [m('其中：当年财政拨款', 1, 2), '280', '266', '', '', ''];
    });
    for (const format of ['docx', 'html', 'xlsx'] as Format[]) expect(outcome(spec, format)).toBe('refused');
  });

  it('a merged 分值 with a 得分 on each row keeps each row\'s score', () => {
    const spec = edit(NATIONAL, (rows) => {
      rows[10] = [m('产出指标\n（50分）', 4), m('数量指标', 2), '景区提质项目数', '≥5个', '5个', m('30', 2), '15', ''];
      rows[11] = ['验收项目数', '≥5个', '4个', '14', '1个项目未验收'];
      rows[12] = ['时效指标', '资金拨付及时率', '≥95%', '96%', '10', '10', ''];
      rows[13] = ['成本指标', '乡村旅游示范点', '10个', '8个', '10', '8', '两个点位用地未落实，明年续建'];
    });
    for (const format of ['docx', 'html', 'xlsx', 'tab', 'pipe'] as Format[]) {
      expect({ format, got: outcome(spec, format) }).toMatchObject({ format, got: { total_score: 96.5, grade: '优' } });
    }
    const [group] = parse(spec, 'docx').reports[0].indicators.filter((r) => r.group_id != null);
    expect(group).toMatchObject({ weight: 30, score: 15, group_weight: 30, group_score: 29 });
  });

  it('a cell too many in flattened text (a TAB typed in a cell, a label in two cells) is refused, not cut one column off', () => {
    const tab = edit(NATIONAL, (rows) => { rows[10] = [m('产出指标\n（50分）', 4), '数量指标', '景区提质项目数', '≥\t5个', '5个', '15', '15', '']; });
    expect(outcome(tab, 'tab')).toBe('refused');
    const label = edit(NATIONAL, (rows) => {
      rows[3] = [m('年度资金总额', 1, 2), '', '', '', '10', '', '9.5'];
      rows[4] = ['其中：当年财政拨款', '', '300', '280', '266', '', '', ''];
    });
    for (const format of ['tab', 'pipe'] as Format[]) expect(outcome(label, format)).toBe('refused');
    rightOrRefused(label, ['docx', 'html']);
  });
});

describe('where the table ends', () => {
  it('a 总分 row printed under the header, before the indicators, is refused', () => {
    const spec = edit(NATIONAL, (rows) => {
      rows.pop();
      rows[9][0] = m('绩\n效\n指\n标', 12);
      rows.splice(10, 0, [m('总分', 1, 5), '100', '97.5', '']);
    });
    for (const format of ALL) expect({ format, got: outcome(spec, format) }).toEqual({ format, got: 'refused' });
  });

  it('an indicator named like a note after the table (说明) is refused, not the end of the list', () => {
    const spec = edit(NATIONAL, (rows) => { rows[19][0] = '说明'; }); // 经营主体满意度, under a merged 二级
    rightOrRefused(spec, ['docx', 'html', 'tab', 'pipe'], 'refused');
  });

  it('a table continued in a second physical table is read whole when as wide, refused when not', () => {
    const same = edit(NATIONAL, (rows, blocks) => {
      rows[9][0] = m('绩\n效\n指\n标', 9);
      blocks.splice(blocks.indexOf(blocks.find((b) => typeof b !== 'string')!), 1, { rows: rows.slice(0, 18) }, { rows: [[m('', 2), ...rows[18]], ...rows.slice(19)] });
    });
    for (const format of ['docx', 'html', 'tab', 'pipe'] as Format[]) expect({ format, got: outcome(same, format) }).toEqual({ format, got: ORIGINAL });
    const narrower = edit(NATIONAL, (rows, blocks) => {
      rows[9][0] = m('绩\n效\n指\n标', 9);
      blocks.splice(blocks.indexOf(blocks.find((b) => typeof b !== 'string')!), 1, { rows: rows.slice(0, 18) },
        { rows: [[m('满意度指标\n（10分）', 2), m('服务对象满意度指标', 2), '游客满意度', '≥90%', '93%', '5', '5', ''], ['经营主体满意度', '≥85%', '88%', '5', '5', ''], [m('总分', 1, 5), '100', '97.5', '']] });
    });
    for (const format of ['docx', 'html', 'pipe'] as Format[]) expect({ format, got: outcome(narrower, format) }).toEqual({ format, got: 'refused' });
  });

  it('a 总分 with a blank 分值 in text reads its score under 得分', () => {
    const spec = edit(NATIONAL, (rows) => { rows[rows.length - 1] = [m('总分', 1, 6), '', '97.5', '']; });
    for (const format of ALL) expect({ format, got: outcome(spec, format) }).toMatchObject({ format, got: { declared: 97.5 } });
  });

  it('a 总分 row moved one column right is refused', () => {
    const spec = edit(NATIONAL, (rows) => { rows[rows.length - 1] = ['', m('总分', 1, 6), '100', '97.5', '']; });
    rightOrRefused(spec, ['docx', 'html', 'xlsx'], 'refused');
  });
});

describe('text around the table', () => {
  it('the nearest unit line is the table\'s, not a caption of another table further up', () => {
    const spec = edit(NATIONAL, (rows, blocks) => {
      rows[2][0] = m('项目资金', 5);
      blocks.splice(3, 0, '表1 项目资金支出明细（单位：元）', { rows: [['支出项目', '金额'], ['景区提质补助', '2,660,000']] }, '金额单位：万元');
    });
    for (const format of ['docx', 'html', 'tab', 'pipe'] as Format[]) expect({ format, got: outcome(spec, format) }).toEqual({ format, got: ORIGINAL });
  });

  it('a unit printed in a money cell is the cell\'s own', () => {
    const spec = edit(NATIONAL, (rows) => { rows[3] = [m('年度资金总额', 1, 2), '300', '280', '2,660,000元', '10', '95%', '9.5']; });
    for (const format of ['docx', 'tab'] as Format[]) expect(outcome(spec, format)).toMatchObject({ budget: [300, 280, 266] });
  });

  it('an attachment list naming a department form does not make the project table one', () => {
    const spec = edit(NATIONAL, (_rows, blocks) => { blocks.splice(3, 1, '附件：1.部门整体支出绩效自评表（另行报送）', '2.项目支出绩效自评表', '2022年度项目支出绩效自评表'); });
    for (const format of ['docx', 'html'] as Format[]) expect(outcome(spec, format)).toEqual(ORIGINAL);
  });

  it('the year is the table title\'s, not one of the narrative', () => {
    const spec = edit(NATIONAL, (_rows, blocks) => { blocks.splice(0, 3, '一、项目概况', '该项目自2019年起实施，主要用于扶持景区提质和乡村旅游。'); });
    for (const format of ['docx', 'html', 'tab'] as Format[]) expect(parse(spec, format).reports[0].reports[0].year).toBe(2022);
  });
});

describe('goals and header residue', () => {
  it('a blank 预期目标 in text leaves the target blank, not the actual moved into it', () => {
    const spec = edit(NATIONAL, (rows) => { rows[8] = [m('', 1, 4), m('扶持景区提质5个。', 1, 4)]; });
    for (const format of ALL) {
      const [r] = parse(spec, format).reports[0].reports;
      expect({ format, target: r.goal_target, actual: r.goal_actual }).toEqual({ format, target: null, actual: '扶持景区提质5个。' });
    }
  });

  it('one goal text across both goal columns is refused, not read as target and actual both', () => {
    const spec = edit(NATIONAL, (rows) => { rows[8] = [m('扶持5个景区提质，培育10个乡村旅游示范点。', 1, 8)]; });
    for (const format of ['docx', 'html', 'xlsx'] as Format[]) expect(outcome(spec, format)).toBe('refused');
  });

  it('a header row of column letters （A）（B） is no indicator', () => {
    const spec = edit(NATIONAL, (rows) => {
      rows[9][0] = m('绩\n效\n指\n标', 12);
      rows.splice(10, 0, ['', '', '', '（A）', '（B）', '', '', '']);
    });
    for (const format of ['docx', 'html', 'xlsx'] as Format[]) expect({ format, got: outcome(spec, format) }).toEqual({ format, got: ORIGINAL });
  });
});
