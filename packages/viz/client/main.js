import { buildRow } from "./build-row.js";
import { collectRows, expandInitially } from "./collect-rows.js";
import { showDetails } from "./details-panel.js";
import { createDiagram } from "./diagram.js";
import { findElement } from "./dom.js";
import { moveWithKeys } from "./keyboard.js";
import { createSearchBox } from "./search-box.js";
import { startLive } from "./start-live.js";
import { showSummary } from "./summary.js";
import { createTimeline } from "./timeline.js";
import { createModel, listAncestors, listPresentChildren, listSelectedAt } from "./tree-model.js";
import { createViewSwitch } from "./view-switch.js";
import { createVirtualList } from "./virtual-list.js";

const ROW_HEIGHT = 30;

/**
 * Starts the viewer from the JSON embedded in the page.
 * @returns {void}
 */
export function startViewer() {
  const data = JSON.parse(findElement("deliberate-data").textContent ?? "{}");
  const model = createModel(data.tree);
  const expandDepth = data.expandDepth ?? 2;
  const state = {
    model,
    cursor: model.events.length,
    expanded: expandInitially(model, expandDepth),
    /** @type {number | null} */ selected: model.tree.bestPath?.at(-1) ?? null,
    /** @type {Set<number>} */ matches: new Set(),
    /** @type {Set<number>} */ frontier: new Set(),
    /** @type {{ ids: number[], depths: number[] }} */ rows: { ids: [], depths: [] },
  };
  const rowsElement = findElement("rows");
  const details = findElement("details");

  const list = createVirtualList(rowsElement, ROW_HEIGHT, (index) => {
    const id = /** @type {number} */ (state.rows.ids[index]);
    const childCount = listPresentChildren(model, id, state.cursor).length;
    return buildRow(state, id, /** @type {number} */ (state.rows.depths[index]), childCount);
  });

  const diagram = createDiagram(
    {
      box: findElement("diagram"),
      canvas: /** @type {HTMLCanvasElement} */ (findElement("diagram-canvas")),
      tip: findElement("diagram-tip"),
      caption: findElement("diagram-caption"),
      layout: /** @type {HTMLSelectElement} */ (findElement("diagram-layout")),
      color: /** @type {HTMLSelectElement} */ (findElement("diagram-color")),
      size: /** @type {HTMLSelectElement} */ (findElement("diagram-size")),
      fit: /** @type {HTMLButtonElement} */ (findElement("diagram-fit")),
      best: /** @type {HTMLButtonElement} */ (findElement("diagram-best")),
    },
    state,
    select,
  );

  function layout() {
    state.frontier = listSelectedAt(model, state.cursor);
    state.rows = collectRows(model, state.expanded, state.cursor);
    list.setCount(state.rows.ids.length);
    findElement("row-count").textContent =
      `${state.rows.ids.length} of ${model.nodes.size} nodes shown`;
  }

  /** @param {number} id */
  function select(id) {
    state.selected = id;
    for (const ancestor of listAncestors(model, id).slice(0, -1)) state.expanded.add(ancestor);
    layout();
    const index = state.rows.ids.indexOf(id);
    if (index >= 0) list.reveal(index);
    showDetails(details, model, id, state.cursor, select);
    diagram.reveal();
  }

  /** @param {number} id */
  function toggle(id) {
    if (state.expanded.has(id)) state.expanded.delete(id);
    else state.expanded.add(id);
    layout();
  }

  rowsElement.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const row = /** @type {HTMLElement | null} */ (target.closest(".row"));
    if (!row) return;
    const id = Number(row.dataset.id);
    if (target.classList.contains("toggle")) toggle(id);
    else select(id);
    rowsElement.focus({ preventScroll: true });
  });
  rowsElement.addEventListener("keydown", (event) => moveWithKeys(event, state, select, toggle));

  findElement("expand-all").addEventListener("click", () => {
    for (const id of model.nodes.keys()) state.expanded.add(id);
    layout();
  });
  findElement("collapse-all").addEventListener("click", () => {
    state.expanded = new Set(model.children.get(null) ?? []);
    layout();
  });

  const timeline = createTimeline(
    {
      slider: /** @type {HTMLInputElement} */ (findElement("timeline")),
      label: findElement("timeline-label"),
      play: /** @type {HTMLButtonElement} */ (findElement("play")),
    },
    () => model.events,
    (cursor) => {
      state.cursor = cursor;
      layout();
      diagram.refresh();
      showDetails(details, model, state.selected, state.cursor, select);
    },
  );
  timeline.reset();

  createSearchBox(
    {
      input: /** @type {HTMLInputElement} */ (findElement("search")),
      count: findElement("search-count"),
    },
    () => model,
    (matches) => {
      state.matches = matches;
      list.refresh();
      diagram.repaint();
    },
    select,
  );

  showSummary(model);
  layout();
  // The best path is expanded; bring its last node, the one selected, to the middle of the list.
  const opened = state.selected === null ? -1 : state.rows.ids.indexOf(state.selected);
  if (opened >= 0) list.reveal(opened, true);
  showDetails(details, model, state.selected, state.cursor, select);
  if (data.live) {
    startLive(data.live, { model, state, timeline, expandDepth }, () => {
      layout();
      diagram.refresh();
      showDetails(details, model, state.selected, state.cursor, select);
    });
  }
  createViewSwitch(findElement("layout"), (view) => {
    diagram.setVisible(view !== "outline");
    list.refresh();
  });
  document.documentElement.dataset.viewer = "ready";
  performance.mark("deliberate:ready");
}
