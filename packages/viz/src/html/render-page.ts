import type { SearchTree } from "@deliberate/core";
import { loadClientAssets } from "./client-assets.js";
import { renderDocumentHead } from "./document-head.js";
import { serializeForScript } from "./escape-html.js";
import { toViewerTree } from "./viewer-tree.js";

/** What the page's script reads from the embedded JSON. */
export interface PageData {
  readonly tree: SearchTree;
  readonly expandDepth: number;
  /** Present on the live server's page: where to follow events from, and from which message. */
  readonly live?: { readonly url: string; readonly from: number };
}

/**
 * The Content-Security-Policy of the viewer: nothing may load or run except the one inline script
 * and style whose hashes are listed, so even markup that slipped into the page could not execute.
 * The live page may also connect back to its own origin for the event stream.
 */
export function buildContentSecurityPolicy(live: boolean): string {
  const { scriptHash, styleHash } = loadClientAssets();
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    "img-src data:",
    `connect-src ${live ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const LEGEND = ["open", "expanded", "pruned", "terminal", "invalid", "failed"]
  .map((status) => `<span class="status-${status}">${status}</span>`)
  .join("");

/** Assembles the viewer document around the embedded data. */
export function renderPage(data: PageData, title: string): string {
  const { script, style } = loadClientAssets();
  const csp = buildContentSecurityPolicy(data.live !== undefined);
  return `${renderDocumentHead({ csp, title, style })}
<body>
<header class="top">
<div class="brand">deliberate · search tree</div>
<h1 id="question"></h1>
<p id="answer" class="answer-line"></p>
<div id="facts" class="facts"></div>
<ul id="guards" class="guards" aria-label="Input guards"></ul>
<span id="live-state" class="live-state" hidden></span>
</header>
<div class="toolbar">
<input id="search" type="search" placeholder="Search thoughts, answers, reasons…" aria-label="Search thoughts" autocomplete="off">
<span id="search-count" class="search-count"></span>
<button id="expand-all" type="button">Expand all</button>
<button id="collapse-all" type="button">Collapse all</button>
<span class="view-switch" role="group" aria-label="View">
<button id="view-outline" type="button" aria-pressed="true">Outline</button><button id="view-diagram" type="button" aria-pressed="false">Diagram</button><button id="view-split" type="button" aria-pressed="false">Both</button>
</span>
<span class="legend">${LEGEND}</span>
</div>
<main id="layout" class="layout" data-view="outline">
<section class="tree-pane">
<div id="rows" class="rows" role="tree" tabindex="0" aria-label="Search tree"></div>
<div id="row-count" class="row-count"></div>
</section>
<section class="diagram-pane" aria-label="Search tree diagram">
<div class="diagram-tools">
<select id="diagram-layout" aria-label="Diagram layout"><option value="tree">Tidy tree</option><option value="icicle">Icicle</option></select>
<select id="diagram-color" aria-label="Colour nodes by"><option value="status">Colour: status</option><option value="score">Colour: score</option></select>
<select id="diagram-size" aria-label="Size nodes by"><option value="nodes">Size: equal</option><option value="tokens">Size: tokens</option><option value="time">Size: time</option></select>
<button id="diagram-fit" type="button">Fit all</button>
<button id="diagram-best" type="button">★ Best path</button>
</div>
<div id="diagram" class="diagram" tabindex="0" aria-label="Diagram: arrows move, + and - zoom, 0 fits, b frames the best path" aria-describedby="diagram-caption">
<canvas id="diagram-canvas"></canvas>
<div id="diagram-tip" class="diagram-tip" role="tooltip" hidden></div>
</div>
<p id="diagram-caption" class="diagram-caption" aria-live="polite"></p>
</section>
<aside id="details" class="details" aria-label="Node details"></aside>
</main>
<footer class="timeline-bar">
<button id="play" type="button">▶ Replay</button>
<input id="timeline" type="range" min="0" max="0" value="0" step="1" aria-label="Search timeline">
<span id="timeline-label" class="timeline-label"></span>
</footer>
<noscript><p>The deliberate viewer needs JavaScript. The tree is embedded as JSON in this file.</p></noscript>
<script type="application/json" id="deliberate-data">${serializeForScript({ ...data, tree: toViewerTree(data.tree) })}</script>
<script>${script}</script>
</body>
</html>
`;
}
