/** The console editor's tokens and completions (src/features/sql-console/sql-tokens.ts). */
import { describe, expect, it } from 'vitest';
import { completionsAt, tokenizeSql } from '../../src/features/sql-console/sql-tokens.ts';

const kinds = (text: string) => tokenizeSql(text).filter((t) => t.kind !== 'text').map((t) => `${t.kind}:${t.text}`);

describe('tokenizeSql', () => {
  it('gives back the text whole, whatever it holds', () => {
    for (const text of ["SELECT 'it''s', \"we ird\" -- c\nFROM reports /* x */ WHERE year = 2022;", "SELECT 'unclosed", '/* open', '城市 = \'株洲市\'']) {
      expect(tokenizeSql(text).map((t) => t.text).join('')).toBe(text);
    }
  });

  it('tells keywords, functions, tables, columns, strings, numbers and comments apart', () => {
    expect(kinds("select city, count(*) FROM reports WHERE year = 2022 AND fund LIKE '%产业%' -- note")).toEqual([
      'keyword:select', 'column:city', 'function:count', 'keyword:FROM', 'table:reports', 'keyword:WHERE', 'column:year', 'number:2022',
      'keyword:AND', 'column:fund', 'keyword:LIKE', "string:'%产业%'", 'comment:-- note',
    ]);
    // A function name without its parenthesis is a word like any other; a keyword inside a string is text of the string.
    expect(kinds("SELECT count FROM t WHERE x = 'select'")).toEqual(['keyword:SELECT', 'keyword:FROM', 'keyword:WHERE', "string:'select'"]);
  });
});

describe('completionsAt', () => {
  it('offers the tables and columns that begin with the word before the caret', () => {
    const text = 'SELECT ci';
    expect(completionsAt(text, text.length)).toEqual({ from: 7, to: 9, options: [{ name: 'city', kind: 'column' }] });
    const from = 'SELECT * FROM ind';
    expect(completionsAt(from, from.length)?.options[0]).toEqual({ name: 'indicators', kind: 'table' });
    expect(completionsAt('SELECT rep', 10)?.options.map((o) => o.name)).toEqual(['reports', 'report_id']);
  });

  it('offers nothing inside a string or comment, in the middle of a word, or for a whole name', () => {
    expect(completionsAt("SELECT 'ci", 10)).toBeNull();
    expect(completionsAt('-- ci', 5)).toBeNull();
    expect(completionsAt('SELECT city', 9)).toBeNull(); // the caret inside "city"
    expect(completionsAt('SELECT city', 11)).toBeNull(); // nothing longer begins with "city"
    expect(completionsAt('SELECT ', 7)).toBeNull();
  });
});
