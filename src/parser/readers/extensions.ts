/**
 * The file names a folder of reports is read by: the formats the parser reads (and those it
 * refuses with advice are left to be named one by one). A module of its own and of no imports,
 * so that the page's file picker and the CLI can choose files without loading the parser.
 */
export const REPORT_EXTENSIONS = ['txt', 'text', 'docx', 'docm', 'xlsx', 'xlsm', 'html', 'htm', 'xhtml'] as const;

const PATTERN = new RegExp(`\\.(${REPORT_EXTENSIONS.join('|')})$`, 'i');

/** A file a folder's reading takes: a format the parser reads, not hidden, not an Office lock file (`~$…`). */
export function isReportFile(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return PATTERN.test(base) && !base.startsWith('.') && !base.startsWith('~$');
}
