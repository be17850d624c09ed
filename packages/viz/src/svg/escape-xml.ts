const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF):
 * one of them anywhere makes a strict XML reader reject the whole SVG, so each becomes U+FFFD.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes text for XML (SVG) element content and quoted attribute values: `& < > " '` become
 * entities and characters XML cannot hold become U+FFFD, so no text can open an element, close an
 * attribute or make the file unreadable.
 *
 * @example
 * ```ts
 * escapeXml('<script>alert("x")</script>'); // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** Formats a coordinate with at most one decimal: enough for a picture, and a smaller file. */
export function px(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : "0";
}
