/**
 * The words the dataset generator builds reports from: funds by policy area (each with the
 * departments that run them and the projects they pay for), indicators by 二级 category in the
 * forms the bundled and real reports print (counts, rates, cost caps, deadlines, comparisons with
 * a provincial average, words only), and the reasons given for points deducted.
 */

export interface FundArea {
  /** `{}` takes the fund's theme: `{}发展专项资金`. */
  funds: readonly string[];
  themes: readonly string[];
  departments: readonly string[];
  implementers: readonly string[];
  projects: readonly string[];
}

export const FUND_AREAS: readonly FundArea[] = [
  {
    funds: ['{}发展专项资金', '{}产业发展专项资金', '{}专项资金'],
    themes: ['经济信息产业', '先进制造业', '中小企业', '工业转型升级', '数字经济', '新材料产业', '软件和信息服务业', '民营经济'],
    departments: ['市工信局', '市工业和信息化局', '市发展改革委'],
    implementers: ['市产业链促进中心', '市中小微企业服务发展中心', '市工业和信息化局', '市经济研究中心'],
    projects: ['产业链专项', '企协专项', '专精特新专项', '技改奖补', '园区建设专项', '数字化转型专项', '创新平台专项', '品牌培育专项'],
  },
  {
    funds: ['{}专项资金', '{}发展资金', '{}补助资金'],
    themes: ['农业产业化', '乡村振兴', '现代农业', '农田水利建设', '农村人居环境整治', '畜牧业发展'],
    departments: ['市农业农村局', '市水利局', '市乡村振兴局'],
    implementers: ['市农业技术推广中心', '市水利工程管理处', '市农村经营服务站', '市畜牧水产事务中心'],
    projects: ['高标准农田建设', '农业社会化服务', '小型水利设施维修', '特色产业扶持', '农村改厕', '良种补贴', '动物防疫补助'],
  },
  {
    funds: ['{}专项资金', '{}补助资金'],
    themes: ['文旅融合发展', '文化产业发展', '体育事业发展', '公共文化服务体系建设', '旅游发展'],
    departments: ['市文化旅游广电局', '市体育局', '市文化和旅游局'],
    implementers: ['市旅游发展中心', '市文化馆', '市图书馆', '市全民健身中心'],
    projects: ['景区提质', '乡村旅游示范', '文化惠民演出', '全民健身设施', '非遗保护传承', '旅游宣传推介'],
  },
  {
    funds: ['{}专项资金', '{}补助资金', '{}经费'],
    themes: ['就业创业', '职业技能提升', '社会保障', '养老服务体系建设', '困难群众救助'],
    departments: ['市人力资源和社会保障局', '市民政局', '市医疗保障局'],
    implementers: ['市就业服务中心', '市社会福利院', '市职业技能鉴定中心', '市救助管理站'],
    projects: ['职业技能培训补贴', '创业担保贷款贴息', '居家养老服务', '临时救助', '公益性岗位补贴', '高校毕业生就业见习'],
  },
  {
    funds: ['{}专项资金', '{}资金'],
    themes: ['生态环境保护', '大气污染防治', '水污染防治', '林业生态建设', '节能减排'],
    departments: ['市生态环境局', '市林业局', '市发展改革委'],
    implementers: ['市环境监测站', '市林业科学研究所', '市生态环境保护综合行政执法支队'],
    projects: ['重点河湖治理', '造林绿化', '污染源在线监测', '秸秆综合利用', '森林防火', '节能技术改造'],
  },
  {
    funds: ['{}专项资金', '{}补助经费'],
    themes: ['教育发展', '义务教育均衡发展', '学前教育发展', '职业教育发展', '卫生健康事业发展', '基本公共卫生服务'],
    departments: ['市教育局', '市卫生健康委', '市教育和体育局'],
    implementers: ['市教育技术装备中心', '市疾病预防控制中心', '市妇幼保健院', '市中心医院'],
    projects: ['薄弱学校改造', '学生资助', '教师培训', '校舍维修', '家庭医生签约服务', '重大传染病防控', '基层医疗设备购置'],
  },
  {
    funds: ['{}专项资金', '{}建设资金'],
    themes: ['城市基础设施建设', '交通运输发展', '城镇老旧小区改造', '市政公用设施维护', '农村公路建设'],
    departments: ['市住房和城乡建设局', '市交通运输局', '市城市管理局'],
    implementers: ['市市政工程管理处', '市公路建设养护中心', '市城市建设投资中心', '市园林绿化中心'],
    projects: ['道路提质改造', '老旧小区改造', '排水管网建设', '农村公路安防', '路灯维护', '公园绿地建设'],
  },
];

/** The template's 一级 categories, each with its 二级 ones, in the table's order. */
export const LEVELS = [
  { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { level1: '满意度指标', level2: ['服务对象满意度指标'] },
] as const;

/** The forms an indicator's target and actual take. */
export type IndicatorForm =
  | { kind: 'count'; name: string; unit: string; min: number; max: number }
  | { kind: 'percent'; name: string; targets: readonly number[] }
  | { kind: 'cost'; name: string }
  | { kind: 'deadline'; name: string }
  | { kind: 'relative'; name: string; actualUnit: '%' }
  /** Words only: the actual restates the target (claimed), or says it is partly done (`partly`, for an outcome short of it). */
  | { kind: 'words'; name: string; target: readonly string[]; actual: readonly string[]; partly: readonly string[] };

const count = (name: string, unit: string, min: number, max: number): IndicatorForm => ({ kind: 'count', name, unit, min, max });
const percent = (name: string, ...targets: number[]): IndicatorForm => ({ kind: 'percent', name, targets });
const words = (name: string, target: string[], actual: string[] = target, partly: string[] = ['基本完成', '部分完成']): IndicatorForm => ({ kind: 'words', name, target, actual, partly });

export const INDICATORS: Readonly<Record<string, readonly IndicatorForm[]>> = {
  数量指标: [
    count('扶持企业数量', '家', 5, 120), count('新建项目个数', '个', 2, 40), count('培训人次', '人次', 200, 5000),
    count('开展活动场次', '场', 3, 30), count('改造道路里程', '公里', 5, 80), count('建设示范点', '个', 3, 25),
    count('补助农户数', '户', 100, 3000), count('新增绿化面积', '亩', 50, 2000), count('发放补贴人数', '人', 100, 8000),
    count('维修校舍面积', '平方米', 1000, 20000), count('购置设备台数', '台', 5, 200),
  ],
  质量指标: [
    percent('项目验收合格率', 95, 98, 100), percent('资金使用合规率', 100), percent('工程质量达标率', 95, 100),
    percent('设备完好率', 90, 95), words('验收情况', ['验收合格', '合格']), words('资金使用规范性', ['规范']),
  ],
  时效指标: [
    percent('资金拨付及时率', 90, 95, 100), percent('项目按期完工率', 90, 100), { kind: 'deadline', name: '项目完成时间' },
    words('资金到位时效', ['及时'], ['及时', '按时到位']),
  ],
  成本指标: [{ kind: 'cost', name: '项目总成本' }, { kind: 'cost', name: '补助资金支出' }, count('单位补助标准', '万元/家', 2, 50)],
  经济效益指标: [
    count('带动社会投资', '亿元', 1, 30), percent('企业营业收入增长率', 5, 8, 10), count('新增税收', '万元', 50, 3000),
    { kind: 'relative', name: '工业增加值增速', actualUnit: '%' }, words('提高本地产品配套率', ['明显提升']),
  ],
  社会效益指标: [
    count('受益群众人数', '人', 500, 50000), count('带动就业人数', '人', 20, 2000),
    words('群众生活条件', ['明显改善', '有效改善'], ['明显改善', '有效改善'], ['有所改善']), words('公共服务水平', ['稳步提升', '明显提升']),
  ],
  生态效益指标: [
    count('节能减排量', '吨标准煤', 100, 20000), percent('森林覆盖率', 40, 50, 60),
    words('生态环境', ['持续改善', '明显改善'], ['持续改善', '明显改善'], ['有所改善', '初步改善']), words('工业领域生态环境保护', ['不断加强']),
  ],
  可持续影响指标: [
    words('长效管理机制', ['建立'], ['已建立', '建立'], ['初步建立']), count('项目持续发挥效益年限', '年', 3, 10),
    words('助推产业发展', ['持续推动', '明显提升']),
  ],
  服务对象满意度指标: [
    percent('服务对象满意度', 80, 85, 90, 95), percent('群众满意度', 85, 90), percent('企业满意度', 80, 85, 90),
    words('受益对象满意情况', ['满意']),
  ],
};

export const DEDUCTION_REASONS = [
  '受疫情影响部分活动延期，下年度加快推进',
  '项目前期手续办理时间较长，已督促实施单位加快进度',
  '部分资金年底下达，未能及时支出，结转下年使用',
  '个别子项目用地未落实，明年续建',
  '绩效目标设定偏高，今后科学合理设定目标',
  '配套资金未及时到位，影响项目进度',
];
