/**
 * The viewer's in-memory tree: nodes by id, children by parent, and per-node history from the
 * event log so that any moment of the search can be shown without copying the tree.
 * @typedef {{ source: string, value: number, detail?: string }} Score
 * @typedef {{ promptTokens: number, evaluatedPromptTokens: number, generatedTokens: number, ms: number }} Usage
 * @typedef {{ tool: string, input: string, text: string, ok: boolean, ms: number, cut?: number }} Observation
 * @typedef {{ id: number, parent: number | null, depth: number, text: string, status: string,
 *   reason?: string, raw?: string, scores: Score[], score?: number, answer?: string,
 *   verified?: boolean, visits?: number, usage: Usage, createdAt: number, state?: unknown,
 *   observation?: Observation }} Node
 * @typedef {{ type: string, seq: number, t: number, [key: string]: unknown }} Event
 * @typedef {{ name: string, options?: Record<string, unknown>, custom?: boolean }} PluginChoice
 * @typedef {{ question: string, strategy: string, model?: string, task?: string, nodes: Node[],
 *   events: Event[], bestPath?: number[], stopReason?: string,
 *   plugins?: { strategy: PluginChoice, evaluator: PluginChoice, generator: PluginChoice } }} Tree
 * @typedef {{ status: string, reason?: string, score?: number, scores: Score[], answer?: string,
 *   verified?: boolean }} NodeView
 */

const NODE_EVENTS = new Set(["scored", "status", "solution"]);

/**
 * @param {Tree} tree
 */
export function createModel(tree) {
  const model = {
    tree,
    /** @type {Map<number, Node>} */ nodes: new Map(),
    /** @type {Map<number | null, number[]>} */ children: new Map(),
    /** @type {Event[]} */ events: [],
    /** @type {Map<number, number>} */ createdIndex: new Map(),
    /** @type {Map<number, number[]>} */ history: new Map(),
    /** @type {Set<number>} */ best: new Set(tree.bestPath ?? []),
    /** @type {Map<number, string>} */ searchText: new Map(),
  };
  for (const node of tree.nodes) upsertNode(model, node);
  for (const event of tree.events) appendEvent(model, event);
  return model;
}

/** @typedef {ReturnType<typeof createModel>} Model */

/**
 * Adds a node or replaces its snapshot (a live update carries the node's latest state).
 * @param {Model} model
 * @param {Node} node
 */
export function upsertNode(model, node) {
  const known = model.nodes.has(node.id);
  model.nodes.set(node.id, node);
  model.searchText.delete(node.id);
  if (known) return;
  const parent = node.parent === node.id ? null : node.parent;
  const siblings = model.children.get(parent);
  if (siblings) siblings.push(node.id);
  else model.children.set(parent, [node.id]);
}

/**
 * @param {Model} model
 * @param {Event} event
 */
export function appendEvent(model, event) {
  const index = model.events.length;
  model.events.push(event);
  const id = /** @type {number} */ (event.id);
  if (event.type === "created") model.createdIndex.set(id, index);
  else if (NODE_EVENTS.has(event.type)) {
    const entries = model.history.get(id);
    if (entries) entries.push(index);
    else model.history.set(id, [index]);
  } else if (event.type === "stopped")
    model.tree.stopReason = /** @type {string} */ (event.stopReason);
}

/**
 * Whether a node exists once the first `cursor` events have happened. Nodes without a `created`
 * event (the root) exist from the start.
 * @param {Model} model
 * @param {number} id
 * @param {number} cursor
 */
export function isPresent(model, id, cursor) {
  const created = model.createdIndex.get(id);
  return created === undefined || created < cursor;
}

/**
 * The node as it stood after the first `cursor` events; the final snapshot at the end of the log.
 * @param {Model} model
 * @param {number} id
 * @param {number} cursor
 * @returns {NodeView}
 */
export function viewNode(model, id, cursor) {
  const node = /** @type {Node} */ (model.nodes.get(id));
  if (cursor >= model.events.length) return node;
  /** @type {NodeView} */
  const view = { status: "open", scores: [] };
  for (const index of model.history.get(id) ?? []) {
    if (index >= cursor) break;
    const event = /** @type {Record<string, any>} */ (model.events[index]);
    // A node can be scored more than once (a value, then a verifier); each event adds its scores.
    if (event.type === "scored")
      Object.assign(view, { score: event.score, scores: [...view.scores, ...event.scores] });
    else if (event.type === "status")
      Object.assign(view, { status: event.status, reason: event.reason });
    else Object.assign(view, { answer: event.answer, verified: event.verified });
  }
  return view;
}

/**
 * @param {Model} model
 * @param {number} id
 * @param {number} cursor
 */
export function listPresentChildren(model, id, cursor) {
  const children = model.children.get(id) ?? [];
  if (cursor >= model.events.length) return children;
  return children.filter((child) => isPresent(model, child, cursor));
}

/**
 * Ids from the root down to `id`.
 * @param {Model} model
 * @param {number} id
 */
export function listAncestors(model, id) {
  const path = [];
  const seen = new Set();
  /** @type {number | null | undefined} */
  let current = id;
  while (current !== null && current !== undefined && !seen.has(current)) {
    seen.add(current);
    path.push(current);
    current = model.nodes.get(current)?.parent;
  }
  return path.reverse();
}

/**
 * Lower-cased text a search matches against: the thought, its answer, reason and raw output.
 * @param {Model} model
 * @param {number} id
 */
export function readSearchText(model, id) {
  let text = model.searchText.get(id);
  if (text === undefined) {
    const node = /** @type {Node} */ (model.nodes.get(id));
    text = [node.text, node.answer, node.reason, node.raw].filter(Boolean).join("\n").toLowerCase();
    model.searchText.set(id, text);
  }
  return text;
}

/**
 * The nodes the strategy chose to expand most recently before `cursor`, so a replay shows where
 * the search is looking. Empty at the end of the log, where the final tree is shown.
 * @param {Model} model
 * @param {number} cursor
 * @returns {Set<number>}
 */
export function listSelectedAt(model, cursor) {
  if (cursor >= model.events.length) return new Set();
  for (let index = cursor - 1; index >= 0; index--) {
    const event = /** @type {Record<string, any>} */ (model.events[index]);
    if (event.type === "selected") return new Set(event.ids);
  }
  return new Set();
}
