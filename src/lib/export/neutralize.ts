/**
 * The formula guard of files for people, one rule for CSV and Excel, for headers and cells
 * alike: text a spreadsheet could run as a formula (Excel, WPS, LibreOffice) gets a leading `'`,
 * which shows it as text. The same rule in both formats, so a value reads the same in either
 * file, and the import takes the guard off again (removeNeutralizing).
 *
 * Neutralized: text whose first character is TAB or CR (as OWASP recommends), or whose first
 * character after any white space (spaces, tabs, line breaks, NBSP, U+3000 and the rest of
 * Unicode's white space, and the zero-width characters) is = + - @ or a full-width ＝ ＋ － ＠:
 * a spreadsheet may trim such a start or read the full-width forms (which a Chinese input method
 * types) as the ASCII ones, and the `'` costs nothing where it would not.
 *
 * Not neutralized: numbers (a JS number is written as a number, never as text), and text that
 * is exactly an ASCII sign and a decimal number (`-3.5%`, `-810.24`, `+1e6`, the string a BIGINT
 * beyond 2^53 arrives as): a sign, digits, one point, an exponent and `%` can spell no function,
 * reference or DDE call, and a `'` would only make `-3.5%` text where the `3.5%` beside it stays
 * a figure. Anything more is neutralized: `-2+3`, `-1-1`, ` -3.5` (white space first), `－3.5`.
 */

// JS `\s` covers TAB, LF, CR, NBSP, U+3000 and the BOM; the zero-width characters are added.
const FORMULA_START = /^(?:[\t\r]|[\s\u200b-\u200d\u2060]*[=+\-@＝＋－＠])/;
const SIGNED_NUMBER = /^[+-](?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?$/i;

/** Whether a spreadsheet could take this text for a formula. */
export const startsLikeFormula = (text: string): boolean => FORMULA_START.test(text) && !SIGNED_NUMBER.test(text);

export const neutralizeFormula = (text: string): string => (startsLikeFormula(text) ? `'${text}` : text);

/**
 * The text without the guard, for files an export wrote. Whatever starts like a formula loses its
 * `'`, signed numbers too: earlier exports put one before every leading `-`.
 */
export const removeNeutralizing = (text: string): string =>
  (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);
