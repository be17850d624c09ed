/**
 * Creates an element with an optional class and text. Text always goes through `textContent`,
 * never markup: everything shown in the viewer came from a model or a tool and is data.
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElement}
 */
export function buildElement(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Finds a required element of the page skeleton by id.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function findElement(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The viewer page has no #${id}.`);
  return element;
}

/**
 * Turns model text into one display line: control characters and whitespace runs become one space.
 * Only the first `max` characters are looked at, so a 100 kB thought costs a row no more than a
 * short one; the row's CSS ellipsis hides the rest anyway.
 * @param {string} text
 * @param {number} [max]
 * @returns {string}
 */
export function flattenLine(text, max = 400) {
  const head = text.length > max ? `${text.slice(0, max)}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return head.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, " ").trim();
}

/**
 * @param {number | undefined} value
 * @returns {string}
 */
export function formatValue(value) {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(2) : "–";
}

/**
 * Formats milliseconds as `850 ms`, `12.4 s` or `2 min 5 s`.
 * @param {number} ms
 * @returns {string}
 */
export function formatDuration(ms) {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * Buckets a score for colouring: high, mid or low.
 * @param {number | undefined} value
 * @returns {string}
 */
export function rateScore(value) {
  if (typeof value !== "number") return "none";
  if (value >= 0.7) return "high";
  if (value >= 0.4) return "mid";
  return "low";
}
