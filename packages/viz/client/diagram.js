import { createCamera, fitCamera, revealPoint, zoomCamera } from "./diagram-camera.js";
import { findKeyTarget } from "./diagram-keys.js";
import { addShape, attachLabels, paintScene, readPalette } from "./diagram-paint.js";
import { LEVEL_GAP, layoutScene, measureBounds } from "./diagram-scene.js";
import { describeForCaption, fillTip } from "./diagram-tip.js";

/** Quiet time after a pan or zoom before the scene is redrawn sharp and re-centred. */
const SETTLE_MS = 140;

/**
 * @typedef {{ box: HTMLElement, canvas: HTMLCanvasElement, tip: HTMLElement, caption: HTMLElement,
 *   layout: HTMLSelectElement, color: HTMLSelectElement, size: HTMLSelectElement,
 *   fit: HTMLButtonElement, best: HTMLButtonElement }} DiagramElements
 * @typedef {{ model: import("./tree-model.js").Model, cursor: number, selected: number | null,
 *   matches: Set<number> }} DiagramState
 */

/**
 * The tree as a picture on a canvas. The whole scene is painted into an off-screen canvas a margin
 * larger than the view; panning only copies that bitmap (one drawImage per frame, whatever the
 * node count), and the scene is painted again, sharp and re-centred, once the reader stops. SVG
 * could not hold 10,000 nodes at 30 frames/s here (see docs/benchmarks.md#viewer).
 * @param {DiagramElements} elements
 * @param {DiagramState} state
 * @param {(id: number) => void} onSelect
 */
export function createDiagram(elements, state, onSelect) {
  const { box, canvas, tip, caption } = elements;
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
  const cacheCanvas = document.createElement("canvas");
  const cacheContext = /** @type {CanvasRenderingContext2D} */ (cacheCanvas.getContext("2d"));
  const palette = readPalette();
  const camera = createCamera();
  let cache = { valid: false, k: 1, x: 0, y: 0, margin: 0 };
  /** @type {import("./diagram-scene.js").Scene | null} */
  let scene = null;
  let visible = false;
  let dirty = true;
  let moved = false;
  let minZoom = 1e-3;
  let frame = 0;
  let settle = 0;
  let width = 0;
  let height = 0;
  /** @type {number} */
  let hover = -1;
  let frames = 0;

  function rebuild() {
    dirty = false;
    const { model, cursor } = state;
    scene = layoutScene(model, cursor, elements.layout.value, elements.size.value);
    attachLabels(scene, (id) => model.nodes.get(id)?.text ?? "");
    box.dataset.nodes = String(scene.ids.filter((id) => id !== -1).length);
    box.dataset.layout = scene.kind;
    measure();
    minZoom = Math.min(0.5, fitZoom(scene.bounds) / 2);
    if (!moved) frameBest();
    cache.valid = false;
    hover = -1;
    tip.hidden = true;
    showCaption();
  }

  /** @param {{ x0: number, y0: number, x1: number, y1: number }} bounds */
  function fitZoom(bounds) {
    const probe = createCamera();
    fitCamera(probe, bounds, Math.max(width, 100), Math.max(height, 100));
    return probe.k;
  }

  /** Frames the best path (as far as it exists at the cursor), or the whole tree without one. */
  function frameBest() {
    if (!scene) return;
    const best = [...state.model.best]
      .map((id) => scene?.index.get(id))
      .filter((i) => i !== undefined);
    const box = best.length > 0 ? measureBounds(scene, 0, 0, best) : { ...scene.bounds };
    // Room for the last node's label, which the tidy tree writes to its right.
    if (scene.kind === "tree") box.x1 += LEVEL_GAP * 0.8;
    fitCamera(camera, box, width, height);
    cache.valid = false;
  }

  function fitAll() {
    if (!scene) return;
    fitCamera(camera, scene.bounds, width, height);
    cache.valid = false;
  }

  function measure() {
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    if (
      rect.width === width &&
      rect.height === height &&
      canvas.width === Math.round(rect.width * dpr)
    )
      return;
    width = rect.width;
    height = rect.height;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    cache.valid = false;
  }

  function paintCache() {
    if (!scene) return;
    const dpr = window.devicePixelRatio || 1;
    const margin = Math.round(Math.max(width, height) / 2);
    const cacheWidth = Math.round((width + 2 * margin) * dpr);
    const cacheHeight = Math.round((height + 2 * margin) * dpr);
    // Resizing a canvas reallocates its bitmap: only when the view's size changed.
    if (cacheCanvas.width !== cacheWidth) cacheCanvas.width = cacheWidth;
    if (cacheCanvas.height !== cacheHeight) cacheCanvas.height = cacheHeight;
    const shifted = { k: camera.k, x: camera.x + margin, y: camera.y + margin };
    paintScene(
      cacheContext,
      scene,
      shifted,
      { width: width + 2 * margin, height: height + 2 * margin, dpr },
      palette,
      { colorBy: elements.color.value, matches: state.matches, best: state.model.best },
    );
    cache = { valid: true, k: camera.k, x: camera.x, y: camera.y, margin };
  }

  function draw() {
    frame = 0;
    if (!visible) return;
    if (dirty) rebuild();
    measure();
    if (!scene || width === 0) return;
    const ratio = camera.k / cache.k;
    const outside =
      ratio === 1 &&
      (Math.abs(camera.x - cache.x) > cache.margin || Math.abs(camera.y - cache.y) > cache.margin);
    if (!cache.valid || outside) paintCache();
    const dpr = window.devicePixelRatio || 1;
    const r = camera.k / cache.k;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = r !== 1;
    context.drawImage(
      cacheCanvas,
      (camera.x - r * (cache.x + cache.margin)) * dpr,
      (camera.y - r * (cache.y + cache.margin)) * dpr,
      cacheCanvas.width * r,
      cacheCanvas.height * r,
    );
    paintOverlay(dpr);
    frames++;
    writeHooks();
    if (box.dataset.painted !== "true") {
      box.dataset.painted = "true";
      performance.mark("deliberate:diagram-painted");
    }
  }

  /** The selection and the hovered node, drawn over the cached scene every frame (cheap). */
  function paintOverlay(/** @type {number} */ dpr) {
    if (!scene) return;
    context.setTransform(dpr * camera.k, 0, 0, dpr * camera.k, dpr * camera.x, dpr * camera.y);
    const icicle = scene.kind === "icicle";
    const selected = state.selected === null ? undefined : scene.index.get(state.selected);
    for (const [i, color, px] of /** @type {Array<[number | undefined, string, number]>} */ ([
      [selected, palette.accent, 3],
      [hover >= 0 ? hover : undefined, palette.ink, 1.5],
    ])) {
      if (i === undefined) continue;
      const ring = new Path2D();
      addShape(ring, scene, i, 4 / camera.k, icicle);
      context.lineWidth = px / camera.k;
      context.strokeStyle = color;
      context.stroke(ring);
    }
  }

  /** Where the best path and the selection are on screen, for tests and the benchmark. */
  function writeHooks() {
    if (!scene) return;
    const at = (/** @type {number} */ id) => {
      const i = scene?.index.get(id);
      if (i === undefined || !scene) return undefined;
      const x = /** @type {number} */ (scene.x[i]) * camera.k + camera.x;
      const y = /** @type {number} */ (scene.y[i]) * camera.k + camera.y;
      return `${Math.round(x)},${Math.round(y)}`;
    };
    box.dataset.bestAt = [...state.model.best]
      .map((id) => [id, at(id)])
      .filter(([, spot]) => spot !== undefined)
      .map(([id, spot]) => `${id}:${spot}`)
      .join(" ");
    box.dataset.selected = state.selected === null ? "" : String(state.selected);
    box.dataset.selectedAt = (state.selected === null ? undefined : at(state.selected)) ?? "";
    const chosen = state.selected === null ? undefined : scene.index.get(state.selected);
    box.dataset.selectedSize =
      chosen === undefined
        ? ""
        : `${Math.round(/** @type {number} */ (scene.w[chosen]) * camera.k)},${Math.round(/** @type {number} */ (scene.h[chosen]) * camera.k)}`;
    box.dataset.frames = String(frames);
    box.dataset.matches = String([...state.matches].filter((id) => scene?.index.has(id)).length);
  }

  function schedule() {
    if (!frame && visible) frame = requestAnimationFrame(draw);
  }

  /** After the reader stops moving, paint the scene again sharp and centred on the view. */
  function settleLater() {
    clearTimeout(settle);
    settle = window.setTimeout(() => {
      cache.valid = false;
      schedule();
    }, SETTLE_MS);
  }

  function showCaption() {
    const i = state.selected === null ? undefined : scene?.index.get(state.selected);
    caption.textContent = scene && i !== undefined ? describeForCaption(state.model, scene, i) : "";
  }

  /**
   * The node under a point of the canvas, or -1.
   * @param {number} sx
   * @param {number} sy
   */
  function hitTest(sx, sy) {
    if (!scene) return -1;
    const wx = (sx - camera.x) / camera.k;
    const wy = (sy - camera.y) / camera.k;
    const icicle = scene.kind === "icicle";
    // At least 6 screen pixels of reach, so a node drawn as a dot can still be clicked.
    const reach = 6 / camera.k;
    let found = -1;
    let nearest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < scene.ids.length; i++) {
      if (scene.ids[i] === -1) continue;
      const dx = Math.abs(wx - /** @type {number} */ (scene.x[i]));
      const dy = Math.abs(wy - /** @type {number} */ (scene.y[i]));
      const hw = /** @type {number} */ (scene.w[i]) / 2;
      const hh = /** @type {number} */ (scene.h[i]) / 2;
      if (icicle) {
        if (dx <= hw && dy <= hh) return i;
        continue;
      }
      const distance = Math.hypot(dx, dy);
      if (distance <= Math.max(hw, reach) && distance < nearest) {
        nearest = distance;
        found = i;
      }
    }
    return found;
  }

  /** @param {PointerEvent | WheelEvent} event */
  function locate(event) {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  let dragging = false;
  let travelled = 0;
  canvas.addEventListener("pointerdown", (event) => {
    dragging = true;
    travelled = 0;
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", (event) => {
    if (dragging) {
      travelled += Math.abs(event.movementX) + Math.abs(event.movementY);
      if (travelled < 4) return;
      camera.x += event.movementX;
      camera.y += event.movementY;
      moved = true;
      tip.hidden = true;
      schedule();
      settleLater();
      return;
    }
    const [sx, sy] = /** @type {[number, number]} */ (locate(event));
    const i = hitTest(sx, sy);
    if (i !== hover) {
      hover = i;
      schedule();
    }
    if (i < 0 || !scene) {
      tip.hidden = true;
      return;
    }
    fillTip(tip, state.model, scene, i);
    tip.hidden = false;
    tip.style.left = `${Math.min(sx + 14, Math.max(0, width - 320))}px`;
    tip.style.top = `${sy + 14}px`;
  });
  canvas.addEventListener("pointerleave", () => {
    hover = -1;
    tip.hidden = true;
    schedule();
  });
  canvas.addEventListener("pointerup", (event) => {
    dragging = false;
    if (travelled >= 4) return;
    const [sx, sy] = /** @type {[number, number]} */ (locate(event));
    const i = hitTest(sx, sy);
    box.focus({ preventScroll: true });
    if (i >= 0 && scene) onSelect(/** @type {number} */ (scene.ids[i]));
  });
  canvas.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const [sx, sy] = /** @type {[number, number]} */ (locate(event));
      zoomCamera(camera, Math.exp(-event.deltaY * 0.002), sx, sy, minZoom);
      moved = true;
      tip.hidden = true;
      schedule();
      settleLater();
    },
    { passive: false },
  );
  box.addEventListener("keydown", (event) => {
    let handled = true;
    if (event.key === "+" || event.key === "=")
      zoomCamera(camera, 1.25, width / 2, height / 2, minZoom);
    else if (event.key === "-") zoomCamera(camera, 0.8, width / 2, height / 2, minZoom);
    else if (event.key === "0") fitAll();
    else if (event.key === "b") frameBest();
    else {
      const target = scene
        ? findKeyTarget(event.key, state.selected, state.model, state.cursor, scene.index)
        : undefined;
      if (target === undefined)
        handled = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home"].includes(event.key);
      else onSelect(target);
    }
    if (!handled) return;
    event.preventDefault();
    moved = true;
    cache.valid = false;
    schedule();
  });
  elements.layout.addEventListener("change", () => {
    dirty = true;
    moved = false;
    schedule();
  });
  elements.size.addEventListener("change", () => {
    dirty = true;
    schedule();
  });
  elements.color.addEventListener("change", () => {
    cache.valid = false;
    schedule();
  });
  elements.fit.addEventListener("click", () => {
    fitAll();
    moved = true;
    schedule();
  });
  elements.best.addEventListener("click", () => {
    frameBest();
    moved = true;
    schedule();
  });
  new ResizeObserver(() => {
    cache.valid = false;
    schedule();
  }).observe(box);

  return {
    /** The cursor or the tree changed (replay, live): lay out again when next drawn. */
    refresh() {
      dirty = true;
      schedule();
    },
    /** Search matches changed: paint the scene again. */
    repaint() {
      cache.valid = false;
      schedule();
    },
    /**
     * The selection changed (here or in the outline): ring it, and pan to it if it is out of view.
     */
    reveal() {
      if (!visible) return;
      if (dirty) rebuild();
      const i = state.selected === null ? undefined : scene?.index.get(state.selected);
      if (scene && i !== undefined) {
        revealPoint(
          camera,
          /** @type {number} */ (scene.x[i]),
          /** @type {number} */ (scene.y[i]),
          width,
          height,
        );
      }
      showCaption();
      // At once, not at the next frame: whoever selected can read which node the diagram rings.
      box.dataset.selected = state.selected === null ? "" : String(state.selected);
      schedule();
    },
    /** @param {boolean} shown */
    setVisible(shown) {
      visible = shown;
      if (!shown) return;
      measure();
      if (!moved && scene) frameBest();
      schedule();
    },
  };
}
