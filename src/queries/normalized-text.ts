/**
 * Names compared as a reader would: without white space (ASCII or full-width), brackets and common
 * punctuation, in lower case — `产业链专项（二期）` and `产业链专项(二期)` are one project. Used to
 * match a project across years and a report already in the data (import-commit.ts).
 */
export const normalizedSql = (expression: string): string =>
  `lower(regexp_replace(coalesce(${expression}, ''), '[\\s　()（）·.．、,，\\-_]+', '', 'g'))`;
