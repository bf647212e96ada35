/** The grades a report gives itself (优 / 良 / 中 / 差): their labels and the tone they are drawn in. */
import type { MessageKey } from './i18n.ts';

export const GRADES: Readonly<Record<string, { key: MessageKey; tone: string }>> = {
  优: { key: 'report.grade.excellent', tone: 'excellent' },
  良: { key: 'report.grade.good', tone: 'good' },
  中: { key: 'report.grade.fair', tone: 'fair' },
  差: { key: 'report.grade.poor', tone: 'poor' },
};
