/** One element of a checked document. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

const NAME = "[A-Za-z_][\\w.:-]*";
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*"([^"<]*)"`, "y");
const ENTITY = /&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/y;

function checkText(text: string, at: number): void {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "<") throw new Error(`raw "<" in text at ${at + i}`);
    if (text[i] !== "&") continue;
    ENTITY.lastIndex = i;
    if (!ENTITY.test(text)) throw new Error(`bad entity at ${at + i}: ${text.slice(i, i + 12)}`);
  }
}

/**
 * Checks that a document is well-formed XML as far as the chart needs (a prolog, elements with
 * double-quoted attributes, escaped text and attribute values, every element closed in order)
 * and lists its elements. Throws on the first fault, saying where.
 */
export function checkWellFormedXml(xml: string): XmlElement[] {
  const rest = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const offset = xml.length - rest.length;
  const open: string[] = [];
  const elements: XmlElement[] = [];
  let position = 0;
  while (position < rest.length) {
    const next = rest.indexOf("<", position);
    const end = next < 0 ? rest.length : next;
    const text = rest.slice(position, end);
    if (open.length === 0 && text.trim() !== "")
      throw new Error(`text outside the root at ${offset + position}`);
    checkText(text, offset + position);
    if (next < 0) break;
    const close = new RegExp(`</(${NAME})\\s*>`, "y");
    close.lastIndex = next;
    const closing = close.exec(rest);
    if (closing) {
      const expected = open.pop();
      if (closing[1] !== expected) throw new Error(`</${closing[1]}> closes <${expected}>`);
      position = close.lastIndex;
      continue;
    }
    const start = new RegExp(`<(${NAME})`, "y");
    start.lastIndex = next;
    const opening = start.exec(rest);
    if (!opening) throw new Error(`bad markup at ${offset + next}: ${rest.slice(next, next + 20)}`);
    if (open.length === 0 && elements.length > 0)
      throw new Error(`a second root at ${offset + next}`);
    let cursor = start.lastIndex;
    const attributes: Record<string, string> = {};
    for (;;) {
      ATTRIBUTE.lastIndex = cursor;
      const attribute = ATTRIBUTE.exec(rest);
      if (!attribute) break;
      const [, key = "", value = ""] = attribute;
      if (key in attributes) throw new Error(`attribute ${key} twice at ${offset + cursor}`);
      checkText(value, offset + cursor);
      attributes[key] = value;
      cursor = ATTRIBUTE.lastIndex;
    }
    const tail = /\s*(\/?)>/y;
    tail.lastIndex = cursor;
    const ending = tail.exec(rest);
    if (!ending) throw new Error(`unterminated <${opening[1]}> at ${offset + next}`);
    elements.push({ name: opening[1] ?? "", attributes });
    if (ending[1] !== "/") open.push(opening[1] ?? "");
    position = tail.lastIndex;
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join("> <")}>`);
  if (elements.length === 0) throw new Error("no root element");
  return elements;
}
