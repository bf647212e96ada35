/** What a chosen file is, by its extension. Its own module: the page needs it without the parser. */
export type ImportFileKind = 'report' | 'csv' | 'xlsx' | 'duckdb';

/** `.duckdb`/`.db` are database files, `.csv`/`.xlsx` contract tables, anything else a report. */
export function fileKindOf(name: string): ImportFileKind {
  const extension = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (extension === 'csv') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'duckdb' || extension === 'db') return 'duckdb';
  return 'report';
}
