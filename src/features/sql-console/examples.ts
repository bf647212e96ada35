/**
 * Example questions of the SQL console, each a working query over the four tables, written once
 * per language (tested against the bundled data in test/db/sql-examples.test.ts: both run, and
 * give the same figures). Column names carry their unit, so a result reads on its own: Chinese
 * ones in 万元, English ones in CNY M (万元 / 100); rates in percent. `chart` is the quick chart
 * an example opens with, when it has one worth drawing, by column name in each language.
 */
import type { Lang } from '../../lib/url-state.ts';
import type { ResultChartType } from './result-chart-option.ts';

export interface SqlExample {
  id: string;
  sql: Record<Lang, string>;
  chart?: { type: ResultChartType; x: Record<Lang, string>; y: Record<Lang, string> };
}

export const SQL_EXAMPLES: readonly SqlExample[] = [
  {
    id: 'fullScoreMissed',
    sql: {
      zh: `-- 满分却未达成目标的指标：得了满分，完成状态却是“未完成”
-- 合并单元格的分值、得分属于整组（group_weight、group_score）
SELECT r.city AS 城市, r.project AS 项目, i.level3 AS 三级指标,
       i.target_text AS 年度指标值, i.actual_text AS 实际完成值,
       coalesce(i.group_weight, i.weight) AS 分值, coalesce(i.group_score, i.score) AS 得分
FROM indicators i JOIN reports r USING (report_id)
WHERE i.status = 'not_met' AND coalesce(i.group_score, i.score) >= coalesce(i.group_weight, i.weight)
ORDER BY r.city, r.project, i.seq`,
      en: `-- Indicators scored in full although their target was not met
-- Merged weight and score cells belong to the whole group (group_weight, group_score)
SELECT r.city, r.project, i.level3 AS indicator,
       i.target_text AS target, i.actual_text AS actual,
       coalesce(i.group_weight, i.weight) AS weight, coalesce(i.group_score, i.score) AS score
FROM indicators i JOIN reports r USING (report_id)
WHERE i.status = 'not_met' AND coalesce(i.group_score, i.score) >= coalesce(i.group_weight, i.weight)
ORDER BY r.city, r.project, i.seq`,
    },
  },
  {
    id: 'executionByCity',
    sql: {
      zh: `-- 各城市预算执行率 = 全年执行数 / 全年预算数
SELECT city AS 城市,
       ROUND(SUM(budget_adjusted), 2) AS "全年预算数(万元)",
       ROUND(SUM(executed), 2) AS "全年执行数(万元)",
       ROUND(100 * SUM(executed) / SUM(budget_adjusted), 1) AS "执行率(%)"
FROM reports
GROUP BY city
ORDER BY "执行率(%)"`,
      en: `-- Budget execution rate by city = executed / adjusted budget (CNY M = 万元 / 100)
SELECT city,
       ROUND(SUM(budget_adjusted) / 100, 4) AS "adjusted budget (CNY M)",
       ROUND(SUM(executed) / 100, 4) AS "executed (CNY M)",
       ROUND(100 * SUM(executed) / SUM(budget_adjusted), 1) AS "execution rate (%)"
FROM reports
GROUP BY city
ORDER BY "execution rate (%)"`,
    },
    chart: { type: 'bar', x: { zh: '城市', en: 'city' }, y: { zh: '执行率(%)', en: 'execution rate (%)' } },
  },
  {
    id: 'commonFindings',
    sql: {
      zh: `-- 最常见的数据问题
SELECT code AS 问题代码, COUNT(*) AS 条数, COUNT(DISTINCT report_id) AS 涉及报告数
FROM findings
GROUP BY code
ORDER BY 条数 DESC, 问题代码`,
      en: `-- The most frequent data issues
SELECT code, COUNT(*) AS findings, COUNT(DISTINCT report_id) AS reports
FROM findings
GROUP BY code
ORDER BY findings DESC, code`,
    },
    chart: { type: 'bar', x: { zh: '问题代码', en: 'code' }, y: { zh: '条数', en: 'findings' } },
  },
  {
    id: 'deductionWithoutReason',
    sql: {
      zh: `-- 扣分未说明原因的指标：得分低于分值，偏差原因却是空的
SELECT r.project AS 项目, i.level3 AS 三级指标, i.weight AS 分值, i.score AS 得分,
       i.weight - i.score AS 扣分
FROM indicators i JOIN reports r USING (report_id)
WHERE i.score < i.weight AND (i.deviation IS NULL OR trim(i.deviation) IN ('', '无', '/'))
ORDER BY 扣分 DESC`,
      en: `-- Points deducted with no reason: score below weight, deviation reason blank
SELECT r.project, i.level3 AS indicator, i.weight, i.score,
       i.weight - i.score AS deducted
FROM indicators i JOIN reports r USING (report_id)
WHERE i.score < i.weight AND (i.deviation IS NULL OR trim(i.deviation) IN ('', '无', '/'))
ORDER BY deducted DESC`,
    },
  },
  {
    id: 'budgetAdjusted',
    sql: {
      zh: `-- 年中调整了预算的项目：全年预算数 ≠ 年初预算数
SELECT city AS 城市, project AS 项目,
       budget_initial AS "年初预算数(万元)", budget_adjusted AS "全年预算数(万元)",
       ROUND(budget_adjusted - budget_initial, 2) AS "调整额(万元)",
       ROUND(100 * executed / budget_adjusted, 1) AS "执行率(%)",
       ROUND(100 * executed / budget_initial, 1) AS "对年初执行率(%)"
FROM reports
WHERE budget_adjusted <> budget_initial
ORDER BY "调整额(万元)"`,
      en: `-- Projects whose budget changed during the year: adjusted ≠ initial (CNY M = 万元 / 100)
SELECT city, project,
       ROUND(budget_initial / 100, 4) AS "initial budget (CNY M)", ROUND(budget_adjusted / 100, 4) AS "adjusted budget (CNY M)",
       ROUND((budget_adjusted - budget_initial) / 100, 4) AS "change (CNY M)",
       ROUND(100 * executed / budget_adjusted, 1) AS "execution rate (%)",
       ROUND(100 * executed / budget_initial, 1) AS "rate against initial (%)"
FROM reports
WHERE budget_adjusted <> budget_initial
ORDER BY "change (CNY M)"`,
    },
  },
  {
    id: 'level1Rates',
    sql: {
      zh: `-- 各一级指标得分率 = 得分 / 分值（合并单元格的分值只在组内第一行）
SELECT level1 AS 一级指标, COUNT(*) AS 指标数,
       SUM(weight) AS 分值, SUM(score) AS 得分,
       ROUND(100 * SUM(score) / SUM(weight), 1) AS "得分率(%)"
FROM indicators
GROUP BY level1
ORDER BY 分值 DESC`,
      en: `-- Score rate by level-1 indicator = score / weight (a merged weight sits on the group's first row)
SELECT level1, COUNT(*) AS indicators,
       SUM(weight) AS weight, SUM(score) AS score,
       ROUND(100 * SUM(score) / SUM(weight), 1) AS "score rate (%)"
FROM indicators
GROUP BY level1
ORDER BY weight DESC`,
    },
    chart: { type: 'bar', x: { zh: '一级指标', en: 'level1' }, y: { zh: '得分率(%)', en: 'score rate (%)' } },
  },
  {
    id: 'scoresByProject',
    sql: {
      zh: `-- 各项目总分与等级
SELECT city AS 城市, project AS 项目, total_score AS 总分, declared_total_score AS 表内总分, grade AS 等级
FROM reports
ORDER BY total_score DESC, project`,
      en: `-- Total score and grade of each project
SELECT city, project, total_score, declared_total_score AS printed_total, grade
FROM reports
ORDER BY total_score DESC, project`,
    },
    chart: { type: 'bar', x: { zh: '项目', en: 'project' }, y: { zh: '总分', en: 'total_score' } },
  },
  {
    id: 'totalMismatch',
    sql: {
      zh: `-- 表内总分与逐项相加不一致的报告
SELECT project AS 项目, declared_total_score AS 表内总分, total_score AS 逐项相加,
       total_score - declared_total_score AS 差额
FROM reports
WHERE declared_total_score IS DISTINCT FROM total_score
ORDER BY abs(total_score - declared_total_score) DESC`,
      en: `-- Reports whose printed total differs from the sum of their scores
SELECT project, declared_total_score AS printed_total, total_score AS sum_of_scores,
       total_score - declared_total_score AS difference
FROM reports
WHERE declared_total_score IS DISTINCT FROM total_score
ORDER BY abs(total_score - declared_total_score) DESC`,
    },
  },
  {
    id: 'unverifiable',
    sql: {
      zh: `-- 完成情况无法核实的指标，按原因归类
SELECT coalesce(status_reason, '（未注明）') AS 原因, COUNT(*) AS 指标数
FROM indicators
WHERE status IN ('claimed', 'unknown')
GROUP BY 1
ORDER BY 指标数 DESC`,
      en: `-- Indicators whose outcome cannot be verified, by reason
SELECT coalesce(status_reason, '(none given)') AS reason, COUNT(*) AS indicators
FROM indicators
WHERE status IN ('claimed', 'unknown')
GROUP BY 1
ORDER BY indicators DESC`,
    },
    chart: { type: 'bar', x: { zh: '原因', en: 'reason' }, y: { zh: '指标数', en: 'indicators' } },
  },
  {
    id: 'inflatedSelfScores',
    sql: {
      zh: `-- 自评虚高最多的项目：自评总分比按公开评分规则复核的得分高出多少
SELECT city AS 城市, project AS 项目, total_score AS 自评总分, rule_total_score AS 复核得分,
       rule_gap AS 高出分数, round(rule_coverage * 100, 1) AS 可复核分值百分比, grade AS 自评等级, rule_grade AS 复核等级
FROM reports
WHERE rule_gap > 0
ORDER BY rule_gap DESC, project
LIMIT 20`,
      en: `-- Projects whose self-score goes furthest beyond the published scoring rules
SELECT city, project, total_score AS self_score, rule_total_score AS score_by_rules,
       rule_gap AS excess_points, round(rule_coverage * 100, 1) AS points_checked_pct, grade, rule_grade AS grade_by_rules
FROM reports
WHERE rule_gap > 0
ORDER BY rule_gap DESC, project
LIMIT 20`,
    },
    chart: { type: 'bar', x: { zh: '项目', en: 'project' }, y: { zh: '高出分数', en: 'excess_points' } },
  },
  {
    id: 'findingsBySeverity',
    sql: {
      zh: `-- 每份报告的问题数，按严重程度分列（PIVOT）
PIVOT (SELECT r.project AS 项目, f.severity FROM findings f JOIN reports r USING (report_id))
ON severity IN ('error', 'warning', 'info')
USING COUNT(*)
GROUP BY 项目
ORDER BY 项目`,
      en: `-- Findings per report, one column per severity (PIVOT)
PIVOT (SELECT r.project, f.severity FROM findings f JOIN reports r USING (report_id))
ON severity IN ('error', 'warning', 'info')
USING COUNT(*)
GROUP BY project
ORDER BY project`,
    },
  },
  {
    id: 'budgetSources',
    sql: {
      zh: `-- 资金来源构成：当年财政拨款、上年结转、其他资金
SELECT line_label AS 资金来源, COUNT(*) AS 报告数,
       ROUND(SUM(budget_adjusted), 2) AS "全年预算数(万元)",
       ROUND(SUM(executed), 2) AS "全年执行数(万元)"
FROM budget_lines
WHERE line <> 'total' AND budget_adjusted IS NOT NULL
GROUP BY line, line_label
ORDER BY "全年预算数(万元)" DESC`,
      en: `-- Funding sources: this year's appropriation, carry-over, other funds (CNY M = 万元 / 100)
SELECT line AS source, COUNT(*) AS reports,
       ROUND(SUM(budget_adjusted) / 100, 4) AS "adjusted budget (CNY M)",
       ROUND(SUM(executed) / 100, 4) AS "executed (CNY M)"
FROM budget_lines
WHERE line <> 'total' AND budget_adjusted IS NOT NULL
GROUP BY line
ORDER BY "adjusted budget (CNY M)" DESC`,
    },
  },
  {
    id: 'scoreVsBudget',
    sql: {
      zh: `-- 预算规模与总分：钱多的项目得分更高吗？
SELECT project AS 项目, budget_adjusted AS "全年预算数(万元)", total_score AS 总分
FROM reports
ORDER BY budget_adjusted`,
      en: `-- Budget size and total score: do larger projects score higher?
SELECT project, ROUND(budget_adjusted / 100, 4) AS "adjusted budget (CNY M)", total_score
FROM reports
ORDER BY budget_adjusted`,
    },
    chart: { type: 'scatter', x: { zh: '全年预算数(万元)', en: 'adjusted budget (CNY M)' }, y: { zh: '总分', en: 'total_score' } },
  },
  {
    id: 'describeIndicators',
    sql: {
      zh: `-- 指标表有哪些字段、什么类型
DESCRIBE indicators`,
      en: `-- The columns of the indicators table and their types
DESCRIBE indicators`,
    },
  },
];

/** An example's chart in `lang`: its type and the columns it draws. */
export const exampleChart = (example: SqlExample, lang: Lang): { type: ResultChartType; x: string; y: string } | undefined =>
  example.chart && { type: example.chart.type, x: example.chart.x[lang], y: example.chart.y[lang] };
