/**
 * “已导入 3 份报告”: tells that the data is not only the bundled one. Reads DbStatus only (no
 * IndexedDB, no import code), so the shell's header can show it too without loading the view.
 */
import { useDbStatus } from '../../lib/db/index.ts';
import { formatCount } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.ts';
import './import-badge.css';

export function ImportBadge() {
  const { lang, t } = useI18n();
  const { imported } = useDbStatus();
  if (!imported) return null;
  const count = formatCount(imported.reports, lang);
  return (
    <span className={`import-badge${imported.replaced ? ' is-replaced' : ''}`} data-testid="import-badge">
      {t(imported.replaced ? 'import.badgeReplaced' : 'import.badge', { count })}
    </span>
  );
}
