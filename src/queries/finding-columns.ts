/**
 * The columns of a finding that every findings query selects (the findings page, a report's
 * list): one row type, one select list.
 */
import type { Severity } from '../parser/types.ts';
import { fragment } from './query.ts';

export interface FindingColumns {
  code: string;
  severity: Severity;
  field: string | null;
  expected: string | null;
  found: string | null;
  /** As stored: one language in datasets of this version, often `中文 / English` in older ones. */
  message: string | null;
  /** The message's parameters as JSON; null in datasets without the column (the app then shows `message`). */
  params: string | null;
  /** Line of the source file. */
  line: number | null;
}

/** The select list of FindingColumns, from the findings table aliased `f`. */
export const FINDING_COLUMNS_SQL = fragment('f.code, f.severity, f.field, f.expected, f.found, f.message, f.params, f.line::INTEGER AS line', []);
