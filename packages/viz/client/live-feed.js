/**
 * A message of the live stream: an event of the search, the latest snapshot of the node it
 * concerns, and the best path once known. Every field is optional.
 * @typedef {{ event?: import("./tree-model.js").Event, node?: import("./tree-model.js").Node,
 *   bestPath?: number[], stopReason?: string }} LiveMessage
 */

/**
 * Follows the live server's Server-Sent Events from `from` (the number of messages already in
 * the page), so nothing between page render and connection is lost. The browser reconnects by
 * itself with `Last-Event-ID`; the server resumes from there.
 * @param {{ url: string, from: number }} live
 * @param {(message: LiveMessage) => void} onMessage
 * @param {(state: string) => void} onState
 */
export function followLive(live, onMessage, onState) {
  const source = new EventSource(`${live.url}?from=${encodeURIComponent(String(live.from))}`);
  source.addEventListener("open", () => onState("live"));
  source.addEventListener("error", () =>
    onState(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting"),
  );
  source.addEventListener("message", (event) => {
    onMessage(JSON.parse(event.data));
  });
  source.addEventListener("end", () => {
    onState("finished");
    source.close();
  });
  return source;
}
