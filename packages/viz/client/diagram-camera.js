/**
 * Where the diagram looks: screen = world × k + (x, y), in CSS pixels.
 * @typedef {{ k: number, x: number, y: number }} Camera
 */

const MAX_ZOOM = 6;

/** @returns {Camera} */
export function createCamera() {
  return { k: 1, x: 0, y: 0 };
}

/**
 * Zooms and centres `camera` so that `box` fills a `width` × `height` view, with a margin, never
 * closer than `maxZoom`: a three-node path should not fill the screen with one node.
 * @param {Camera} camera
 * @param {{ x0: number, y0: number, x1: number, y1: number }} box
 * @param {number} width
 * @param {number} height
 * @param {number} [maxZoom]
 */
export function fitCamera(camera, box, width, height, maxZoom = 1.4) {
  const margin = 40;
  const k = Math.min(
    maxZoom,
    (width - 2 * margin) / Math.max(1, box.x1 - box.x0),
    (height - 2 * margin) / Math.max(1, box.y1 - box.y0),
  );
  camera.k = Math.max(1e-4, k);
  camera.x = width / 2 - ((box.x0 + box.x1) / 2) * camera.k;
  camera.y = height / 2 - ((box.y0 + box.y1) / 2) * camera.k;
}

/**
 * Multiplies the zoom by `factor` keeping the world point under (sx, sy) where it is.
 * @param {Camera} camera
 * @param {number} factor
 * @param {number} sx
 * @param {number} sy
 * @param {number} minZoom
 */
export function zoomCamera(camera, factor, sx, sy, minZoom) {
  const k = Math.min(MAX_ZOOM, Math.max(minZoom, camera.k * factor));
  camera.x = sx - ((sx - camera.x) * k) / camera.k;
  camera.y = sy - ((sy - camera.y) * k) / camera.k;
  camera.k = k;
}

/**
 * Pans just enough to bring a world point inside the view, with a margin.
 * @param {Camera} camera
 * @param {number} wx
 * @param {number} wy
 * @param {number} width
 * @param {number} height
 */
export function revealPoint(camera, wx, wy, width, height) {
  const margin = Math.min(80, width / 4, height / 4);
  const sx = wx * camera.k + camera.x;
  const sy = wy * camera.k + camera.y;
  if (sx < margin) camera.x += margin - sx;
  else if (sx > width - margin) camera.x -= sx - (width - margin);
  if (sy < margin) camera.y += margin - sy;
  else if (sy > height - margin) camera.y -= sy - (height - margin);
}
