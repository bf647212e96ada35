/** 优 / 良 / 中 / 差 as a coloured badge; the grade is a data value, labelled in English. */
import { useI18n, type MessageKey } from '../../lib/i18n.ts';

const GRADES: Record<string, { key: MessageKey; tone: string }> = {
  优: { key: 'report.grade.excellent', tone: 'excellent' },
  良: { key: 'report.grade.good', tone: 'good' },
  中: { key: 'report.grade.fair', tone: 'fair' },
  差: { key: 'report.grade.poor', tone: 'poor' },
};

export function GradeBadge({ grade }: { grade: string | null }) {
  const { t } = useI18n();
  if (!grade) return <span className="grade-badge">—</span>;
  const known = GRADES[grade];
  return (
    <span className={`grade-badge grade-${known?.tone ?? 'other'}`} data-grade={grade}>
      {known ? t(known.key) : grade}
    </span>
  );
}
