import { buildElement } from "./dom.js";

const OVERSCAN_ROWS = 12;

/**
 * A scrolling list that only builds the rows in view (plus a margin), positioned inside a spacer
 * as tall as all rows together, so scrolling 10,000 rows touches a few dozen elements.
 * @param {HTMLElement} container the scrolling element
 * @param {number} rowHeight pixels; every row has this height
 * @param {(index: number) => HTMLElement} buildRow
 */
export function createVirtualList(container, rowHeight, buildRow) {
  const spacer = buildElement("div", "spacer");
  container.append(spacer);
  let count = 0;
  let frame = 0;

  function paint() {
    frame = 0;
    const top = container.scrollTop;
    const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN_ROWS);
    const last = Math.min(
      count,
      Math.ceil((top + container.clientHeight) / rowHeight) + OVERSCAN_ROWS,
    );
    const fragment = document.createDocumentFragment();
    for (let index = first; index < last; index++) {
      const row = buildRow(index);
      row.style.transform = `translateY(${index * rowHeight}px)`;
      fragment.append(row);
    }
    spacer.replaceChildren(fragment);
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(paint);
  }

  container.addEventListener("scroll", schedule, { passive: true });
  new ResizeObserver(schedule).observe(container);

  return {
    /**
     * Sets the number of rows and paints at once: after a click the reader sees the new rows in
     * the same frame, and tests can read them without waiting.
     * @param {number} rows
     */
    setCount(rows) {
      count = rows;
      spacer.style.height = `${rows * rowHeight}px`;
      paint();
    },
    refresh: paint,
    /**
     * Scrolls as little as shows row `index`, or, with `center`, puts it mid-list.
     * @param {number} index
     * @param {boolean} [center]
     */
    reveal(index, center = false) {
      const top = index * rowHeight;
      const bottom = top + rowHeight;
      if (center) container.scrollTop = Math.max(0, top - (container.clientHeight - rowHeight) / 2);
      else if (top < container.scrollTop) container.scrollTop = top;
      else if (bottom > container.scrollTop + container.clientHeight) {
        container.scrollTop = bottom - container.clientHeight;
      }
      paint();
    },
  };
}
