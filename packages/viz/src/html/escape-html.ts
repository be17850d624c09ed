const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<img src=x onerror="alert(1)">'); // "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => HTML_ESCAPES[char] ?? char);
}

const SCRIPT_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * Serializes a value as JSON that is safe inside `<script type="application/json">`: `<`, `>`
 * and `&` become `\u003c`, `\u003e`, `\u0026`, so no string can write `</script>` or `<!--` and
 * end or confuse the element; U+2028 and U+2029 are escaped too, for readers that treat them as
 * line ends. `JSON.parse` gives back the same value.
 *
 * @example
 * ```ts
 * serializeForScript({ text: "</script>" }); // '{"text":"\\u003c/script\\u003e"}'
 * ```
 */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => SCRIPT_ESCAPES[char] ?? char,
  );
}
