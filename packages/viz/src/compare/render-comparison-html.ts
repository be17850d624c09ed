import type { SearchTree } from "@deliberate/core";
import { VizError } from "../errors.js";
import { hashForCsp, renderDocumentHead } from "../html/document-head.js";
import { escapeHtml } from "../html/escape-html.js";
import { fitScale } from "../svg/draw-diagram.js";
import {
  chooseLayout,
  composeSvg,
  type PreparedPicture,
  preparePicture,
  type RenderSvgOptions,
} from "../svg/render-tree-svg.js";
import { formatCount, formatMs, readSearchFacts } from "../svg/search-facts.js";
import { flattenText, formatScore } from "../text/flatten-text.js";
import { COMPARISON_STYLE } from "./comparison-style.js";

/** Options of {@link renderComparisonHtml}. */
export interface RenderComparisonOptions
  extends Pick<RenderSvgOptions, "layout" | "weight" | "maxLabels" | "maxPerLayer"> {
  /**
   * What each column is called.
   * @default each tree's strategy and model, e.g. `greedy · tiny-reasoner`
   */
  labels?: readonly [string, string];
  /**
   * Width of each diagram in pixels before it scrolls; both are drawn at the scale that fits the
   * larger tree in it.
   * @default 640
   */
  width?: number;
  /**
   * Draw two searches of different questions side by side anyway (otherwise a
   * `VizError("QUESTIONS_DIFFER")`): their costs are then not comparable.
   * @default false
   */
  allowDifferentQuestions?: boolean;
  /**
   * The page title.
   * @default "deliberate · " followed by the question
   */
  title?: string;
}

const PAD = 24;

/**
 * Renders two searches of one question side by side as a self-contained HTML page: a table of
 * their answers, costs (tokens, calls, time) and stop reasons, and both trees drawn with
 * {@link renderTreeSvg}'s pictures at the same scale and layout, so that a wider or deeper
 * search looks wider or deeper. Made for System 1 against System 2, greedy against beam, two
 * models or two budgets.
 *
 * The page holds no script at all; its Content-Security-Policy (`default-src 'none'`) allows only
 * its own inline style, and every text is escaped. Hover a node for its text and reason.
 *
 * @throws VizError `QUESTIONS_DIFFER` when the trees ask different questions (whitespace and
 * control characters aside), unless `allowDifferentQuestions`; `INVALID_OPTION` unless given
 * exactly two trees.
 *
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises";
 * import { renderComparisonHtml } from "@deliberate/viz";
 *
 * const fast = await think(question, { model, strategy: "greedy" });
 * const slow = await think(question, { model, strategy: "beam" });
 * await writeFile("compare.html", renderComparisonHtml([fast.tree, slow.tree]));
 * ```
 */
export function renderComparisonHtml(
  trees: readonly SearchTree[],
  options: RenderComparisonOptions = {},
): string {
  if (trees.length !== 2) {
    throw new VizError(
      "INVALID_OPTION",
      `Expected two trees to compare, got ${trees.length}. Compare them two at a time.`,
    );
  }
  const [a, b] = trees as [SearchTree, SearchTree];
  checkSameQuestion(a, b, options.allowDifferentQuestions ?? false);
  const width = options.width ?? 640;
  // One layout for both: an icicle when either tree is too wide for a tidy tree.
  const first = preparePicture(a, options);
  const second = preparePicture(b, options);
  const kind =
    options.layout === "tree" || options.layout === "icicle"
      ? options.layout
      : first.layout.kind === "icicle" || second.layout.kind === "icicle"
        ? "icicle"
        : chooseLayout(first.drawn, "tree");
  const pictures = [first, second].map((picture, i) =>
    picture.layout.kind === kind ? picture : preparePicture(trees[i] as SearchTree, options, kind),
  ) as [PreparedPicture, PreparedPicture];
  const scale = fitScale(
    pictures.map((picture) => picture.layout),
    width - 2 * PAD,
  );
  const labels = options.labels ?? [describeRun(a), describeRun(b)];
  const svgs = pictures.map((picture, i) =>
    composeSvg(trees[i] as SearchTree, picture, scale, width, options, `tree-${i + 1}`),
  );
  const question = flattenText(a.question) || "(no question)";
  const title = options.title ?? `deliberate · ${flattenText(question, 80)}`;
  const csp = `default-src 'none'; style-src ${hashForCsp(COMPARISON_STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const columns = svgs
    .map(
      (svg, i) =>
        `<section class="pane" aria-label="${escapeHtml(flattenText(labels[i] ?? "", 120))}">\n<h2>${escapeHtml(flattenText(labels[i] ?? "", 120))}</h2>\n<div class="picture">${svg}</div>\n</section>`,
    )
    .join("\n");
  return `${renderDocumentHead({ csp, title, style: COMPARISON_STYLE })}
<body>
<header>
<div class="brand">deliberate · two searches side by side</div>
<h1 id="question">${escapeHtml(question)}</h1>
${b.question === a.question || flattenText(b.question) === question ? "" : `<p class="warning">The second search asked: ${escapeHtml(flattenText(b.question))}</p>`}
</header>
${renderFactsTable([a, b], labels)}
<main class="columns">
${columns}
</main>
<footer>Both trees are drawn at the same scale (${describeScale(kind)}). Hover a node for its text, status and reason.</footer>
</body>
</html>
`;
}

/** The refusal of two different questions: comparing their costs would mislead. */
function checkSameQuestion(a: SearchTree, b: SearchTree, allowed: boolean): void {
  if (allowed || flattenText(a.question) === flattenText(b.question)) return;
  throw new VizError(
    "QUESTIONS_DIFFER",
    `Expected two searches of the same question, got ${JSON.stringify(flattenText(a.question, 80))} and ${JSON.stringify(flattenText(b.question, 80))}. Compare searches of one question, or pass allowDifferentQuestions.`,
  );
}

/** `beam · qwen2.5-1.5b`: a column's default name. */
function describeRun(tree: SearchTree): string {
  return [tree.strategy, tree.model].filter(Boolean).join(" · ");
}

function describeScale(kind: string): string {
  return kind === "icicle"
    ? "one pixel of width is the same weight in both, one row a level"
    : "one row per leaf, one column per level";
}

/** Answers, costs and stop reasons of both runs, one row per fact. */
function renderFactsTable(trees: readonly [SearchTree, SearchTree], labels: readonly string[]) {
  const facts = trees.map(readSearchFacts);
  const cell = (text: string, className = "") =>
    `<td${className ? ` class="${className}"` : ""}>${escapeHtml(text)}</td>`;
  const rows: Array<[string, (i: number) => string]> = [
    [
      "answer",
      (i) => {
        const f = facts[i];
        if (f?.answer === undefined) return cell("no answer", "bad");
        const verdict = f.verified === true ? " ✓" : f.verified === false ? " ✗" : "";
        return cell(
          `${flattenText(f.answer, 200)}${verdict}`,
          f.verified === false ? "bad" : "good",
        );
      },
    ],
    ["stopped", (i) => cell(flattenText(facts[i]?.stopReason ?? "running", 120))],
    ["strategy", (i) => cell(flattenText(trees[i]?.strategy ?? "", 80))],
    ["model", (i) => cell(flattenText(trees[i]?.model ?? "–", 80))],
    ["nodes", (i) => cell(String(facts[i]?.nodes ?? 0))],
    [
      "tokens",
      (i) =>
        cell(
          `${formatCount((facts[i]?.evaluatedTokens ?? 0) + (facts[i]?.generatedTokens ?? 0))} (${formatCount(facts[i]?.generatedTokens ?? 0)} generated)`,
        ),
    ],
    ["calls", (i) => cell(facts[i]?.calls === undefined ? "–" : String(facts[i]?.calls))],
    ["time", (i) => cell(formatMs(facts[i]?.ms ?? 0))],
    [
      "best score",
      (i) => cell(facts[i]?.bestScore === undefined ? "–" : formatScore(facts[i]?.bestScore ?? 0)),
    ],
  ];
  const head = labels.map((label) => `<th scope="col">${escapeHtml(flattenText(label, 120))}</th>`);
  const body = rows.map(
    ([name, render]) => `<tr><th scope="row">${name}</th>${render(0)}${render(1)}</tr>`,
  );
  return `<table class="facts">\n<thead><tr><th></th>${head.join("")}</tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}
