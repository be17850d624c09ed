/** The lines under `## <heading>` (its `###` subsections included) up to the next `## ` heading. */
export function readSection(markdown, heading) {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^## /.test(line));
  return rest.slice(0, end === -1 ? undefined : end).join("\n");
}

/** The bodies of the fenced ```ts / ```typescript blocks of `markdown`, verbatim, in order. */
export function readTypeScriptBlocks(markdown) {
  const blocks = [];
  const fence = /^```(ts|typescript)\s*\n([\s\S]*?)^```\s*$/gm;
  for (const match of markdown.matchAll(fence)) blocks.push(match[2]);
  return blocks;
}

/**
 * The model string a block passes to `loadModel({ model: "…" })`, with where it stands, or
 * undefined when the block loads no model that way.
 */
export function findLoadedModel(code) {
  const match = /loadModel\(\{\s*model:\s*("(?:[^"\\\n]|\\.)*")/.exec(code);
  if (match === null) return undefined;
  return { literal: match[1], model: JSON.parse(match[1]) };
}
