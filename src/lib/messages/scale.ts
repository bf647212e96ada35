/**
 * Labels of what large datasets bring (issue 18): the searchable filter lists and the notes of
 * charts that show only their largest categories. Chinese (default) and English, the same keys;
 * slots (shown, hidden, total, count) are among those test/lib/i18n.test.ts fills.
 */
export const zh = {
  'list.search': '搜索{name}',
  'list.searchPlaceholder': '输入名称筛选…',
  'list.matches': '{count} 项符合',
  'list.matchesOf': '{count} / {total} 项',
  'list.noMatch': '没有符合的选项',
  'chart.others': '其他',
  'chart.othersDetail': '其他 {count} 项',
  'chart.topShown': '显示前 {shown} 项，另有 {hidden} 项合为“其他”',
  'chart.topShownOnly': '显示前 {shown} 项，另有 {hidden} 项未显示',
  'chart.zoomHint': '拖动右侧滑块或图表可查看其余各项',
  'chart.noteSeparator': '；',
};

export const en: Record<keyof typeof zh, string> = {
  'list.search': 'Search {name}',
  'list.searchPlaceholder': 'Type to narrow…',
  'list.matches': '{count} {count|match|matches}',
  'list.matchesOf': '{count} of {total}',
  'list.noMatch': 'Nothing matches',
  'chart.others': 'Other',
  'chart.othersDetail': '{count} others',
  'chart.topShown': 'Top {shown} shown; {hidden} more grouped as “Other”',
  'chart.topShownOnly': 'Top {shown} shown; {hidden} more not shown',
  'chart.zoomHint': 'Drag the slider on the right, or the chart, to see the rest',
  'chart.noteSeparator': '. ',
};
