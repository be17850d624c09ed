import type { SearchTree } from "@deliberate/core";
import { VizError } from "../errors.js";
import { flattenText, formatScore } from "../text/flatten-text.js";
import { drawDiagram, fitScale, type PictureScale } from "./draw-diagram.js";
import { escapeXml, px } from "./escape-xml.js";
import { countLeaves, layoutTree, type SvgLayout, type TreeLayout } from "./layout-tree.js";
import { formatCount, formatMs, readSearchFacts } from "./search-facts.js";
import { type DrawnTree, type SvgWeight, selectDrawnNodes } from "./select-nodes.js";
import { describeWeight, drawLegend, MUTED_COLOR, TEXT_COLOR } from "./svg-colors.js";

/** Options of {@link renderTreeSvg}. */
export interface RenderSvgOptions {
  /**
   * `tree` (a tidy node-link tree), `icicle` (a partition whose widths are the weight spent) or
   * `auto`: an icicle when the drawn tree has more than 48 leaves, a tidy tree otherwise.
   * @default "auto"
   */
  layout?: SvgLayout | "auto";
  /**
   * What a node's size (tidy tree) or width (icicle) stands for.
   * @default "tokens"
   */
  weight?: SvgWeight;
  /**
   * Width of the picture in pixels: 960 suits a README, 1200 a paper's full-width figure.
   * @default 960
   */
  width?: number;
  /**
   * Most nodes labelled with their text: the best path first, then answers, then high scores.
   * @default 40
   */
  maxLabels?: number;
  /**
   * Most nodes drawn in one layer; a wider layer folds each parent's lowest-ranked children
   * into one `+N` node.
   * @default 160
   */
  maxPerLayer?: number;
}

/** Leaves past which `auto` draws an icicle: a tidy tree's rows get too thin to read. */
const AUTO_ICICLE_LEAVES = 48;
const PAD = 24;

/** A tree chosen, folded and laid out, ready to draw at some scale. */
export interface PreparedPicture {
  readonly drawn: DrawnTree;
  readonly layout: TreeLayout;
}

/** Resolves the options and lays a tree out; the comparison page lays out two with one kind. */
export function preparePicture(
  tree: SearchTree,
  options: RenderSvgOptions,
  kind?: SvgLayout,
): PreparedPicture {
  const weight = options.weight ?? "tokens";
  const maxPerLayer = options.maxPerLayer ?? 160;
  if (!Number.isInteger(maxPerLayer) || maxPerLayer < 1) {
    throw new VizError(
      "INVALID_OPTION",
      `Expected maxPerLayer to be a positive integer, got ${String(maxPerLayer)}.`,
    );
  }
  const drawn = selectDrawnNodes(tree, { maxPerLayer, maxLevels: 48, weight });
  const chosen = kind ?? chooseLayout(drawn, options.layout ?? "auto");
  return { drawn, layout: layoutTree(drawn, chosen) };
}

/** `auto`'s choice for one drawn tree. */
export function chooseLayout(drawn: DrawnTree, layout: SvgLayout | "auto"): SvgLayout {
  if (layout === "tree" || layout === "icicle") return layout;
  if (layout !== "auto") {
    throw new VizError(
      "INVALID_OPTION",
      `Expected layout "tree", "icicle" or "auto", got ${JSON.stringify(layout)}.`,
    );
  }
  return countLeaves(drawn) > AUTO_ICICLE_LEAVES ? "icicle" : "tree";
}

/**
 * Renders a search tree as a standalone SVG picture for a README or a paper: the question, the
 * answer and what the search cost on top, the tree laid out by d3-hierarchy (a tidy tree, or an
 * icicle for wide trees), nodes filled by score and outlined by status, sized by the tokens or
 * time they took, pruned subtrees faded, the best path bold in amber, and a legend. Hovering a
 * node in a browser shows its text, status and reason (`<title>`).
 *
 * Every text is escaped for XML; the file holds no script, no `foreignObject`, no style sheet and
 * no link or reference to anything outside it. A huge tree stays bounded: at most `maxLabels`
 * labels, and a layer wider than `maxPerLayer` (or deeper than 48 levels) folds into `+N` nodes.
 *
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises";
 * import { renderTreeSvg } from "@deliberate/viz";
 *
 * await writeFile("tree.svg", renderTreeSvg(result.tree, { layout: "auto", width: 960 }));
 * ```
 */
export function renderTreeSvg(tree: SearchTree, options: RenderSvgOptions = {}): string {
  const width = options.width ?? 960;
  if (!Number.isFinite(width) || width < 320 || width > 20_000) {
    throw new VizError(
      "INVALID_OPTION",
      `Expected width between 320 and 20000 pixels, got ${String(width)}.`,
    );
  }
  const { drawn, layout } = preparePicture(tree, options);
  const scale = fitScale([layout], width - 2 * PAD);
  return composeSvg(tree, { drawn, layout }, scale, width, options);
}

/**
 * Lays the header, the diagram and the legend out one below the other in one `<svg>`. `idPrefix`
 * keeps the ids of two pictures in one page apart.
 */
export function composeSvg(
  tree: SearchTree,
  picture: PreparedPicture,
  scale: PictureScale,
  width: number,
  options: RenderSvgOptions,
  idPrefix = "svg",
): string {
  const header = drawHeader(tree, width - 2 * PAD);
  const diagram = drawDiagram(picture.layout, scale, { maxLabels: options.maxLabels ?? 40 });
  // Rounding of an icicle that fills the width exactly must not add a pixel.
  const inner = Math.max(width, Math.ceil(diagram.width + 2 * PAD - 0.5));
  const legendTop = header.height + diagram.height + 16;
  const legend = drawLegend(
    inner - 2 * PAD,
    picture.layout.kind,
    describeWeight(options.weight ?? "tokens", picture.layout.kind),
    picture.drawn.folded,
  );
  const height = Math.ceil(PAD + legendTop + legend.height + PAD);
  const question = flattenText(tree.question, 300) || "(no question)";
  const facts = readSearchFacts(tree);
  const description =
    facts.answer === undefined ? "no answer" : `answer: ${flattenText(facts.answer, 300)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(inner)}" height="${height}" viewBox="0 0 ${Math.ceil(inner)} ${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">`,
    `<title id="${idPrefix}-title">${escapeXml(`deliberate · ${question}`)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(`${tree.strategy} search, ${description}`)}</desc>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<g transform="translate(${PAD},${PAD})">${header.markup}</g>`,
    `<g transform="translate(${PAD},${px(PAD + header.height)})">${diagram.markup}</g>`,
    `<g transform="translate(${PAD},${px(PAD + legendTop)})">${legend.markup}</g>`,
    "</svg>",
  ].join("\n");
}

/** The question (two lines at most), the answer and one line of facts. */
function drawHeader(tree: SearchTree, width: number): { markup: string; height: number } {
  const perLine = Math.max(20, Math.floor(width / 8.4));
  const question = wrapLine(flattenText(tree.question) || "(no question)", perLine, 2);
  const facts = readSearchFacts(tree);
  const lines: string[] = [];
  let y = 16;
  for (const line of question) {
    lines.push(
      `<text y="${y}" font-size="15" font-weight="600" fill="${TEXT_COLOR}">${escapeXml(line)}</text>`,
    );
    y += 20;
  }
  const verdict =
    facts.verified === true ? " ✓ verified" : facts.verified === false ? " ✗ wrong" : "";
  const answer =
    facts.answer === undefined
      ? "No answer"
      : `Answer: ${flattenText(facts.answer, Math.max(20, Math.floor(width / 7.6) - 12))}${verdict}`;
  const answerColor =
    facts.verified === false || facts.answer === undefined ? "#b91c1c" : "#15803d";
  lines.push(
    `<text y="${y + 2}" font-size="13" font-weight="600" fill="${answerColor}">${escapeXml(answer)}</text>`,
  );
  y += 20;
  // Two lines at most, so that a narrow picture (a side of the comparison) keeps the stop reason.
  const factLines = wrapLine(describeFacts(tree), Math.floor(width / 6.4), 2);
  factLines.forEach((line, i) => {
    if (i > 0) y += 16;
    lines.push(`<text y="${y}" fill="${MUTED_COLOR}">${escapeXml(line)}</text>`);
  });
  return { markup: lines.join(""), height: y + 14 };
}

/** `beam · model · 15 nodes · 2.1k tokens · 12 calls · 1.4 s · best 0.93 · stopped: solved`. */
export function describeFacts(tree: SearchTree): string {
  const facts = readSearchFacts(tree);
  return [
    flattenText(tree.strategy, 40),
    tree.model ? flattenText(tree.model, 48) : undefined,
    `${facts.nodes} nodes`,
    `${formatCount(facts.evaluatedTokens + facts.generatedTokens)} tokens`,
    facts.calls === undefined ? undefined : `${facts.calls} calls`,
    formatMs(facts.ms),
    facts.bestScore === undefined ? undefined : `best ${formatScore(facts.bestScore)}`,
    `stopped: ${facts.stopReason === undefined ? "running" : flattenText(facts.stopReason, 60)}`,
  ]
    .filter((part) => part !== undefined)
    .join(" · ");
}

/** Breaks a line at spaces into at most `max` lines of `width` characters, the last cut with `…`. */
function wrapLine(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 0 && lines.length < max - 1 && rest.length > width) {
    const cut = rest.lastIndexOf(" ", width);
    const at = cut > width / 2 ? cut : width;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0) lines.push(flattenText(rest, width));
  return lines;
}
