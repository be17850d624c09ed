import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { hashForCsp } from "./document-head.js";

/**
 * The browser code lives in `packages/viz/client/` as plain ES modules (linted, readable, and
 * loadable on their own while developing). `../../client/` resolves to that folder both from
 * `src/html/` (tsx, vitest) and from `dist/html/` (after `tsc -b`), so no copy step is needed.
 */
const CLIENT_DIR = new URL("../../client/", import.meta.url);

/** In dependency order: each file only uses names declared by files before it or itself. */
const SCRIPT_FILES = [
  "dom.js",
  "tree-model.js",
  "collect-rows.js",
  "virtual-list.js",
  "build-row.js",
  "details-panel.js",
  "summary.js",
  "timeline.js",
  "search-box.js",
  "keyboard.js",
  "live-feed.js",
  "start-live.js",
  "diagram-scene.js",
  "diagram-camera.js",
  "diagram-paint.js",
  "diagram-tip.js",
  "diagram-keys.js",
  "diagram.js",
  "view-switch.js",
  "main.js",
];

/** Theme first (custom properties), the responsive overrides last. */
const STYLE_FILES = [
  "theme.css",
  "page.css",
  "rows.css",
  "details.css",
  "diagram.css",
  "responsive.css",
];

const IMPORT_STATEMENT = /^import\s[\s\S]*?\sfrom\s+"[^"]+";[ \t]*$/gm;

/** The viewer's inline script and style, with the CSP hashes that allow exactly them. */
export interface ClientAssets {
  readonly script: string;
  readonly style: string;
  readonly scriptHash: string;
  readonly styleHash: string;
}

let cached: ClientAssets | undefined;

/**
 * Reads the client files once and joins the scripts into one classic script: module syntax is
 * removed (the files share one function scope instead) because an inline script cannot import.
 */
export function loadClientAssets(): ClientAssets {
  if (cached) return cached;
  const modules = SCRIPT_FILES.map((file) =>
    readFileSync(new URL(file, CLIENT_DIR), "utf8")
      .replace(IMPORT_STATEMENT, "")
      .replace(/^export /gm, ""),
  );
  const script = `(() => {\n"use strict";\n${loadD3Hierarchy()}\n${modules.join("\n")}\nstartViewer();\n})();\n`;
  const style = STYLE_FILES.map((file) => readFileSync(new URL(file, CLIENT_DIR), "utf8")).join("");
  cached = { script, style, scriptHash: hashForCsp(script), styleHash: hashForCsp(style) };
  return cached;
}

const EXPORT_LIST = /export\s*\{([^}]*)\};?\s*$/;

/**
 * d3-hierarchy's own minified ES module (its licence comment kept, less the project's web address:
 * the page names no address at all, so a reader never wonders what it loads), turned into
 * `const d3 = …`: its closing `export { a as b }` list becomes the object the wrapper returns,
 * which is what the client's `import * as d3 from "d3-hierarchy"` names once imports are stripped.
 */
function loadD3Hierarchy(): string {
  const entry = createRequire(import.meta.url).resolve("d3-hierarchy");
  const source = readFileSync(new URL("d3-hierarchy.min.mjs", pathToFileURL(entry)), "utf8");
  const list = EXPORT_LIST.exec(source);
  if (!list?.[1]) throw new Error("d3-hierarchy's module build has no export list to inline.");
  const fields = list[1].split(",").map((entry) => {
    const [local, exported = local] = entry.trim().split(/\s+as\s+/);
    return `${exported}: ${local}`;
  });
  const body = source.slice(0, list.index).replace(/https?:\/\/\S+\s*/g, "");
  return `const d3 = (() => {\n${body}\nreturn { ${fields.join(", ")} };\n})();`;
}
