/**
 * The message templates of findings (findings/messages.ts) and errors (localized-error.ts):
 * `{name}` a parameter, `{name:format}` a parameter through a format, `{name?…}` the text inside
 * only when the parameter is given (one level of slots inside).
 */
const OPTIONAL = /\{(\w+)\?((?:[^{}]|\{[^{}]*\})*)\}/g;
const SLOT = /\{(\w+)(?::(\w+))?\}/g;

export function fillTemplate(template: string, isGiven: (name: string) => boolean, slot: (name: string, format: string | undefined) => string): string {
  return template
    .replace(OPTIONAL, (_, name: string, inner: string) => (isGiven(name) ? inner : ''))
    .replace(SLOT, (_, name: string, format: string | undefined) => slot(name, format));
}

/** The parameters a template reads, optional sections' included. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)[?:}]/g)].map(([, name]) => name))];
}

/** The formats a template names (`{amount:money}` → `money`). */
export const templateFormats = (template: string): string[] => [...template.matchAll(SLOT)].flatMap(([, , format]) => (format ? [format] : []));
