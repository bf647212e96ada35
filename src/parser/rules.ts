/**
 * The grammar of 年度指标值 (targets) and 实际完成值 (actuals): every regular expression that
 * numbers.ts and targets.ts use, named and explained in one place.
 *
 * Safety rules followed by every pattern here (inputs are arbitrary report text):
 * - no nested quantifiers of the `(a+)+` kind; a quantified group always starts with a
 *   mandatory separator (`,` or `.`) so its iterations cannot overlap;
 * - a pattern that starts with a repeated class is preceded by a look-behind that excludes the
 *   same class, so a scan tries each run of digits / numerals once, not once per position
 *   (this keeps `'1'.repeat(100000) + 'x'` linear instead of quadratic);
 * - no `\s+$`-style trimming (quadratic in V8 on long blanks): trimming is done by code.
 * Patterns run on text already passed through toHalfWidth (ASCII digits, `%`, `>`, `=`).
 */

/** A decimal number: `1,234.5` (ASCII thousands commas, exactly 3 digits per group) or `33.9`. */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?`;

/**
 * Units that may follow a number, longest alternative first (万元 before 万, 场次 before 场,
 * 个百分点 before 个), because alternation takes the first alternative that matches.
 * Money may carry a per-unit denominator: `30-50万/家`.
 */
export const UNIT_SOURCE =
  '(?:亿元|万元|元|亿|万)(?:/(?:家|个|人|户|项|次|亩|年))?|个百分点|百分点|%|‰' +
  '|场次|人次|家次|户次|批次|个月|场|家|个|次|批|亩|人|名|项|件|户|条|所|台|套|篇|期|座|栋|吨' +
  '|公里|平方米|千瓦|小时|天|日|周|月|年|位|分';

/** A whole numeric cell: optional sign, one number, optional unit, nothing else (`10分`, `-3.5%`). */
export const RE_NUMBER_CELL = new RegExp(`^([+-]?)(${NUMBER_SOURCE})\\s?(${UNIT_SOURCE})?$`);

/** A plain unsigned decimal and nothing else (`12`, `3.5`): the digit form of a numeral. */
export const RE_PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** Any ASCII digit: an actual without one cannot state a figure. */
export const RE_HAS_DIGIT = /\d/;

/** Thousands separators inside a matched number, removed before Number(). */
export const RE_THOUSANDS_COMMA = /,/g;

/**
 * Every number in prose with the unit right after it (`满意度达90%` → 90 %, `6场沙龙` → 6 场).
 * The look-behind stops a match starting inside another number (`10.4` is one token).
 */
export const RE_NUMBER_TOKEN = new RegExp(`(?<![\\d.])(${NUMBER_SOURCE})\\s?(${UNIT_SOURCE})?`, 'g');

/**
 * Any character toHalfWidth would change: full-width digits, letters, ％．，＋－＝＜＞／ and ー.
 * A quick test so that text without them is returned untouched (the mapping itself is a loop).
 */
export const RE_NEEDS_HALF_WIDTH = /[０-９Ａ-Ｚａ-ｚ％．，＋－＝＜＞／ー]/;

/** The full-width comma: in Chinese prose a clause separator, never a thousands separator. */
export const RE_FULL_WIDTH_COMMA = /，/g;

/** □ (U+25A1): padding some copies of the tables carry instead of U+3000. */
export const RE_BOX_PADDING = /□/g;

/** Line breaks inside a cell (a cell split over lines is one text, joined without a space). */
export const RE_LINE_BREAKS = /[\r\n]/g;

/** Characters ignored when comparing an actual with its target or name (`80%以上。`). */
export const RE_COMPARE_IGNORED = /[\s。，,、；;：:（）()“”"'‘’「」《》!！?？]/g;

/** Cells that mean "nothing here": 无, /, -, ——, ……, 不适用. */
export const RE_PLACEHOLDER = /^(?:无|\/|-|—{1,8}|…{1,8}|\.{1,8}|不适用|\\)$/;

// ── operators ───────────────────────────────────────────────────────────────────────────────

/**
 * "At least". 不低于/不少于 are listed and the look-behinds stop 不超过 / 不高于 / 不大于 from
 * being read as 超过 / 高于 / 大于. `>` counts as `>=` (reports do not mean strictness).
 */
export const RE_AT_LEAST =
  /≥|≧|⩾|>=|>|大于或?等于|不低于|不少于|不小于|至少|及以上|以上|(?<!不)超过|(?<!不)高于|(?<!不)多于|(?<!不)大于|达到/;

/** "At most": ≤ ≦ 以内 不超过 不高于; 低于 / 少于 only when not negated (不低于 is at least). */
export const RE_AT_MOST =
  /≤|≦|⩽|<=|<|小于或?等于|不超过|不高于|不多于|不大于|以内|之内|以下|(?<!不)低于|(?<!不)少于|(?<!不)小于|控制在|至多|最多/;

/** "Equals": = and ﹦ (U+FE66), ═ (U+2550, typed for = in 云南's tables); 等于 unless part of 大于等于 / 小于等于. */
export const RE_EQUALS = /=|﹦|═|(?<![大小]于|或)等于/;

/**
 * Rates and counts of bad things (安全事故发生率, 投诉率, 差错数, 超支): their targets are maxima.
 * The bad word must be followed by a rate/count noun, so 投诉处理及时率 (a minimum) is not one.
 */
export const RE_MAXIMUM_WORDS =
  /(?:事故|投诉|差错|失误|违规|违纪|返工|缺陷)(?:发生)?(?:率|数|次数|起数|件数)|发生率|不良率|误差|超支/;

// ── kinds ───────────────────────────────────────────────────────────────────────────────────

/**
 * A target measured against an outside figure (`≥全省平均水平`); the match names the baseline.
 * A bare 平均 needs a region before or 水平/值 after it: `平均每家补助30万元` is a quantity.
 */
export const RE_RELATIVE =
  /(?:全省|全国|全市|全区|同行业|行业)平均(?:水平|值|数|增速|增幅|线)?|平均(?:水平|值|数|增速|增幅|线)|(?:上年|去年|同期)水平/;

/** A frequency (`每月调度`, `每季度讲评`, `按月`, `每月2次`): group 1 the period, 2 the count. */
export const RE_FREQUENCY = /(?:每|按)\s?(周|旬|月|季度|季|半年|年)(?:\s?(\d{1,3}|[一二两三四五六七八九十]{1,3})\s?次)?/;

/** A dated deadline (`2022年年底以前`, `2022年6月底前`, `2023年3月31日前`): 1 year, 2 month. */
export const RE_DEADLINE_DATED =
  /(?<!\d)(\d{4})\s?年度?\s?(?:(\d{1,2})\s?月)?\s?(?:\d{1,2}\s?[日号])?\s?(?:年底|年末|底|末|份)?\s?(?:以前|之前|前|内)/;

/** An undated deadline (`年底前`, `6月底前完成`, `年内`): group 1 the month when given. */
export const RE_DEADLINE_UNDATED =
  /(?:年底|年末|月底|月末|季末|(?<!\d)(\d{1,2})\s?月(?:底|末)?)\s?(?:以前|之前|前)|年内/;

/** A date in an actual (`2022年11月`): 1 year, 2 month. */
export const RE_DATE = /(?<!\d)(\d{4})\s?年(?:\s?(\d{1,2})\s?月)?/;

/**
 * A bounded rank: 前三, 排名前10名, 全省前3位. The look-behind drops 以前/之前/提前/目前…; the
 * look-ahead drops 前三季度, 前10个月, 前30天 (and stops a digit run from being cut short).
 */
export const RE_RANK_TOP =
  /(?<![以之提目当此事年日眼])前\s?(\d{1,4}|[一二两三四五六七八九十百]{1,4})\s?(?:名|位|强)?(?![\d一二两三四五六七八九十百季个月年天周批期次日])/;

/** A bounded rank written as N强 (`营商环境10强`, `百强`): rank ≤ N. */
export const RE_RANK_STRONG = /(?<![\d一二两三四五六七八九十百])(\d{1,4}|[一二两三四五六七八九十百]{1,4})\s?强/;

/** An exact rank: 第一, 第1位, 第84位; not 第一批, 第三方, 第二季度, 第一届. */
export const RE_RANK_POSITION =
  /第\s?(\d{1,4}|[一二两三四五六七八九十百]{1,4})\s?(?:名|位)?(?![\d一二两三四五六七八九十百批方季届期次轮年天章条款节部个家类档阶])/;

/** A range: `30-50万/家`, `10~20家`, `5至8次`; 1 low, 2 its unit, 3 high, 4 its unit. */
export const RE_RANGE = new RegExp(
  `(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s?(${UNIT_SOURCE})?\\s?(?:-|~|～|—|–|至|到)\\s?(\\d+(?:\\.\\d+)?)\\s?(${UNIT_SOURCE})?`,
);

/** Separators between the items of a list of values (`145、130、110个`). */
export const RE_LIST_SEPARATOR = /^\s?[、;；]\s?$/;

/** A count at the start of an indicator name (`2场长株潭企业配套协作活动`): 1 value, 2 unit. */
export const RE_NAME_LEADING_COUNT = new RegExp(`^(${NUMBER_SOURCE})\\s?(${UNIT_SOURCE})`);

/** A percentage ending an indicator name (`全市园区技工贸总收入增长10%`): 1 value. */
export const RE_NAME_TRAILING_PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)%$/;

/**
 * A qualitative predicate ending a target (`明显提升`, `13条产业链稳定发展`, `及时`): such a
 * target is judged by words even when it names a count of its subject.
 */
export const RE_QUALITATIVE_ENDING =
  /(?:提升|提高|加强|推动|推进|发展|改善|增强|优化|完善|明显|显著|及时|良好|稳定|到位|规范|有序)$/;

// ── what an actual says ─────────────────────────────────────────────────────────────────────

/** A negation: not done. 未发生/未出现 are good news (no accident), 未来 is the future. */
export const RE_NEGATIVE =
  /未(?!发生|出现|来|曾发生)|没有(?!发生|出现)|尚未|不足|不到位|不达标|不及时|不合格|滞后|延期|逾期|推迟|无法完成/;

/** Partly done: 基本, 部分, 有所, 初步, 一定程度. */
export const RE_PARTIAL = /基本|部分|有所|初步|一定程度/;

/** Done / on time: 已完成, 按时, 如期, 提前, 全额, or a cell saying only 完成. */
export const RE_DONE = /已|按时|如期|提前|全额|足额|^完成$/;

/** A target about completion (`完成率100%`), which an actual of `已完成` answers. */
export const RE_COMPLETION_TARGET = /完成|办结|到位/;

/** Zero of something bad (`全年园区0事故`, `零投诉`, `未发生安全事故`, a bare `无`): meets a `<= 0` target. */
export const RE_ZERO_EVENTS =
  /(?<![\d.])0\s?(?:起|次|件|例|个)?(?:安全|生产|质量)?(?:事故|投诉|差错|违规)|零(?:事故|投诉|差错|违规)|未发生|无(?:安全|生产|重大)?(?:事故|投诉|差错)|没有发生|^无$/;
