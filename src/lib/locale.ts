/**
 * How each language of the app writes what is not a label: numbers, money and its units,
 * separators, dates, the page's language tag. One row per language; formatting code reads its
 * row (`LOCALES[lang]`) instead of testing which language it is. Labels and sentences are in the
 * message tables (messages-zh.ts, messages-en.ts; finding messages in findings/messages.ts).
 */
import { reasonInEnglish } from '../parser/reasons.ts';
import type { Lang } from './url-params.ts';

export interface MoneyScale {
  /** Divide 万元 by this to get the displayed number. */
  divisor: number;
  /** The unit shown after the number: 万元, 亿元, K, M, B. */
  unit: string;
  /** Decimals shown (2 unless set): enough to keep every 0.01 万元 the reports print. */
  digits?: number;
}

export interface LocaleRules {
  /** The page's `lang` attribute. */
  htmlLang: string;
  /** The language the switch at the top offers. */
  other: Lang;
  /** Intl locales for numbers (exponent forms only: format.ts groups digits itself) and for dates. */
  numberLocale: string;
  dateLocale: string;
  /** Between a label and its value: `得分：50 分`, `Score: 50 pts`. */
  labelSeparator: string;
  /** Between the items of a run-on list: `甲；乙`, `a; b`. */
  listSeparator: string;
  /** Between the words of a phrase: none in Chinese. */
  wordSeparator: string;
  /** A remark after a value: `120%（按 100% 计）`, `120% (counted as 100%)`. */
  aside: (text: string) => string;
  /** A remark in brackets on its own: `（−21.1%）`, `(−21.1%)`. */
  bracket: (text: string) => string;
  money: {
    /** Written before the number: `CNY 44.11 M`. */
    prefix: string;
    /** The scale of a figure as shown (to 0.01 万元), in 万元. */
    scale: (shownWan: number) => MoneyScale;
    /** The one scale of a table's money column, keeping every 0.01 万元. */
    tableScale: MoneyScale;
    /** An axis' unit: `万元`, `CNY M`. */
    axisUnit: (scale: MoneyScale) => string;
    /** A range input's money: number typed per 万元 (0.01: CNY millions), and the unit it names. */
    inputPerWan: number;
    inputUnit: string;
    /** True when figures are shown rounded from the 万元 the reports print (a tooltip then gives the printed figure). */
    rounded: boolean;
  };
  /** A budget row's label: as printed (false), or the kind of row the parser read it as (true). */
  budgetLineByKind: boolean;
  /** An indicator's status reason, written by the parser in Chinese (src/parser/reasons.ts). */
  statusReason: (reason: string) => string;
  /** Pixels for the finding names of a category axis. */
  codeAxisLabelWidth: number;
}

const ZH_SCALE_WAN: MoneyScale = { divisor: 1, unit: '万元' };

export const LOCALES: Readonly<Record<Lang, LocaleRules>> = {
  zh: {
    htmlLang: 'zh-CN',
    other: 'en',
    numberLocale: 'zh-CN',
    dateLocale: 'zh-CN',
    labelSeparator: '：',
    listSeparator: '；',
    wordSeparator: '',
    aside: (text) => `（${text}）`,
    bracket: (text) => `（${text}）`,
    money: {
      prefix: '',
      scale: (shown) => (shown >= 10_000 ? { divisor: 10_000, unit: '亿元' } : ZH_SCALE_WAN),
      tableScale: ZH_SCALE_WAN,
      axisUnit: (scale) => scale.unit,
      inputPerWan: 1,
      inputUnit: '万元',
      rounded: false,
    },
    budgetLineByKind: false,
    statusReason: (reason) => reason,
    codeAxisLabelWidth: 120,
  },
  en: {
    htmlLang: 'en',
    other: 'zh',
    numberLocale: 'en-US',
    dateLocale: 'en-GB',
    labelSeparator: ': ',
    listSeparator: '; ',
    wordSeparator: ' ',
    aside: (text) => ` (${text})`,
    bracket: (text) => `(${text})`,
    money: {
      prefix: 'CNY',
      // Under CNY 1 M in thousands (`CNY 835.00 K` for 83.50 万元, not `CNY 0.84 M`).
      scale: (shown) => (shown >= 100_000 ? { divisor: 100_000, unit: 'B' } : shown >= 100 || shown === 0 ? { divisor: 100, unit: 'M' } : { divisor: 0.1, unit: 'K' }),
      tableScale: { divisor: 100, unit: 'M', digits: 4 },
      axisUnit: (scale) => `CNY ${scale.unit}`,
      inputPerWan: 0.01,
      inputUnit: 'M',
      rounded: true,
    },
    budgetLineByKind: true,
    statusReason: reasonInEnglish,
    codeAxisLabelWidth: 170,
  },
};
