/** What the indicators view's option builders share: context, layout constants, text helpers. */
import { isMessageKey, type Translate } from '../../lib/i18n.ts';
import type { OptionContext as SharedOptionContext } from '../../components/chart-option.ts';

export interface OptionContext extends SharedOptionContext {
  /** A phone-sized screen: narrower axis labels. */
  narrow?: boolean;
}

export { AXIS_NAME_STYLE, escapeHtml } from '../../components/chart-option.ts';

/** The 二级 indicator's label in the current language; an unknown 二级 shows as printed. */
export function level2Label(t: Translate, level2: string): string {
  const key = `indicators.level2.${level2}`;
  return isMessageKey(key) ? t(key) : level2;
}

/** The standard order of the 二级 indicators in the self-evaluation table (domain.md), not the collation order. */
export const LEVEL2_ORDER = [
  '数量指标', '质量指标', '时效指标', '成本指标',
  '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标',
  '服务对象满意度指标',
];

