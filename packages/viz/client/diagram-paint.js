import { flattenLine, rateScore } from "./dom.js";

/**
 * @typedef {{ status: Record<string, string>, score: Record<string, string>, best: string,
 *   line: string, ink: string, muted: string, panel: string, match: string, matchRing: string,
 *   accent: string }} Palette
 */

const STATUSES = ["open", "expanded", "pruned", "terminal", "invalid", "failed"];

/**
 * The page theme's colours, read once from its custom properties (light or dark).
 * @returns {Palette}
 */
export function readPalette() {
  const style = getComputedStyle(document.documentElement);
  /** @param {string} name */
  const read = (name) => style.getPropertyValue(`--${name}`).trim() || "#888";
  return {
    status: Object.fromEntries(STATUSES.map((status) => [status, read(status)])),
    score: { high: read("high"), mid: read("mid"), low: read("low"), none: read("open") },
    best: read("best"),
    line: read("muted"),
    ink: read("ink"),
    muted: read("muted"),
    panel: read("panel"),
    match: read("match-bg"),
    matchRing: read("mid"),
    accent: read("accent"),
  };
}

/**
 * The fill of node `i`: its status colour, or its score bucket.
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number} i
 * @param {string} colorBy
 * @param {Palette} palette
 */
export function colorOf(scene, i, colorBy, palette) {
  const view = /** @type {import("./tree-model.js").NodeView} */ (scene.views[i]);
  if (colorBy === "score") return palette.score[rateScore(view.score)] ?? palette.score.none;
  return palette.status[view.status] ?? palette.status.open;
}

/**
 * Draws links, nodes, the best path, search matches and, when there is room, labels. Nodes out of
 * view are skipped and same-coloured shapes share one path, so a frame with 10,000 nodes in view
 * is a few dozen fill calls, not 10,000.
 * @param {CanvasRenderingContext2D} ctx
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {import("./diagram-camera.js").Camera} camera
 * @param {{ width: number, height: number, dpr: number }} viewport CSS pixels
 * @param {Palette} palette
 * @param {{ colorBy: string, matches: Set<number>, best: Set<number> }} options
 */
export function paintScene(ctx, scene, camera, viewport, palette, options) {
  const { width, height, dpr } = viewport;
  const { k } = camera;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * camera.x, dpr * camera.y);
  // The world rectangle in view, widened by a level so links entering from off-screen show.
  const pad = 220;
  const wx0 = -camera.x / k - pad;
  const wy0 = -camera.y / k - pad / 4;
  const wx1 = (width - camera.x) / k + pad;
  const wy1 = (height - camera.y) / k + pad / 4;
  const count = scene.ids.length;
  /** @type {number[]} */
  const visible = [];
  for (let i = 0; i < count; i++) {
    const x = /** @type {number} */ (scene.x[i]);
    const y = /** @type {number} */ (scene.y[i]);
    const hw = /** @type {number} */ (scene.w[i]) / 2;
    const hh = /** @type {number} */ (scene.h[i]) / 2;
    if (x + hw < wx0 || x - hw > wx1 || y + hh < wy0 || y - hh > wy1) continue;
    if (scene.ids[i] !== -1) visible.push(i);
  }
  const icicle = scene.kind === "icicle";
  if (!icicle) paintLinks(ctx, scene, visible, k, palette, options.best);
  paintMatches(ctx, scene, visible, k, palette, options.matches, icicle);
  paintNodes(ctx, scene, visible, k, palette, options.colorBy, icicle);
  paintBest(ctx, scene, visible, k, palette, options.best, icicle);
  paintLabels(ctx, scene, visible, k, palette, icicle);
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number[]} visible
 * @param {number} k
 * @param {Palette} palette
 * @param {Set<number>} best
 */
function paintLinks(ctx, scene, visible, k, palette, best) {
  const groups = [new Path2D(), new Path2D(), new Path2D()]; // plain, faded, best
  // Far out, curves are too small to see and cost the rasterizer several times a straight line.
  const straight = k < 0.2;
  for (const i of visible) {
    const p = /** @type {number} */ (scene.parent[i]);
    if (p < 0 || scene.ids[p] === -1) continue;
    const onBest =
      best.has(/** @type {number} */ (scene.ids[i])) &&
      best.has(/** @type {number} */ (scene.ids[p]));
    const path = /** @type {Path2D} */ (groups[onBest ? 2 : scene.faded[i] ? 1 : 0]);
    const px = /** @type {number} */ (scene.x[p]);
    const py = /** @type {number} */ (scene.y[p]);
    const x = /** @type {number} */ (scene.x[i]);
    const y = /** @type {number} */ (scene.y[i]);
    path.moveTo(px, py);
    if (straight) path.lineTo(x, y);
    else {
      const mid = (px + x) / 2;
      path.bezierCurveTo(mid, py, mid, y, x, y);
    }
  }
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = palette.line;
  ctx.globalAlpha = 0.45;
  ctx.stroke(/** @type {Path2D} */ (groups[0]));
  ctx.globalAlpha = 0.15;
  ctx.stroke(/** @type {Path2D} */ (groups[1]));
  ctx.globalAlpha = 1;
  ctx.lineWidth = Math.max(3 / k, 2);
  ctx.strokeStyle = palette.best;
  ctx.stroke(/** @type {Path2D} */ (groups[2]));
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number[]} visible
 * @param {number} k
 * @param {Palette} palette
 * @param {Set<number>} matches
 * @param {boolean} icicle
 */
function paintMatches(ctx, scene, visible, k, palette, matches, icicle) {
  if (matches.size === 0) return;
  const halo = new Path2D();
  // A halo at least 6 screen pixels wide, so a match stays findable when zoomed far out.
  const grow = 6 / k;
  for (const i of visible) {
    if (!matches.has(/** @type {number} */ (scene.ids[i]))) continue;
    addShape(halo, scene, i, grow, icicle);
  }
  ctx.fillStyle = palette.match;
  ctx.fill(halo);
  ctx.lineWidth = 1.5 / k;
  ctx.strokeStyle = palette.matchRing;
  ctx.stroke(halo);
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number[]} visible
 * @param {number} k
 * @param {Palette} palette
 * @param {string} colorBy
 * @param {boolean} icicle
 */
function paintNodes(ctx, scene, visible, k, palette, colorBy, icicle) {
  /** @type {Map<string, Path2D>} */
  const batches = new Map();
  // Far out, a circle is a pixel: a square is drawn faster and looks the same.
  const tiny = !icicle && 14 * k < 3;
  for (const i of visible) {
    const key = `${scene.faded[i] ? "f" : "n"}${colorOf(scene, i, colorBy, palette)}`;
    let path = batches.get(key);
    if (!path) {
      path = new Path2D();
      batches.set(key, path);
    }
    addShape(path, scene, i, 0, icicle, tiny);
  }
  for (const [key, path] of batches) {
    ctx.globalAlpha = key.startsWith("f") ? 0.25 : 1;
    ctx.fillStyle = key.slice(1);
    ctx.fill(path);
  }
  ctx.globalAlpha = 1;
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number[]} visible
 * @param {number} k
 * @param {Palette} palette
 * @param {Set<number>} best
 * @param {boolean} icicle
 */
function paintBest(ctx, scene, visible, k, palette, best, icicle) {
  const ring = new Path2D();
  for (const i of visible) {
    if (best.has(/** @type {number} */ (scene.ids[i]))) addShape(ring, scene, i, 2 / k, icicle);
  }
  ctx.lineWidth = Math.max(2.5 / k, 1.5);
  ctx.strokeStyle = palette.best;
  ctx.stroke(ring);
}

/**
 * Thoughts next to nodes, only where a line of text fits between neighbours; drawn with
 * `fillText`, so a thought is pixels, never markup.
 * @param {CanvasRenderingContext2D} ctx
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number[]} visible
 * @param {number} k
 * @param {Palette} palette
 * @param {boolean} icicle
 */
function paintLabels(ctx, scene, visible, k, palette, icicle) {
  const fontPx = 12;
  ctx.font = `${fontPx / k}px system-ui, sans-serif`;
  ctx.textBaseline = "middle";
  const room = icicle ? 0 : 26 * k;
  if (!icicle && room < fontPx + 2) return;
  let drawn = 0;
  for (const i of visible) {
    if (drawn > 400) break;
    const h = /** @type {number} */ (scene.h[i]);
    if (icicle && h * k < fontPx + 2) continue;
    const text = readLabel(scene, i);
    if (!text) continue;
    const w = /** @type {number} */ (scene.w[i]);
    const x = /** @type {number} */ (scene.x[i]);
    const y = /** @type {number} */ (scene.y[i]);
    const left = icicle ? x - w / 2 + 4 / k : x + w / 2 + 4 / k;
    const maxWidth = icicle ? w - 8 / k : 200 - w - 12 / k;
    if (maxWidth * k < 20) continue;
    // Faded icicle cells are pale: dark text on them, light text on the saturated ones.
    ctx.globalAlpha = scene.faded[i] ? 0.55 : 1;
    ctx.fillStyle = icicle && !scene.faded[i] ? palette.panel : palette.ink;
    const line = fitText(text, maxWidth, fontPx / k);
    if (!icicle) {
      // A plate in the background colour keeps the label readable where a link runs under it.
      const em = fontPx / k;
      const plate = ctx.globalAlpha;
      ctx.globalAlpha = 0.88;
      ctx.fillStyle = palette.panel;
      ctx.fillRect(left - em * 0.2, y - em * 0.65, line.length * em * 0.6 + em * 0.4, em * 1.3);
      ctx.globalAlpha = plate;
      ctx.fillStyle = palette.ink;
    }
    ctx.fillText(line, left, y);
    drawn++;
  }
  ctx.globalAlpha = 1;
}

/** @type {WeakMap<import("./diagram-scene.js").Scene, string[]>} */
const labels = new WeakMap();

/**
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number} i
 */
function readLabel(scene, i) {
  return labels.get(scene)?.[i] ?? "";
}

/**
 * Gives the scene the one-line texts its labels show (the painter has no model).
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {(id: number) => string} readText
 */
export function attachLabels(scene, readText) {
  labels.set(
    scene,
    scene.ids.map((id) => (id === -1 ? "" : flattenLine(readText(id), 80))),
  );
}

/**
 * Cuts a label to about `maxWidth` by counting characters (0.6 em each) rather than measuring:
 * measuring text is the slowest thing in a repaint, and a label a few pixels short is fine.
 * @param {string} text
 * @param {number} maxWidth world units
 * @param {number} em world units
 */
function fitText(text, maxWidth, em) {
  const fits = Math.floor(maxWidth / (em * 0.6));
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
}

/**
 * Adds node `i`'s shape, grown by `grow` world units: a circle in the tree, a rectangle in the
 * icicle (or a square when circles would be a pixel).
 * @param {Path2D} path
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number} i
 * @param {number} grow
 * @param {boolean} icicle
 * @param {boolean} [square]
 */
export function addShape(path, scene, i, grow, icicle, square = false) {
  const x = /** @type {number} */ (scene.x[i]);
  const y = /** @type {number} */ (scene.y[i]);
  const w = /** @type {number} */ (scene.w[i]) + 2 * grow;
  const h = /** @type {number} */ (scene.h[i]) + 2 * grow;
  if (icicle || square) {
    path.rect(x - w / 2, y - h / 2, w, h);
    return;
  }
  path.moveTo(x + w / 2, y);
  path.arc(x, y, w / 2, 0, Math.PI * 2);
}
