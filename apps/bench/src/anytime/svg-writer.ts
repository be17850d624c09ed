import { escapeXml } from "@deliberate/eval";

/** Attribute values of an SVG element; numbers are rounded to one decimal. */
export type SvgAttributes = Readonly<Record<string, string | number>>;

const FONT = { "font-family": "system-ui, sans-serif", "font-size": 12 };

/** An element with escaped attribute values, self-closed or around already-escaped content. */
export function writeElement(name: string, attributes: SvgAttributes, content?: string): string {
  const written = Object.entries(attributes)
    .map(([key, value]) => {
      const text = typeof value === "number" ? String(Math.round(value * 10) / 10) : value;
      return `${key}="${escapeXml(text)}"`;
    })
    .join(" ");
  return content === undefined
    ? `<${name} ${written}/>`
    : `<${name} ${written}>${content}</${name}>`;
}

/** A text element in the chart's font; the text is escaped here. */
export function writeText(
  x: number,
  y: number,
  text: string,
  attributes: SvgAttributes = {},
): string {
  return writeElement("text", { x, y, ...FONT, ...attributes }, escapeXml(text));
}
