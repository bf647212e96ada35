/**
 * Example questions of the SQL console, each a working query over the four tables (tested
 * against the bundled data in test/db/sql-examples.test.ts). Column names are Chinese with
 * their unit, so a result reads on its own; rates are shown in percent. `chart` is the quick
 * chart an example opens with, when it has one worth drawing.
 */
import type { ResultChartType } from './result-chart-option.ts';

export interface SqlExample {
  id: string;
  sql: string;
  chart?: { type: ResultChartType; x: string; y: string };
}

export const SQL_EXAMPLES: readonly SqlExample[] = [
  {
    id: 'fullScoreMissed',
    sql: `-- 满分却未达成目标的指标：得了满分，完成状态却是“未完成”
-- 合并单元格的分值、得分属于整组（group_weight、group_score）
SELECT r.city AS 城市, r.project AS 项目, i.level3 AS 三级指标,
       i.target_text AS 年度指标值, i.actual_text AS 实际完成值,
       coalesce(i.group_weight, i.weight) AS 分值, coalesce(i.group_score, i.score) AS 得分
FROM indicators i JOIN reports r USING (report_id)
WHERE i.status = 'not_met' AND coalesce(i.group_score, i.score) >= coalesce(i.group_weight, i.weight)
ORDER BY r.city, r.project, i.seq`,
  },
  {
    id: 'executionByCity',
    sql: `-- 各城市预算执行率 = 全年执行数 / 全年预算数
SELECT city AS 城市,
       ROUND(SUM(budget_adjusted), 2) AS "全年预算数(万元)",
       ROUND(SUM(executed), 2) AS "全年执行数(万元)",
       ROUND(100 * SUM(executed) / SUM(budget_adjusted), 1) AS "执行率(%)"
FROM reports
GROUP BY city
ORDER BY "执行率(%)"`,
    chart: { type: 'bar', x: '城市', y: '执行率(%)' },
  },
  {
    id: 'commonFindings',
    sql: `-- 最常见的数据问题
SELECT code AS 问题代码, COUNT(*) AS 条数, COUNT(DISTINCT report_id) AS 涉及报告数
FROM findings
GROUP BY code
ORDER BY 条数 DESC, 问题代码`,
    chart: { type: 'bar', x: '问题代码', y: '条数' },
  },
  {
    id: 'deductionWithoutReason',
    sql: `-- 扣分未说明原因的指标：得分低于分值，偏差原因却是空的
SELECT r.project AS 项目, i.level3 AS 三级指标, i.weight AS 分值, i.score AS 得分,
       i.weight - i.score AS 扣分
FROM indicators i JOIN reports r USING (report_id)
WHERE i.score < i.weight AND (i.deviation IS NULL OR trim(i.deviation) IN ('', '无', '/'))
ORDER BY 扣分 DESC`,
  },
  {
    id: 'budgetAdjusted',
    sql: `-- 年中调整了预算的项目：全年预算数 ≠ 年初预算数
SELECT city AS 城市, project AS 项目,
       budget_initial AS "年初预算数(万元)", budget_adjusted AS "全年预算数(万元)",
       ROUND(budget_adjusted - budget_initial, 2) AS "调整额(万元)",
       ROUND(100 * executed / budget_adjusted, 1) AS "执行率(%)",
       ROUND(100 * executed / budget_initial, 1) AS "对年初执行率(%)"
FROM reports
WHERE budget_adjusted <> budget_initial
ORDER BY "调整额(万元)"`,
  },
  {
    id: 'level1Rates',
    sql: `-- 各一级指标得分率 = 得分 / 分值（合并单元格的分值只在组内第一行）
SELECT level1 AS 一级指标, COUNT(*) AS 指标数,
       SUM(weight) AS 分值, SUM(score) AS 得分,
       ROUND(100 * SUM(score) / SUM(weight), 1) AS "得分率(%)"
FROM indicators
GROUP BY level1
ORDER BY 分值 DESC`,
    chart: { type: 'bar', x: '一级指标', y: '得分率(%)' },
  },
  {
    id: 'scoresByProject',
    sql: `-- 各项目总分与等级
SELECT city AS 城市, project AS 项目, total_score AS 总分, declared_total_score AS 表内总分, grade AS 等级
FROM reports
ORDER BY total_score DESC, project`,
    chart: { type: 'bar', x: '项目', y: '总分' },
  },
  {
    id: 'totalMismatch',
    sql: `-- 表内总分与逐项相加不一致的报告
SELECT project AS 项目, declared_total_score AS 表内总分, total_score AS 逐项相加,
       total_score - declared_total_score AS 差额
FROM reports
WHERE declared_total_score IS DISTINCT FROM total_score
ORDER BY abs(total_score - declared_total_score) DESC`,
  },
  {
    id: 'unverifiable',
    sql: `-- 完成情况无法核实的指标，按原因归类
SELECT coalesce(status_reason, '（未注明）') AS 原因, COUNT(*) AS 指标数
FROM indicators
WHERE status = 'unknown'
GROUP BY 1
ORDER BY 指标数 DESC`,
    chart: { type: 'bar', x: '原因', y: '指标数' },
  },
  {
    id: 'findingsBySeverity',
    sql: `-- 每份报告的问题数，按严重程度分列（PIVOT）
PIVOT (SELECT r.project AS 项目, f.severity FROM findings f JOIN reports r USING (report_id))
ON severity IN ('error', 'warning', 'info')
USING COUNT(*)
GROUP BY 项目
ORDER BY 项目`,
  },
  {
    id: 'budgetSources',
    sql: `-- 资金来源构成：当年财政拨款、上年结转、其他资金
SELECT line_label AS 资金来源, COUNT(*) AS 报告数,
       ROUND(SUM(budget_adjusted), 2) AS "全年预算数(万元)",
       ROUND(SUM(executed), 2) AS "全年执行数(万元)"
FROM budget_lines
WHERE line <> 'total' AND budget_adjusted IS NOT NULL
GROUP BY line, line_label
ORDER BY "全年预算数(万元)" DESC`,
  },
  {
    id: 'scoreVsBudget',
    sql: `-- 预算规模与总分：钱多的项目得分更高吗？
SELECT project AS 项目, budget_adjusted AS "全年预算数(万元)", total_score AS 总分
FROM reports
ORDER BY budget_adjusted`,
    chart: { type: 'scatter', x: '全年预算数(万元)', y: '总分' },
  },
  {
    id: 'describeIndicators',
    sql: `-- 指标表有哪些字段、什么类型
DESCRIBE indicators`,
  },
];
