import { describe, expect, it } from 'vitest';
import { REASONS, relativeReason } from '../../src/parser/reasons.ts';
import { evaluateIndicator } from '../../src/parser/targets.ts';
import { reasonIn } from '../../src/lib/status-reason.ts';

describe('reasonIn', () => {
  it('gives every reason the parser writes in English, and leaves Chinese as written', () => {
    for (const reason of Object.values(REASONS)) {
      expect(reasonIn(reason, 'zh')).toBe(reason);
      expect(reasonIn(reason, 'en'), reason).toMatch(/^[a-z][\x20-\x7e]+$/);
    }
    expect(reasonIn(REASONS.repeatsTarget, 'en')).toBe('the actual value repeats the target: cannot be checked');
  });

  it('translates the reason of a target relative to something the report lacks, naming it as written', () => {
    const { status_reason: reason } = evaluateIndicator({ level3: '规模以上工业增加值', targetText: '高于全省平均水平', actualText: '增长8%' });
    expect(reason).toBe(relativeReason('全省平均水平'));
    expect(reasonIn(reason, 'en')).toBe('needs 全省平均水平, which the report does not give');
  });

  it('shows a reason from elsewhere (an imported file) as it is', () => {
    expect(reasonIn('见附件', 'en')).toBe('见附件');
    expect(reasonIn(null, 'en')).toBeNull();
  });
});
