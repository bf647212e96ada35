/** Stands in for a view that another developer is building (see src/features/README.md). */
import { useI18n, type MessageKey } from '../../lib/i18n.ts';

export function PlaceholderView({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="card placeholder" data-testid="placeholder">
      <h2>{t(titleKey)}</h2>
      <p>{t('app.placeholder', { view: t(titleKey) })}</p>
    </section>
  );
}
