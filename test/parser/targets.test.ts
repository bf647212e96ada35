import { describe, it, expect } from 'vitest';
import { evaluateIndicator, REASONS, type IndicatorEvaluation } from '../../src/parser/targets.ts';

const U = '\u3000'; // the seeds pad cells with U+3000

interface Row {
  level3: string;
  target: string | null;
  actual: string | null;
  expect: Partial<IndicatorEvaluation>;
}

/** kind/op/value/unit/status of a row, plus whatever else the case is about. */
const row = (
  level3: string,
  target: string | null,
  actual: string | null,
  kind: IndicatorEvaluation['kind'],
  target_op: IndicatorEvaluation['target_op'],
  target_value: number | null,
  target_unit: string | null,
  status: IndicatorEvaluation['status'],
  extra: Partial<IndicatorEvaluation> = {},
): Row => ({ level3, target, actual, expect: { kind, target_op, target_value, target_unit, status, ...extra } });

const unverifiable = (reason: string) => ({ actualUnverifiable: true, status_reason: reason });

// Every target/actual pair of the five seed reports (data/raw/*.txt), as the cells read.
const seedRows: Row[] = [
  // 000 产业链
  row('国家级产业集群创建', '≥1', '1', 'quantity', '>=', 1, null, 'met', { actual_value: 1, achievement: 1 }),
  row('省级产业集群创建', '≥3', '4', 'quantity', '>=', 3, null, 'met', { actual_value: 4 }),
  row('国省产业集群数量排名居全省前列', '排名前三', '排名第一', 'rank', '<=', 3, '名', 'met', { actual_value: 1, achievement: null }),
  row('开展产业链现代化建设竞赛', '开展产业链现代化建设竞赛', '开展产业链现代化建设竞赛', 'qualitative', null, null, null, 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('每月调度', '每月调度', '12', 'frequency', '>=', 12, '次/年', 'met', { actual_value: 12, achievement: 1 }),
  row('每季度讲评', '每季度讲评', '4', 'frequency', '>=', 4, '次/年', 'met', { actual_value: 4 }),
  row('“3+3+2”产业总规模', '6000亿元', '7000亿元', 'quantity', '>=', 6000, '亿元', 'met', { actual_value: 7000, actual_unit: '亿元' }),
  row('制造业占GDP比重', `${U}30%`, `${U}33.9%`, 'quantity', '>=', 30, '%', 'met', { actual_value: 33.9, achievement: 1.13 }),
  row('制造名城美誉度', '全省前三', '全省第一', 'rank', '<=', 3, '名', 'met', { actual_value: 1 }),
  row('新兴产业发展', '13条产业链稳定发展', '稳定发展', 'qualitative', null, null, null, 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('满意度', '大于等于85%', '满意度达90%', 'quantity', '>=', 85, '%', 'met', { actual_value: 90, actual_unit: '%' }),
  // 001 企协: targets inside the names, blank target cells
  row('2场长株潭企业配套协作活动', '\n\n\n', '3场', 'quantity', '>=', 2, '场', 'met', { targetFromName: true, actual_value: 3, achievement: 1.5 }),
  row('10场企业家沙龙', null, '6场沙龙、1场企业家年会', 'quantity', '>=', 10, '场', 'not_met', { targetFromName: true, actual_value: 6, achievement: 0.6 }),
  row('2场产业链供需对接活动', '', '4场', 'quantity', '>=', 2, '场', 'met', { targetFromName: true, actual_value: 4 }),
  row('20场株洲“名优特”产品进机关、进企业巡展活动', U, '24场次', 'quantity', '>=', 20, '场', 'met', { targetFromName: true, actual_value: 24, actual_unit: '场', achievement: 1.2 }),
  row('大学生暑期大厂大所行', '', '3批次', 'quantity', null, null, null, 'unknown', { targetMissing: true, actual_value: 3, actual_unit: '批次', status_reason: REASONS.targetMissing }),
  row('验收合格（%）', '100%', '验收合格（%）', 'quantity', '>=', 100, '%', 'claimed', unverifiable(REASONS.repeatsName)),
  row('资金到位时效', '及时', '及时', 'qualitative', null, null, null, 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('补助', '“国企带民企大手牵小手”66万，大学生暑期大厂大所行17.5万', '', 'quantity', '>=', 83.5, '万', 'unknown', unverifiable(REASONS.actualBlank)),
  row('提高本地产品配套率  ', '明显提升', '明显提升', 'qualitative', null, null, null, 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('企业满意度', '80%以上', '80%以上', 'quantity', '>=', 80, '%', 'claimed', unverifiable(REASONS.repeatsTarget)),
  // 002 服务先进制造业 (益阳)
  row('新入规企业', '135家', '136家', 'quantity', '>=', 135, '家', 'met', { actual_value: 136, actualUnverifiable: false }),
  row('创客中国大赛获奖企业家数', '12家', '12家', 'quantity', '>=', 12, '家', 'met', { achievement: 1, actualUnverifiable: false }),
  row('下拨经费符合相关政策规定比率', '100%', '100%', 'quantity', '>=', 100, '%', 'met', { achievement: 1 }),
  row('获得省委省政府真抓实干激励奖', '1个', '1个', 'quantity', '>=', 1, '个', 'met'),
  row('全部资金下拨时间', '2022年年底以前', '2022年年底以前', 'deadline', null, null, null, 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('创客中国大赛获奖企业奖励资金', '64万元', '64万元', 'quantity', '>=', 64, '万元', 'met'),
  row('工业企业技改税收增量奖补完工评价费', '43.74万元', '43.74万元', 'quantity', '>=', 43.74, '万元', 'met', { actual_value: 43.74 }),
  row('先进制造业高质量发展真抓实干奖励', '160万元', '160万元', 'quantity', '>=', 160, '万元', 'met'),
  row('“三型两网”建设真抓实干奖励', '90万元', '90万元', 'quantity', '>=', 90, '万元', 'met'),
  row('规模以上工业增加值', '≥全省平均水平', '6.8%', 'relative', '>=', null, null, 'unknown', { actual_value: 6.8, actual_unit: '%', status_reason: '需要全省平均水平，报告中没有' }),
  row('工业投资增速', '≥全省平均水平', '28.5%', 'relative', '>=', null, null, 'unknown', { actual_value: 28.5 }),
  row('促进就业', '成效明显', '成效明显', 'qualitative', null, null, null, 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('工业领域生态环境保护', '不断加强', '不断加强', 'qualitative', null, null, null, 'claimed', { actualUnverifiable: true }),
  row('我市先进制造业高质量发展', '持续推动', '持续推动', 'qualitative', null, null, null, 'claimed', { actualUnverifiable: true }),
  row('解决十大产业链问题满意率', '≥90%', '96%', 'quantity', '>=', 90, '%', 'met', { actual_value: 96 }),
  // 003 园区建设
  row('新引进、新开工、新竣工5000万以上产业项目个数。', `${U}新引进、新开工、新竣工5000万以上产业项目145、130、110个`,
    '新引进、新开工、新竣工5000万以上产业项目177个、137个、145个，分别完成年度任务的122%、102%、126%',
    'quantity', '>=', 385, '个', 'met', { actual_value: 459, actual_unit: '个', achievement: 1.05384615385 }),
  row('创建“五好”园区', `${U}争创2家及以上先进园区`,
    `${U}醴陵经开区获2022年度省政府真抓实干“五好”园区激励表彰，获评“全省先进园区”。株洲高新区获评位居全国先进制造业百强园第84位，全省营商环境排名前10的园区`,
    'quantity', '>=', 2, '家', 'unknown', { status_reason: REASONS.noComparable, actual_value: null }),
  row('5月、7月、10月、以及次年1月进行园区工作考核', `${U}完成率100%`, `${U}已完成`, 'quantity', '>=', 100, '%', 'claimed', { status_reason: REASONS.doneWithoutNumber, actual_value: null }),
  row('考核奖励、亩均效益、园区建设发展相关费用', `${U}810.24万元`, `${U}810.24万元`, 'quantity', '>=', 810.24, '万元', 'met'),
  row('全市园区技工贸总收入增长10%', `${U}10%`, `${U}10.4%`, 'quantity', '>=', 10, '%', 'met', { actual_value: 10.4, achievement: 1.04 }),
  row('打造绿色园区，降低企业能耗', `${U}争创1家及以上绿色园区`, `${U}荷塘高新区获评省级绿色园区`, 'quantity', '>=', 1, '家', 'unknown', { status_reason: REASONS.noNumber }),
  row('平安园区', `${U}安全事故发生率0%`, `${U}全年园区0事故`, 'quantity', '<=', 0, '%', 'met', { actual_value: 0, status_reason: REASONS.zeroEvents }),
  row('园区承载力', `${U}园区“三类地”年度处置盘活率100%`, `${U}全年处置园区“三类地”10602亩，完成100%`, 'quantity', '>=', 100, '%', 'met', { actual_value: 100 }),
  row('园区营商环境', `${U}满意度100%`, `${U}株洲高新区再次获得全省营商环境10强`, 'quantity', '>=', 100, '%', 'unknown', { status_reason: REASONS.noComparable }),
  // 004 中小企业科
  row('省级专精特新中小企业', '≧50家', '80家', 'quantity', '>=', 50, '家', 'met', { actual_value: 80, achievement: 1.6 }),
  row('国家专精特新小巨人企业', '', '21家', 'quantity', null, null, null, 'unknown', { targetMissing: true, actual_value: 21, actual_unit: '家' }),
  row('国家重点小巨人', '', '9家', 'quantity', null, null, null, 'unknown', { targetMissing: true, actual_value: 9 }),
  row('补助', '30-50万/家', '30-50万/家', 'range', 'between', 30, '万/家', 'claimed', { target_value_max: 50, ...unverifiable(REASONS.repeatsTarget) }),
  row('奖励', '10-20万/家', '10-20万/家', 'range', 'between', 10, '万/家', 'claimed', { target_value_max: 20, actualUnverifiable: true }),
];

// The patterns of domain.md and the usual variants.
const patternRows: Row[] = [
  row('满意度', '大于等于85%', '80%', 'quantity', '>=', 85, '%', 'not_met', { achievement: 0.941176470588 }),
  row('满意度', '不低于90%', '92%', 'quantity', '>=', 90, '%', 'met'),
  row('新增企业', '不少于5家', '4家', 'quantity', '>=', 5, '家', 'not_met', { achievement: 0.8 }),
  row('培育企业', '2个以上', '3个', 'quantity', '>=', 2, '个', 'met'),
  row('示范园区', '争创2家及以上', '2家', 'quantity', '>=', 2, '家', 'met'),
  row('新增入规企业', '≥１０家', '１２家', 'quantity', '>=', 10, '家', 'met', { actual_value: 12 }),
  row('完成率', '１００％', '９８％', 'quantity', '>=', 100, '%', 'not_met', { actual_value: 98 }),
  row('项目资金', '1,234.5万元', '1,300万元', 'quantity', '>=', 1234.5, '万元', 'met', { actual_value: 1300 }),
  row('误差率', '5%以内', '3%', 'quantity', '<=', 5, '%', 'met', { achievement: 0.6 }),
  row('项目成本', '不超过100万元', '120万元', 'quantity', '<=', 100, '万元', 'not_met', { achievement: 1.2 }),
  row('差错率', '≤3%', '2.5%', 'quantity', '<=', 3, '%', 'met'),
  row('办理时限', '≦10天', '12天', 'quantity', '<=', 10, '天', 'not_met'),
  row('返工率', '不高于2%', '1%', 'quantity', '<=', 2, '%', 'met'),
  row('投诉率', '低于1%', '0.5%', 'quantity', '<=', 1, '%', 'met'),
  row('投诉处理及时率', '100%', '100%', 'quantity', '>=', 100, '%', 'met'), // 投诉 here is no bad-thing rate
  row('安全事故发生率', '0%', '0%', 'quantity', '<=', 0, '%', 'met', { achievement: null }),
  row('安全事故发生率', '0起', '未发生安全事故', 'quantity', '<=', 0, null, 'met', { actual_value: 0 }),
  row('平安园区', '安全事故发生率0%', '无', 'quantity', '<=', 0, '%', 'met', { actual_value: 0 }),
  row('平安园区', '安全事故发生率0%', '发生事故2起', 'quantity', '<=', 0, '%', 'unknown', { status_reason: REASONS.noComparable }),
  row('覆盖率', '=100%', '100%', 'quantity', '=', 100, '%', 'met'),
  row('示范项目', '﹦1个', '2个', 'quantity', '=', 1, '个', 'not_met'),
  row('验收合格率', '﹦100%', '100%', 'quantity', '=', 100, '%', 'met'),  // an equals target answered by its value is a statement, not a restatement
  row('产业总规模', '5000万元', '0.6亿元', 'quantity', '>=', 5000, '万元', 'met', { actual_value: 6000, actual_unit: '万元', achievement: 1.2 }),
  row('产业总规模', '1亿元', '8000万元', 'quantity', '>=', 1, '亿元', 'not_met', { actual_value: 0.8, achievement: 0.8 }),
  row('奖补资金', '66万', '66万元', 'quantity', '>=', 66, '万', 'met', { actual_value: 66 }),
  row('新增企业', '≥10家', '完成12个项目、投资5亿元', 'quantity', '>=', 10, '家', 'unknown', { status_reason: REASONS.noComparable, actual_value: null }),
  row('新增企业', '≥10家', '12个', 'quantity', '>=', 10, '家', 'unknown', { status_reason: REASONS.noComparable }), // 个 ≠ 家
  row('新增企业', '≥10家', '12', 'quantity', '>=', 10, '家', 'met', { actual_value: 12, actual_unit: '家' }),
  row('新增企业', '≥10家', '未完成', 'quantity', '>=', 10, '家', 'not_met'),
  row('省级集群', '≥3', '新增4个', 'quantity', '>=', 3, null, 'met', { actual_value: 4 }),
  row('补助标准', '平均每家补助30万元', '30万元', 'quantity', '>=', 30, '万元', 'met'),
  row('满意度', '≥90%', '', 'quantity', '>=', 90, '%', 'unknown', unverifiable(REASONS.actualBlank)),
  row('满意度', '≥90%', '/', 'quantity', '>=', 90, '%', 'unknown', unverifiable(REASONS.actualBlank)),
  row('企业满意度', '80%以上', '企业满意度80%以上', 'quantity', '>=', 80, '%', 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('企业满意度', '80%以上', '满意度85%以上', 'quantity', '>=', 80, '%', 'met', { actual_value: 85 }),
  // several values
  row('项目个数', '145、130、110个', '150个、120个、110个', 'quantity', '>=', 385, '个', 'partial', { status_reason: REASONS.someItemsMissed, achievement: 0.923076923077 }),
  row('企业个数', '10、20家', '5家、10家', 'quantity', '>=', 30, '家', 'not_met', { actual_value: 15, achievement: 0.5 }),
  row('项目个数', '145、130、110个', '完成150个', 'quantity', '>=', 385, '个', 'unknown', { status_reason: REASONS.itemsMismatch }),
  // ranks, Chinese numerals
  row('美誉度', '全省前三', '全省第9位', 'rank', '<=', 3, '名', 'not_met', { actual_value: 9 }),
  row('排名', '前3', '第1位', 'rank', '<=', 3, '名', 'met', { actual_value: 1 }),
  row('排名', '排名前十', '获评全省10强', 'rank', '<=', 10, '名', 'met', { actual_value: 10 }),
  row('排名', '全省第一', '全省第二', 'rank', '<=', 1, '名', 'not_met', { actual_value: 2 }),
  row('排名', '全省前三', '排名第ー', 'rank', '<=', 3, '名', 'met', { actual_value: 1 }),
  row('排名', '全省前三', '未进入前三', 'rank', '<=', 3, '名', 'not_met'),
  row('排名', '全省前三', '排名靠前', 'rank', '<=', 3, '名', 'unknown', { status_reason: REASONS.noRank }),
  // frequencies
  row('每月调度', '每月调度', '10', 'frequency', '>=', 12, '次/年', 'not_met', { actual_value: 10 }),
  row('讲评', '每季度讲评', '按季度讲评', 'frequency', '>=', 4, '次/年', 'claimed', unverifiable(REASONS.repeatsTarget)),
  row('评估', '每半年评估一次', '2次', 'frequency', '>=', 2, '次/年', 'met'),
  row('调度', '每周调度', '全年调度52次', 'frequency', '>=', 52, '次/年', 'met', { actual_value: 52 }),
  row('培训', '每月2次', '全年开展20次', 'frequency', '>=', 24, '次/年', 'not_met'),
  row('年度考核', '每年1次', '1', 'frequency', '>=', 1, '次/年', 'met'),
  // ranges
  row('补助', '30-50万/家', '40万/家', 'range', 'between', 30, '万/家', 'met', { target_value_max: 50, actual_value: 40 }),
  row('补助', '30-50万/家', '60万/家', 'range', 'between', 30, '万/家', 'not_met', { actual_value: 60 }),
  row('奖励', '10~20万元/家', '15-18万元/家', 'range', 'between', 10, '万元/家', 'met', { status_reason: REASONS.actualIsRange }),
  row('奖励', '10至20家', '平均发放', 'range', 'between', 10, '家', 'unknown', { status_reason: REASONS.noNumber }),
  // deadlines
  row('下拨时间', '2022年年底以前', '已完成', 'deadline', null, null, null, 'met'),
  row('下拨时间', '2022年年底以前', '2023年3月完成', 'deadline', null, null, null, 'not_met'),
  row('下拨时间', '2022年6月底前', '2022年5月已拨付', 'deadline', null, null, null, 'met'),
  row('完成时间', '年底前完成', '延期至次年', 'deadline', null, null, null, 'not_met'),
  row('下拨时间', '2022年年底以前', '正在推进', 'deadline', null, null, null, 'unknown', { status_reason: REASONS.noDate }),
  row('下拨时间', '2022年年底以前', '2022年底前', 'deadline', null, null, null, 'claimed', unverifiable(REASONS.repeatsTarget)),
  // relative
  row('增加值增速', '≥全国平均水平', '高于全国2个百分点', 'relative', '>=', null, null, 'unknown', { status_reason: '需要全国平均水平，报告中没有' }),
  // qualitative
  row('本地配套率', '明显提升', '配套率明显提升', 'qualitative', null, null, null, 'met', { actualUnverifiable: false }),
  row('本地配套率', '明显提升', '有所提升', 'qualitative', null, null, null, 'partial', { status_reason: REASONS.partlyDone }),
  row('促进就业', '成效明显', '基本完成', 'qualitative', null, null, null, 'partial'),
  row('高质量发展', '持续推动', '未完成', 'qualitative', null, null, null, 'not_met'),
  row('生态保护', '不断加强', '部分完成', 'qualitative', null, null, null, 'partial'),
  row('资金到位时效', '及时', '资金已及时拨付到位', 'qualitative', null, null, null, 'met'),
  row('新兴产业发展', '稳定发展', '没有达到预期', 'qualitative', null, null, null, 'not_met'),
  row('平安园区', '安全生产', '全年未发生安全事故', 'qualitative', null, null, null, 'met'), // 未发生 is good news
  // missing or odd cells
  row('', null, null, 'qualitative', null, null, null, 'unknown', { targetMissing: true, actualUnverifiable: true }),
  row('成本指标', '无', '', 'qualitative', null, null, null, 'unknown', { targetMissing: true, status_reason: REASONS.targetMissing }),
  row('验收合格（%）', '', '验收合格（%）', 'qualitative', null, null, null, 'unknown', { targetMissing: true, actualUnverifiable: true }),
];

describe('evaluateIndicator: the five seed reports', () => {
  it.each(seedRows)('$level3 | $target | $actual', ({ level3, target, actual, expect: expected }) => {
    const result = evaluateIndicator({ level3, targetText: target, actualText: actual });
    const { achievement, ...rest } = expected;
    expect(result).toMatchObject(rest);
    if (achievement !== undefined) {
      if (achievement === null) expect(result.achievement).toBeNull();
      else expect(result.achievement).toBeCloseTo(achievement, 6);
    }
  });
});

describe('evaluateIndicator: target/actual patterns', () => {
  it.each(patternRows)('$level3 | $target | $actual', ({ level3, target, actual, expect: expected }) => {
    const result = evaluateIndicator({ level3, targetText: target, actualText: actual });
    const { achievement, ...rest } = expected;
    expect(result).toMatchObject(rest);
    if (achievement !== undefined) {
      if (achievement === null) expect(result.achievement).toBeNull();
      else expect(result.achievement).toBeCloseTo(achievement, 6);
    }
  });
});

describe('evaluateIndicator: contract of the result', () => {
  it('gives a reason for every unknown and partial status, none for a plain met', () => {
    for (const { level3, target, actual } of [...seedRows, ...patternRows]) {
      const result = evaluateIndicator({ level3, targetText: target, actualText: actual });
      if (result.status === 'unknown' || result.status === 'claimed' || result.status === 'partial') expect(result.status_reason, level3).toBeTruthy();
      if (result.actualUnverifiable) expect(['unknown', 'claimed'], level3).toContain(result.status);
    }
    expect(evaluateIndicator({ level3: '新入规企业', targetText: '135家', actualText: '136家' }).status_reason).toBeNull();
  });

  it('keeps percentages in % while achievement is a fraction', () => {
    const result = evaluateIndicator({ level3: '制造业占GDP比重', targetText: '30%', actualText: '33.9%' });
    expect([result.target_value, result.actual_value, result.achievement]).toEqual([30, 33.9, 1.13]);
  });

  it('reports actual_value in the target unit after conversion', () => {
    const result = evaluateIndicator({ level3: '规模', targetText: '6000亿元', actualText: '70000000万元' });
    expect(result).toMatchObject({ actual_value: 7000, actual_unit: '亿元', status: 'met' });
  });
});

describe('evaluateIndicator: robustness', () => {
  const hostile = [
    '≥'.repeat(100_000) + 'x',
    '1'.repeat(100_000) + 'x',
    '前'.repeat(50_000) + '三'.repeat(50_000),
    '每月'.repeat(50_000),
    '2022年'.repeat(20_000) + '以前',
    '30-'.repeat(30_000) + '50万/家',
    '\u3000'.repeat(100_000) + '10家',
    '１'.repeat(100_000),
  ];

  it.each(hostile.map((h) => [JSON.stringify(h.slice(0, 6)), h]))('hostile %s answers fast', (_label, text) => {
    const t0 = performance.now();
    const a = evaluateIndicator({ level3: text, targetText: text, actualText: text });
    const b = evaluateIndicator({ level3: '指标', targetText: text, actualText: '12家' });
    const c = evaluateIndicator({ level3: '指标', targetText: '≥10家', actualText: text });
    // A hang detector, not a benchmark: linear code answers in well under a millisecond, a
    // backtracking pattern would take minutes; the bound leaves room for a loaded machine.
    expect(performance.now() - t0).toBeLessThan(2000);
    for (const r of [a, b, c]) expect(['met', 'partial', 'not_met', 'claimed', 'unknown']).toContain(r.status);
  });

  it('reads a padded huge cell like its short self', () => {
    const result = evaluateIndicator({ level3: '指标', targetText: '\u3000'.repeat(100_000) + '10家', actualText: '12家' });
    expect(result).toMatchObject({ target_value: 10, target_unit: '家', status: 'met' });
  });

  it('never throws on 300 random unicode inputs of up to 100 KB, and stays fast', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = '0123456789.%、，-~万亿元家个场次前第强每月季度年底以前≥≤以上以内未基本　ーー一二三十 ';
    const randomText = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += next() < 0.5 ? alphabet[Math.floor(next() * alphabet.length)] : String.fromCharCode(Math.floor(next() * 0xffff));
      return s;
    };
    let slowest = 0;
    for (let i = 0; i < 300; i++) {
      const size = i % 50 === 0 ? 100_000 : Math.floor(next() * 60);
      const [l, t, a] = [randomText(size), randomText(Math.floor(next() * 30)), randomText(Math.floor(next() * 30))];
      const t0 = performance.now();
      const result = evaluateIndicator({ level3: l, targetText: i % 3 ? t : l, actualText: a });
      slowest = Math.max(slowest, performance.now() - t0);
      expect(['quantity', 'rank', 'frequency', 'deadline', 'range', 'relative', 'qualitative']).toContain(result.kind);
    }
    expect(slowest).toBeLessThan(2000); // a hang detector with room for a loaded machine
  });

  it('survives inputs outside its type', () => {
    const odd = [undefined, null, 42, {}, ['10家']] as unknown as string[];
    for (const v of odd) {
      expect(() => evaluateIndicator({ level3: v, targetText: v, actualText: v })).not.toThrow();
    }
    expect(evaluateIndicator(null as unknown as { level3: string; targetText: null; actualText: null })).toMatchObject({ status: 'unknown' });
  });
});
