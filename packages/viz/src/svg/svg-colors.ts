import type { TreeNode } from "@deliberate/core";
import { escapeXml, px } from "./escape-xml.js";

/** Amber, as the HTML viewer marks the best path. */
export const BEST_COLOR = "#d97706";
export const TEXT_COLOR = "#111827";
export const MUTED_COLOR = "#6b7280";
export const LINK_COLOR = "#9ca3af";
/** The fill of a node without a score, and of a fold. */
export const UNSCORED_COLOR = "#e5e7eb";
/** Pruned nodes and everything below them. */
export const FADED_OPACITY = 0.35;

/** A score's fill: light to dark blue, a scale that reads in grey and for colour-blind readers. */
const SCORE_STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [219, 233, 246],
  [107, 174, 214],
  [8, 81, 156],
];

export function scoreColor(score: number | undefined): string {
  if (score === undefined || !Number.isFinite(score)) return UNSCORED_COLOR;
  const t = Math.min(1, Math.max(0, score)) * (SCORE_STOPS.length - 1);
  const i = Math.min(SCORE_STOPS.length - 2, Math.floor(t));
  const [a, b] = [SCORE_STOPS[i], SCORE_STOPS[i + 1]] as [readonly number[], readonly number[]];
  const mix = (k: number) =>
    Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * (t - i));
  return `rgb(${mix(0)},${mix(1)},${mix(2)})`;
}

/** The outline of a node: its status, and the verifier's verdict on an answer. */
export const STATUS_STROKES = {
  open: "#9ca3af",
  expanded: "#374151",
  pruned: "#9ca3af",
  terminal: "#15803d",
  wrong: "#b91c1c",
  invalid: "#dc2626",
  failed: "#ea580c",
} as const;

export function statusStroke(node: TreeNode): string {
  if (node.status === "terminal" && node.verified === false) return STATUS_STROKES.wrong;
  return STATUS_STROKES[node.status];
}

/** Invalid and failed nodes are dashed, so they read without colour too. */
export function statusDash(node: TreeNode): string {
  return node.status === "invalid" || node.status === "failed" ? ' stroke-dasharray="3 2"' : "";
}

/** What a legend says a node's size or width is. */
export function describeWeight(weight: "tokens" | "time", kind: "tree" | "icicle"): string {
  const what = weight === "time" ? "model time" : "tokens (evaluated + generated)";
  return kind === "icicle" ? `width: ${what} of the subtree` : `size: ${what}`;
}

/**
 * The legend, one row of swatches (wrapping to a second row on a narrow picture): statuses, the
 * score scale, the best path, faded and folded nodes, and what size means. Returns the markup
 * and its height.
 */
export function drawLegend(
  width: number,
  kind: "tree" | "icicle",
  sizeNote: string,
  folded: number,
): { markup: string; height: number } {
  const items: Array<{ swatch: string; label: string; w: number }> = [];
  // The swatches take the shape the picture draws nodes with: circles, or an icicle's cells.
  const circle = (stroke: string, dash = "", opacity = 1) =>
    kind === "icicle"
      ? `<rect x="1" y="-9" width="11" height="10" fill="${UNSCORED_COLOR}" stroke="${stroke}" stroke-width="1.8"${dash} opacity="${opacity}"/>`
      : `<circle cx="6" cy="-4" r="5" fill="${UNSCORED_COLOR}" stroke="${stroke}" stroke-width="1.8"${dash} opacity="${opacity}"/>`;
  const add = (swatch: string, label: string, swatchWidth = 14) =>
    items.push({ swatch, label, w: swatchWidth + 6 + label.length * 6.4 + 14 });
  add(circle(STATUS_STROKES.expanded), "expanded");
  add(circle(STATUS_STROKES.open), "open");
  add(circle(STATUS_STROKES.terminal), "answer ✓");
  add(circle(STATUS_STROKES.wrong), "answer ✗");
  add(circle(STATUS_STROKES.invalid, ' stroke-dasharray="3 2"'), "invalid");
  add(circle(STATUS_STROKES.failed, ' stroke-dasharray="3 2"'), "failed");
  add(circle(STATUS_STROKES.pruned, "", FADED_OPACITY), "pruned (faded)");
  const ramp = [0, 0.25, 0.5, 0.75, 1]
    .map((s, i) => `<rect x="${i * 9}" y="-9" width="9" height="10" fill="${scoreColor(s)}"/>`)
    .join("");
  add(ramp, "score 0 → 1", 45);
  add(
    `<line x1="0" y1="-4" x2="18" y2="-4" stroke="${BEST_COLOR}" stroke-width="3"/>`,
    "best path",
    18,
  );
  if (folded > 0)
    add(
      `<circle cx="6" cy="-4" r="5" fill="#fff" stroke="${MUTED_COLOR}" stroke-dasharray="2 2"/>`,
      `+N: ${folded} nodes folded`,
    );
  add("", sizeNote, 0);
  let x = 0;
  let y = 14;
  const parts: string[] = [];
  for (const item of items) {
    if (x > 0 && x + item.w > width) {
      x = 0;
      y += 18;
    }
    const swatchWidth = item.swatch ? item.w - item.label.length * 6.4 - 20 : -6;
    parts.push(
      `<g transform="translate(${px(x)},${px(y)})">${item.swatch}<text x="${px(swatchWidth + 6)}" y="0" fill="${MUTED_COLOR}">${escapeXml(item.label)}</text></g>`,
    );
    x += item.w;
  }
  return { markup: `<g font-size="11">${parts.join("")}</g>`, height: y + 6 };
}
