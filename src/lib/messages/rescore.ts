/**
 * 复核 words: each rule of src/parser/rescore.ts by its code (the tables keep the code and a
 * language-neutral `rule_note`), and the report page's 复核 cells. Chinese and English, same keys.
 */
export const zh = {
  'rule.budget_rate': '执行率 × 分值（不超过分值）',
  'rule.met_full': '达成：满分',
  'rule.ratio_up': '未达成：实际值 ÷ 目标值 × 分值',
  'rule.ratio_down': '未达成（越低越好）：目标值 ÷ 实际值 × 分值',
  'rule.ratio_equal': '未达成：较小值 ÷ 较大值 × 分值',
  'rule.ratio_range': '超出区间：最近界限与实际值之比 × 分值',
  'rule.all_or_nothing': '排名、时限或是否类目标未达成：不得分',
  'rule.not_verifiable': '无法按规则核实：保留自评分',
  'rule.not_applicable': '不适用：不计分，其余按百分制折算',
  'rule.no_points': '表中没有分值，无法复核',
  'report.rule': '复核',
  'report.ruleHint': '按公开评分规则复算（docs/scoring-rules.md）；自评分高于规则允许时标红',
  'report.ruleOver': '自评 {from} 分，规则允许 {to} 分',
  'report.ruleNote': '复核：{name} 分',
  'report.figure.ruleScore': '复核得分',
  'report.figure.ruleScoreHint': '自评高出 {count} 分 · 可复核 {rate}',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  'rule.budget_rate': 'execution rate × points (at most the points)',
  'rule.met_full': 'met: full points',
  'rule.ratio_up': 'missed: actual ÷ target × points',
  'rule.ratio_down': 'missed (lower is better): target ÷ actual × points',
  'rule.ratio_equal': 'missed: the smaller ÷ the larger × points',
  'rule.ratio_range': 'outside the range: nearest bound against the actual × points',
  'rule.all_or_nothing': 'a rank, deadline or yes/no target missed: no points',
  'rule.not_verifiable': 'cannot be checked by the rules: self-score kept',
  'rule.not_applicable': 'not applicable: left out, the rest scaled to 100',
  'rule.no_points': 'the table gives no points: nothing to check',
  'report.rule': 'By rules',
  'report.ruleHint': 'Scored again by the published rules (docs/scoring-rules.md); red where the self-score goes beyond them',
  'report.ruleOver': 'self-score {from}, the rules allow {to}',
  'report.ruleNote': 'by rules: {name} pts',
  'report.figure.ruleScore': 'Score by the rules',
  'report.figure.ruleScoreHint': '{count} pts above · {rate} checked',
};
