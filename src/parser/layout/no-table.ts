/**
 * The refusal of a file in which no self-evaluation table was found, naming the true cause:
 * a text whose cells are not separated so that columns can be made certain, a table whose
 * header rows are worded in a way the dictionary does not know, or no such table at all.
 */
import { rowCells } from '../grid.ts';
import type { ReadDocument } from '../readers/read-document.ts';
import { ReportParseError } from '../types.ts';
import { DICTIONARY } from './dictionary.ts';

const TABLE_WORDS = /绩效自评表|一级指标|三级指标|年度指标值|绩效指标/;

export function noTableError(doc: ReadDocument, file: string): ReportParseError {
  const { grid } = doc;
  const textual = grid.format === 'text' || grid.format === 'pipe';
  if (doc.layout === 'none') {
    return new ReportParseError(file, doc.text && TABLE_WORDS.test(doc.text)
      ? '找到了自评表的字样，但表格的单元格没有用 TAB 或 “|” 分隔（可能是空格分隔或一格一行），无法确定各列 / table words found but cells are not TAB- or |-separated: columns cannot be made certain'
      : '没有找到项目支出绩效自评表 / no self-evaluation table in this file');
  }
  // A row that names indicator or budget columns, but not enough of them for a header the dictionary knows.
  for (let r = 0; r < grid.rows.length; r++) {
    const cells = rowCells(grid.rows[r]);
    const known = cells.filter((c) => DICTIONARY.indicatorColumn(c.compact) || DICTIONARY.budgetColumn(c.compact));
    if (known.length === 0 || !cells.some((c) => TABLE_WORDS.test(c.compact) || DICTIONARY.budgetColumn(c.compact))) continue;
    const unknown = cells.filter((c) => c.compact !== '' && !known.includes(c) && !DICTIONARY.block(c.compact) && !DICTIONARY.isIndicatorLabelArea(c.compact) && !DICTIONARY.isBudgetLabelArea(c.compact));
    const at = unknown[0] ?? known[0];
    const names = unknown.map((c) => `“${c.text}”`).join('、');
    return new ReportParseError(file, unknown.length
      ? `表头行的 ${names} 无法识别，无法确定这是自评表的哪些列 / the header words ${names} are not known: the table's columns cannot be made certain`
      : `找到了表头“${known.map((c) => c.text).join('、')}”，但不足以确定自评表的各列 / found the headers “${known.map((c) => c.text).join('、')}”, too few to make the table's columns certain`,
    at.line, textual ? null : at.ref);
  }
  const words = grid.paragraphs.some((p) => TABLE_WORDS.test(p.text)) || grid.rows.some((row) => rowCells(row).some((c) => TABLE_WORDS.test(c.compact)));
  return new ReportParseError(file, words
    ? '找到了自评表的字样，但没有找到它的预算表或指标表表头 / self-evaluation words found, but no budget or indicator header row'
    : grid.rows.length === 0 && !textual
      ? '文件中没有表格，没有找到项目支出绩效自评表 / no table in this file, so no self-evaluation table'
      : '没有找到项目支出绩效自评表 / no self-evaluation table in this file');
}
