/**
 * A finding's message in the reader's language: rendered from its code and params (the
 * catalogue in messages.ts); a finding without params (a dataset of contract version 1, an
 * older ingest) shows its stored message, the reader's half of a `中文 / English` one.
 */
import { messageIn } from '../bilingual.ts';
import type { Lang } from '../url-params.ts';
import { parseFindingParams, renderFinding } from './messages.ts';

export interface FindingMessageSource {
  code: string;
  params?: string | null;
  message: string | null;
}

export function findingMessage({ code, params, message }: FindingMessageSource, lang: Lang): string | null {
  const parsed = parseFindingParams(params);
  return (parsed && renderFinding(code, parsed, lang)) ?? messageIn(message, lang);
}
