import type { SearchTree } from "@deliberate/core";
import { flattenText } from "../text/flatten-text.js";
import { renderPage } from "./render-page.js";

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /**
   * The page title.
   * @default "deliberate · " followed by the question
   */
  title?: string;
  /**
   * How many levels open expanded; the best path always opens.
   * @default 2
   */
  expandDepth?: number;
}

/**
 * Renders a search tree as one self-contained HTML file: the viewer's script and style are
 * inline, nothing is fetched, and the tree is embedded as JSON escaped so that no node text can
 * close its `<script>` element. A strict Content-Security-Policy allows only the viewer's own
 * script. Open the file in any browser, offline.
 *
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises";
 * import { renderHtml } from "@deliberate/viz";
 *
 * const result = await think("Use 4 9 10 13 to make 24", { model });
 * await writeFile("tree.html", renderHtml(result.tree));
 * ```
 */
export function renderHtml(tree: SearchTree, options: RenderHtmlOptions = {}): string {
  const title = options.title ?? `deliberate · ${flattenText(tree.question, 80)}`;
  return renderPage({ tree, expandDepth: options.expandDepth ?? 2 }, title);
}
