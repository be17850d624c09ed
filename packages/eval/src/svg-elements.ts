/** Escapes text for XML content and attribute values: model and file names reach the chart. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const round = (value: number) => Math.round(value * 10) / 10;

/** An element with attributes, self-closed or around already-escaped content. */
export function writeElement(
  name: string,
  attributes: Readonly<Record<string, string | number>>,
  content?: string,
): string {
  const written = Object.entries(attributes)
    .map(
      ([key, value]) =>
        `${key}="${escapeXml(typeof value === "number" ? String(round(value)) : value)}"`,
    )
    .join(" ");
  const open = written === "" ? name : `${name} ${written}`;
  return content === undefined ? `<${open}/>` : `<${open}>${content}</${name}>`;
}

/** A text element; the text is escaped here. */
export function writeText(
  x: number,
  y: number,
  text: string,
  attributes: Readonly<Record<string, string | number>> = {},
): string {
  return writeElement("text", { x, y, ...attributes }, escapeXml(text));
}

/** Maps think times to x on a log scale, padded so the outer points sit off the axes. */
export function createLogScale(budgets: readonly number[], left: number, right: number) {
  const low = Math.log(Math.min(...budgets) / 1.3);
  const high = Math.log(Math.max(...budgets) * 1.3);
  return (ms: number) => left + ((Math.log(ms) - low) / (high - low)) * (right - left);
}
