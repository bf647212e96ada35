/** 优 / 良 / 中 / 差 as a coloured badge; the grade is a data value, labelled in English. */
import { GRADES } from '../../lib/grades.ts';
import { useI18n } from '../../lib/i18n.ts';

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
