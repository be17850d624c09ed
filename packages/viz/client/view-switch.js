const VIEWS = ["outline", "diagram", "split"];

/**
 * The Outline / Diagram / Both buttons. The choice is kept in the address's fragment (`#diagram`,
 * `#split`), so a reload or a shared link opens the same view; the outline is the default.
 * @param {HTMLElement} layout the element whose `data-view` the stylesheet follows
 * @param {(view: string) => void} onChange
 */
export function createViewSwitch(layout, onChange) {
  const buttons = VIEWS.map(
    (view) => /** @type {HTMLButtonElement} */ (document.getElementById(`view-${view}`)),
  );

  /** @param {string} view */
  function show(view) {
    const chosen = VIEWS.includes(view) ? view : "outline";
    layout.dataset.view = chosen;
    buttons.forEach((button, index) => {
      button?.setAttribute("aria-pressed", String(VIEWS[index] === chosen));
    });
    onChange(chosen);
  }

  buttons.forEach((button, index) => {
    button?.addEventListener("click", () => {
      const view = /** @type {string} */ (VIEWS[index]);
      history.replaceState(
        null,
        "",
        view === "outline" ? location.pathname + location.search : `#${view}`,
      );
      show(view);
    });
  });
  show(location.hash.slice(1));
}
