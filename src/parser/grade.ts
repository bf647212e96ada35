/** The grade of a total score, as the self-evaluation templates band it: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
export function gradeOf(score: number | null): string | null {
  if (score == null) return null;
  if (score >= 90) return '优';
  if (score >= 80) return '良';
  if (score >= 60) return '中';
  return '差';
}
