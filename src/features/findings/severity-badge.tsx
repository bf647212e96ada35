import { labelOf, useI18n } from '../../lib/i18n.ts';

/** 错误 red, 警告 orange, 提示 blue: colour and word together, never colour alone. */
export function SeverityBadge({ severity }: { severity: string }) {
  const { lang } = useI18n();
  return <span className={`severity-badge severity-${severity}`} data-severity={severity}>{labelOf(lang, 'severity', severity)}</span>;
}
