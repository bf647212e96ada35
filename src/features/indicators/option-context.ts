/** What the indicators view's option builders share: context, layout constants, text helpers. */
import { MESSAGES, type MessageKey, type Translate } from '../../lib/i18n.ts';
import type { OptionContext as SharedOptionContext } from '../../components/chart-option.ts';

export interface OptionContext extends SharedOptionContext {
  /** A phone-sized screen: narrower axis labels. */
  narrow?: boolean;
}

export { AXIS_NAME_STYLE, escapeHtml } from '../../components/chart-option.ts';

/** The 二级 indicator's label in the current language; an unknown 二级 shows as printed. */
export function level2Label(t: Translate, level2: string): string {
  const key = `indicators.level2.${level2}`;
  return key in MESSAGES.zh ? t(key as MessageKey) : level2;
}

/** The standard order of the self-evaluation table (domain.md), not the collation order. */
export const LEVEL1_ORDER = ['产出指标', '效益指标', '满意度指标'];
export const LEVEL2_ORDER = [
  '数量指标', '质量指标', '时效指标', '成本指标',
  '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标',
  '服务对象满意度指标',
];

/** A sort key: known labels in table order, then others, blanks last. */
export function tableOrder(order: readonly string[], value: string | null): number {
  if (value == null) return order.length + 1;
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}
