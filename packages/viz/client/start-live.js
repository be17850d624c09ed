import { buildElement, findElement } from "./dom.js";
import { followLive } from "./live-feed.js";
import { showSummary } from "./summary.js";
import { appendEvent, upsertNode } from "./tree-model.js";

/**
 * Applies live messages to the model, batching the redraw to one per animation frame so a fast
 * search does not re-layout the tree for every event. New nodes near the root open expanded,
 * as they would in a saved tree.
 * @param {{ url: string, from: number }} live
 * @param {{ model: import("./tree-model.js").Model, state: { cursor: number, expanded: Set<number> },
 *   timeline: { grow(): number }, expandDepth: number }} viewer
 * @param {() => void} redraw
 */
export function startLive(live, viewer, redraw) {
  const { model, state, timeline, expandDepth } = viewer;
  const badge = findElement("live-state");
  badge.hidden = false;
  let frame = 0;
  followLive(
    live,
    (message) => {
      if (message.node) {
        if (!model.nodes.has(message.node.id) && message.node.depth < expandDepth) {
          state.expanded.add(message.node.id);
        }
        upsertNode(model, message.node);
      }
      if (message.event) appendEvent(model, message.event);
      if (message.bestPath) {
        model.best = new Set(message.bestPath);
        model.tree.bestPath = message.bestPath;
      }
      if (message.stopReason) model.tree.stopReason = message.stopReason;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        state.cursor = timeline.grow();
        showSummary(model);
        redraw();
      });
    },
    (liveState) => {
      badge.replaceChildren(buildElement("span", "live-dot"), document.createTextNode(liveState));
      badge.dataset.state = liveState;
    },
  );
}
