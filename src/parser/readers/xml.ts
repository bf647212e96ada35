/**
 * A streaming XML tokenizer for the parts of Office files: start tags (attributes read only when
 * asked for), end tags, character data (entities decoded) and CDATA; comments, processing
 * instructions and the doctype are skipped. Tags must nest (a close that does not match its open
 * is an error with its line), so a damaged part is refused, not half read.
 *
 * Why not saxes or htmlparser2: both run at ~50 M characters a second here, and a report's
 * word/document.xml is 200–300 KB, nearly all of it run and cell properties that nothing reads.
 * This scanner jumps from `<` to `<` with indexOf and decodes text only where the reader asks for
 * it (inside `w:t`, `v`, `t`), which reads the same parts several times faster (measured in
 * docs/performance.md). It is a tokenizer, not a validator: well-formed input is read exactly;
 * malformed input is refused where it can be seen.
 */

export class XmlError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export interface XmlTag {
  name: string;
  /** An attribute's value by its qualified name (`w:val`), entities decoded; undefined when absent. */
  attr(name: string): string | undefined;
}

export interface XmlHandlers {
  /**
   * Elements whose whole content the reader does not need (run and paragraph properties): the
   * scanner jumps to their end tag. Such an element must not contain another of its own name.
   */
  skip?: ReadonlySet<string>;
  open(tag: XmlTag): void;
  close(name: string): void;
  /** Character data, only while `wantText()` says so (the reader is inside a text element). */
  text(text: string): void;
  wantText(): boolean;
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

const lineAt = (xml: string, index: number): number => {
  let line = 1;
  for (let i = xml.indexOf('\n'); i >= 0 && i < index; i = xml.indexOf('\n', i + 1)) line++;
  return line;
};

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Characters that end a tag's name: white space, `/`, `>`. */
const endsName = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;

/** One tag object, moved from tag to tag: a handler reads it during its call and keeps nothing of it. */
class Tag implements XmlTag {
  name = '';
  from = 0;
  to = 0;
  constructor(private readonly xml: string) {}

  /**
   * Walks the tag's attributes, name by name, between the tag's name and its `>`: the search
   * never leaves the tag (an absent attribute costs the tag's length, not the rest of the part)
   * and never matches inside another attribute's value.
   */
  attr(name: string): string | undefined {
    const { xml, to } = this;
    let i = this.from;
    while (i < to) {
      let c = xml.charCodeAt(i);
      if (isSpace(c) || c === 0x2f /* / */) {
        i++;
        continue;
      }
      const start = i;
      while (i < to && !isSpace(c) && c !== 0x3d /* = */ && c !== 0x2f) c = xml.charCodeAt(++i);
      const end = i;
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      if (i >= to || xml.charCodeAt(i) !== 0x3d) continue; // a name without a value: not XML, passed over
      i++;
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      const mark = xml.charCodeAt(i);
      if (mark !== 0x22 && mark !== 0x27) return undefined; // an unquoted value: nothing after it can be trusted
      // tagEnd found the `>` outside quotes, so the closing quote lies before `to`.
      const close = xml.indexOf(mark === 0x22 ? '"' : "'", i + 1);
      if (close < 0 || close >= to) return undefined;
      if (end - start === name.length && xml.startsWith(name, start)) return decodeEntities(xml.slice(i + 1, close));
      i = close + 1;
    }
    return undefined;
  }
}

/**
 * The `>` that ends a tag whose name ends at `from`: the first one outside a quoted attribute
 * value (values may hold `>`, never `<`). -1 when the tag is not closed.
 */
function tagEnd(xml: string, from: number): number {
  let gt = xml.indexOf('>', from);
  if (gt < 0) return -1;
  const lt = xml.indexOf('<', from);
  if (lt >= 0 && lt < gt) return -1;
  // Usually no quoted value holds a `>`: then the quote marks before the `>` pair up.
  for (;;) {
    let quote = 0;
    for (let i = from; i < gt; i++) {
      const ch = xml.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
    }
    if (quote === 0) return gt;
    gt = xml.indexOf('>', gt + 1);
    if (gt < 0) return -1;
  }
}

export function scanXml(xml: string, handlers: XmlHandlers): void {
  const tag = new Tag(xml);
  const open: string[] = [];
  const n = xml.length;
  let i = 0;
  const fail = (message: string, at: number): never => {
    throw new XmlError(message, lineAt(xml, at));
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && handlers.wantText()) handlers.text(decodeEntities(xml.slice(i, textEnd)));
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f /* </ */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) fail('an end tag is not closed', lt);
      const name = xml.slice(lt + 2, gt).trim();
      const expected = open.pop();
      if (name !== expected) fail(`</${name}> closes <${expected ?? ''}>`, lt);
      handlers.close(name);
      i = gt + 1;
      continue;
    }
    if (c === 0x3f /* <? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) fail('a processing instruction is not closed', lt);
      i = end + 2;
      continue;
    }
    if (c === 0x21 /* <! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) fail('a comment is not closed', lt);
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) fail('a CDATA section is not closed', lt);
        if (handlers.wantText()) handlers.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        const gt = xml.indexOf('>', lt);
        if (gt < 0) fail('a declaration is not closed', lt);
        i = gt + 1;
      }
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < n && !endsName(xml.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === lt + 1) fail('a tag has no name', lt);
    const gt = tagEnd(xml, nameEnd);
    if (gt < 0) fail('a tag is not closed', lt);
    const name = xml.slice(lt + 1, nameEnd);
    const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
    tag.name = name;
    tag.from = nameEnd;
    tag.to = gt;
    if (!selfClosing && handlers.skip?.has(name)) {
      const end = xml.indexOf(`</${name}>`, gt + 1);
      if (end < 0) fail(`<${name}> is not closed`, lt);
      i = end + name.length + 3;
      continue;
    }
    handlers.open(tag);
    if (selfClosing) handlers.close(name);
    else open.push(name);
    i = gt + 1;
  }
  if (open.length > 0) fail(`<${open[open.length - 1]}> is not closed`, n);
}
