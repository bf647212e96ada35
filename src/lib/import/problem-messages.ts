/**
 * Import problems in words, Chinese first: `indicators.csv 第 12 行 weight: 应为数字，实际为“abc”`.
 * Kept apart from the app's message tables because their slots (file, line, column, found…) are
 * the problem's own fields; test/lib/import-problems.test.ts checks both languages.
 */
import type { ImportProblem, ProblemKind } from './import-problem.ts';

type Lang = 'zh' | 'en';
type Templates = Record<ProblemKind | 'where' | 'whereLine', string>;

const zh: Templates = {
  where: '{file}',
  whereLine: '{file} 第 {line} 行',
  unreadable: '{found}',
  empty: '{where}: 文件是空的，没有表头',
  unknownTable: '{where}: 无法识别是哪张表——文件名应为 reports.csv、budget_lines.csv、indicators.csv 或 findings.csv，或表头应与其中一张表的列一致',
  missingTable: '{where}: 缺少表 {found}（数据库文件应有 reports、budget_lines、indicators、findings 四张表）',
  missingColumns: '{where}: 缺少列 {found}（这张表必须有：{expected}）',
  unknownColumns: '{where}: 不认识的列 {found}（可用的列：{expected}）',
  notNumber: '{where} {column}: 应为数字，实际为“{found}”',
  notInteger: '{where} {column}: 应为整数，实际为“{found}”',
  integerRange: '{where} {column}: 整数超出范围（应在 −2147483648 到 2147483647 之间），实际为“{found}”',
  fieldCount: '{where}: 应有 {expected} 个字段（与表头一致），实际为 {found} 个',
  required: '{where} {column}: 不能为空',
  notAllowed: '{where} {column}: 应为 {expected} 之一，实际为“{found}”',
  duplicateInImport: '{where} report_id: 报告“{found}”在本次导入中出现了两次（另见 {expected}）',
  duplicateLoaded: '{where}: 报告“{found}”已在当前数据中（report_id 重复）',
  sameContentLoaded: '{where}: 报告“{found}”与已有的报告“{expected}”内容相同（同一份报告换了文件名或格式）',
  sameProjectLoaded: '{where}: 报告“{found}”与已有的报告“{expected}”是同一年度、城市、资金、项目和部门',
  sameContentInImport: '{where}: 报告“{found}”与本次导入的报告“{expected}”内容相同——同一份报告导入了两次',
  sameProjectInImport: '{where}: 报告“{found}”与本次导入的报告“{expected}”是同一年度、城市、资金、项目和部门',
  orphan: '{where} report_id: 报告“{found}”不在本次导入的 reports 表中',
  noSheets: '{where}: 没有名为 reports、budget_lines、indicators 或 findings 的工作表',
  noSheetsNorTable: '{where}: 既没有找到项目支出绩效自评表，也没有名为 reports、budget_lines、indicators 或 findings 的工作表',
  noReports: '没有可导入的报告：所选文件中既没有报告文件，也没有 reports 表的数据行',
  notPlainTables: '{where}: 数据库文件只能包含 reports、budget_lines、indicators、findings 四张数据表，这里还有 {found}——本看板不运行导入文件中的视图、宏、序列等（它们可以读取文件或网络），只复制四张表的数据',
  outOfMemory: '数据太大，超出了浏览器中 DuckDB 的内存上限（{count} MiB），导入没有进行——这样大的数据请用入库工具生成 .duckdb 文件后导入，或用 ?data= 直接打开它（见 docs/publishing.md）',
  notStored: '浏览器拒绝保存这次导入（IndexedDB：{found}），多半是存储空间不足——请清理本网站的浏览器存储或移除以前的导入后再试',
  message: '{where}: {found}',
  more: '{where}: 另有 {count} 个问题未逐条列出',
};

const en: Templates = {
  where: '{file}',
  whereLine: '{file} line {line}',
  unreadable: '{found}',
  empty: '{where}: the file is empty (no header row)',
  unknownTable: '{where}: which table is this? Name the file reports.csv, budget_lines.csv, indicators.csv or findings.csv, or give it the header of one of them',
  missingTable: '{where}: no table {found} (a database file needs the tables reports, budget_lines, indicators and findings)',
  missingColumns: '{where}: missing column(s) {found} (this table needs: {expected})',
  unknownColumns: '{where}: unknown column(s) {found} (known columns: {expected})',
  notNumber: '{where} {column}: expected a number, found “{found}”',
  notInteger: '{where} {column}: expected a whole number, found “{found}”',
  integerRange: '{where} {column}: whole number out of range (expected −2147483648 to 2147483647), found “{found}”',
  fieldCount: '{where}: expected {expected} fields (as many as the header), found {found}',
  required: '{where} {column}: must not be blank',
  notAllowed: '{where} {column}: expected one of {expected}, found “{found}”',
  duplicateInImport: '{where} report_id: report “{found}” occurs twice in this import (see also {expected})',
  duplicateLoaded: '{where}: report “{found}” is already in the data (duplicate report_id)',
  sameContentLoaded: '{where}: report “{found}” has the same content as report “{expected}” already in the data (the same report under another file name or format)',
  sameProjectLoaded: '{where}: report “{found}” is for the same year, city, fund, project and department as report “{expected}” already in the data',
  sameContentInImport: '{where}: report “{found}” has the same content as report “{expected}” of this import: the same report twice',
  sameProjectInImport: '{where}: report “{found}” is for the same year, city, fund, project and department as report “{expected}” of this import',
  orphan: '{where} report_id: report “{found}” is not in the reports table of this import',
  noSheets: '{where}: no sheet named reports, budget_lines, indicators or findings',
  noSheetsNorTable: '{where}: neither a self-evaluation table nor a sheet named reports, budget_lines, indicators or findings',
  noReports: 'No reports to import: the files hold neither report files nor rows of the reports table',
  notPlainTables: '{where}: a database file may hold only the four tables reports, budget_lines, indicators and findings; this one also has {found}. The dashboard runs no views, macros, sequences or the like from an imported file (they can read files or the network): it copies the rows of the four tables',
  outOfMemory: 'The data is too large for DuckDB’s memory limit in the browser ({count} MiB); nothing was imported. For data this size, make a .duckdb file with the ingest and import it, or open it with ?data= (see docs/publishing.md)',
  notStored: 'The browser refused to keep this import (IndexedDB: {found}), most likely for lack of storage space: free some of this site’s browser storage or remove earlier imports, then try again',
  message: '{where}: {found}',
  more: '{where}: {count} more problem(s) not listed',
};

export const PROBLEM_TEMPLATES: Record<Lang, Templates> = { zh, en };

const fill = (template: string, slots: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => slots[name] ?? slot);

/** One problem as a sentence in `lang`. */
export function formatProblem(problem: ImportProblem, lang: Lang): string {
  const templates = PROBLEM_TEMPLATES[lang];
  const slots: Record<string, string> = {
    file: problem.file,
    line: String(problem.line ?? ''),
    column: problem.column ?? '',
    found: problem.found ?? '',
    expected: problem.expected ?? '',
    count: String(problem.count ?? ''),
  };
  slots.where = fill(problem.line != null ? templates.whereLine : templates.where, slots);
  // A problem of the import as a whole (no file) reads without the leading `: `.
  return fill(templates[problem.kind], slots).replace(/^: /, '');
}
