import type { TreeNode } from "@deliberate/core";
import { flattenText, formatScore } from "../text/flatten-text.js";
import { escapeXml, px } from "./escape-xml.js";
import type { PlacedNode, TreeLayout } from "./layout-tree.js";
import {
  BEST_COLOR,
  FADED_OPACITY,
  LINK_COLOR,
  MUTED_COLOR,
  scoreColor,
  statusDash,
  statusStroke,
  TEXT_COLOR,
} from "./svg-colors.js";

/**
 * Pixels per layout unit. Tidy tree: `slot` is the height of a row and `level` the width of a
 * column. Icicle: `slot` is pixels per unit of weight and `level` the height of a row. Two
 * pictures drawn with one scale can be compared node for node.
 */
export interface PictureScale {
  readonly slot: number;
  readonly level: number;
  /** The weight drawn at the largest circle: the heaviest node of all pictures at this scale. */
  readonly weight: number;
}

/** Room right of a tidy tree's last column, for the leaves' labels. */
export const LABEL_ROOM = 230;
const CHAR_WIDTH = 6.2;

/** The largest scale at which every layout fits `width` (and rows stay readable). */
export function fitScale(layouts: readonly TreeLayout[], width: number): PictureScale {
  const slots = Math.max(1, ...layouts.map((layout) => layout.slots));
  const levels = Math.max(1, ...layouts.map((layout) => layout.levels));
  const weight = Math.max(1, ...layouts.map((layout) => layout.maxWeight));
  if (layouts[0]?.kind === "icicle") {
    return { slot: width / slots, level: clamp(720 / levels, 8, 34), weight };
  }
  const level = clamp((width - LABEL_ROOM - 24) / Math.max(1, levels - 1), 24, 220);
  return { slot: clamp(1100 / slots, 3, 22), level, weight };
}

/** Drawing choices that do not depend on the layout. */
export interface DrawOptions {
  readonly maxLabels: number;
}

/** Draws a laid-out tree at `scale`; returns its markup (origin top left) and size. */
export function drawDiagram(
  layout: TreeLayout,
  scale: PictureScale,
  options: DrawOptions,
): { markup: string; width: number; height: number } {
  const labelled = chooseLabelled(layout.nodes, options.maxLabels);
  return layout.kind === "icicle"
    ? drawIcicle(layout, scale, labelled)
    : drawTidy(layout, scale, labelled);
}

function drawTidy(layout: TreeLayout, scale: PictureScale, labelled: ReadonlySet<PlacedNode>) {
  const rMax = clamp(scale.slot * 0.42, 2, 9);
  const rMin = Math.min(2.5, rMax);
  const radius = (p: PlacedNode) =>
    rMin + (rMax - rMin) * Math.sqrt(Math.min(1, p.drawn.weight / scale.weight));
  const x = (p: PlacedNode) => rMax + 1 + p.level * scale.level;
  const y = (p: PlacedNode) => rMax + 1 + p.slot * scale.slot;
  const links: string[] = [];
  const bestLinks: string[] = [];
  const shapes: string[] = [];
  const bestShapes: string[] = [];
  const labels: string[] = [];
  const showLabels = scale.slot >= 10;
  for (const p of layout.nodes) {
    if (p.parent) {
      const [x0, y0, x1, y1] = [x(p.parent), y(p.parent), x(p), y(p)];
      const xm = (x0 + x1) / 2;
      const d = `M${px(x0)},${px(y0)}C${px(xm)},${px(y0)} ${px(xm)},${px(y1)} ${px(x1)},${px(y1)}`;
      if (p.drawn.best && p.parent.drawn.best)
        bestLinks.push(`<path d="${d}" stroke="${BEST_COLOR}" stroke-width="3"/>`);
      else links.push(`<path d="${d}"${fade(p)}/>`);
    }
    const shape = drawCircle(p, x(p), y(p), radius(p));
    (p.drawn.best ? bestShapes : shapes).push(shape);
    if (showLabels && labelled.has(p)) {
      const room = p.level === layout.levels - 1 ? LABEL_ROOM : scale.level - 2 * rMax - 6;
      const text = describeLabel(p, Math.floor(room / CHAR_WIDTH));
      if (text)
        labels.push(
          `<text x="${px(x(p) + radius(p) + 3)}" y="${px(y(p) + 3.5)}"${p.drawn.best ? ' font-weight="600"' : ""}${fade(p)}>${escapeXml(text)}</text>`,
        );
    }
  }
  const markup = [
    `<g fill="none" stroke="${LINK_COLOR}" stroke-width="1.2">${links.join("")}</g>`,
    `<g fill="none">${bestLinks.join("")}</g>`,
    `<g>${shapes.join("")}${bestShapes.join("")}</g>`,
    `<g font-size="11" fill="${TEXT_COLOR}">${labels.join("")}</g>`,
  ].join("\n");
  return {
    markup,
    width: 2 * rMax + 2 + (layout.levels - 1) * scale.level + LABEL_ROOM,
    height: 2 * rMax + 2 + (layout.slots - 1) * scale.slot,
  };
}

function drawCircle(p: PlacedNode, cx: number, cy: number, r: number): string {
  const node = p.drawn.node;
  const title = `<title>${escapeXml(describeTooltip(p))}</title>`;
  if (!node) {
    return `<g${fade(p)}>${title}<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(Math.max(r, 4))}" fill="#fff" stroke="${MUTED_COLOR}" stroke-dasharray="2 2"/></g>`;
  }
  const stroke = p.drawn.best ? BEST_COLOR : statusStroke(node);
  const width = p.drawn.best ? 2.5 : 1.5;
  return `<g${fade(p)}>${title}<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(r)}" fill="${scoreColor(node.score)}" stroke="${stroke}" stroke-width="${width}"${statusDash(node)}/></g>`;
}

function drawIcicle(layout: TreeLayout, scale: PictureScale, labelled: ReadonlySet<PlacedNode>) {
  const cells: string[] = [];
  const bestCells: string[] = [];
  for (const p of layout.nodes) {
    const x = p.slot * scale.slot;
    const w = Math.max(0.5, (p.slotEnd - p.slot) * scale.slot - 0.5);
    const y = p.level * scale.level;
    const h = Math.max(1, scale.level - 1.5);
    const node = p.drawn.node;
    const title = `<title>${escapeXml(describeTooltip(p))}</title>`;
    const rect = node
      ? `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" fill="${scoreColor(node.score)}" stroke="${p.drawn.best ? BEST_COLOR : statusStroke(node)}" stroke-width="${p.drawn.best ? 2.5 : 0.8}"${statusDash(node)}/>`
      : `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" fill="#fff" stroke="${MUTED_COLOR}" stroke-width="0.8" stroke-dasharray="2 2"/>`;
    const chars = Math.floor((w - 6) / CHAR_WIDTH);
    const text = labelled.has(p) && h >= 11 && chars >= 3 ? describeLabel(p, chars) : "";
    const label = text
      ? `<text x="${px(x + 3)}" y="${px(y + h / 2 + 3.5)}" fill="${(node?.score ?? 0) > 0.6 ? "#fff" : TEXT_COLOR}"${p.drawn.best ? ' font-weight="600"' : ""}>${escapeXml(text)}</text>`
      : "";
    (p.drawn.best ? bestCells : cells).push(`<g${fade(p)}>${title}${rect}${label}</g>`);
  }
  return {
    markup: `<g font-size="11">${cells.join("")}${bestCells.join("")}</g>`,
    width: layout.slots * scale.slot,
    height: layout.levels * scale.level,
  };
}

function fade(p: PlacedNode): string {
  return p.drawn.faded ? ` opacity="${FADED_OPACITY}"` : "";
}

/**
 * Which nodes get a label, at most `max`: the best path, then answers, then the highest scores.
 * Capping labels (not nodes) keeps a big picture readable and its text bounded.
 */
function chooseLabelled(nodes: readonly PlacedNode[], max: number): Set<PlacedNode> {
  const rank = (p: PlacedNode) =>
    p.drawn.best ? 3 : p.drawn.node?.answer !== undefined ? 2 : p.drawn.node ? 1 : 1.5;
  const sorted = [...nodes].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      (b.drawn.node?.score ?? -1) - (a.drawn.node?.score ?? -1) ||
      a.level - b.level,
  );
  return new Set(sorted.slice(0, Math.max(0, max)));
}

/** A node's label: its thought (or `+N` for a fold) and score, cut to `chars`. */
function describeLabel(p: PlacedNode, chars: number): string {
  if (chars < 3) return "";
  const node = p.drawn.node;
  if (!node) return flattenText(`+${p.drawn.folded}`, chars);
  const score = node.score === undefined ? "" : ` ${formatScore(node.score)}`;
  const answer = node.answer === undefined ? "" : node.verified === false ? " ✗" : " ✓";
  const text = p.level === 0 ? "question" : flattenText(node.text) || "(empty)";
  return flattenText(`${text}${score}${answer}`, chars);
}

/** A node's hover text: thought, status and why, score, answer (bounded, one per node). */
function describeTooltip(p: PlacedNode): string {
  const node: TreeNode | undefined = p.drawn.node;
  if (!node) return `${p.drawn.folded} more nodes, folded: no room to draw them one by one`;
  const lines = [flattenText(node.text, 240) || "(empty)"];
  const why = node.reason ? `: ${flattenText(node.reason, 160)}` : "";
  lines.push(`${node.status}${why}`);
  if (node.score !== undefined) lines.push(`score ${formatScore(node.score)}`);
  if (node.answer !== undefined) {
    const verdict = node.verified === true ? " ✓" : node.verified === false ? " ✗" : "";
    lines.push(`answer ${flattenText(node.answer, 120)}${verdict}`);
  }
  return lines.join("\n");
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
