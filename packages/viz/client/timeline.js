import { formatDuration } from "./dom.js";

const PLAY_STEP_MS = 40;

/**
 * Describes one event for the timeline label.
 * @param {Record<string, any>} event
 */
export function describeEvent(event) {
  switch (event.type) {
    case "started":
      return `started (${event.strategy})`;
    case "guarded":
      return `guard ${event.guard}: ${event.verdict}`;
    case "selected":
      return `selected ${event.ids.length} node${event.ids.length === 1 ? "" : "s"}`;
    case "created":
      return `node ${event.id} created under ${event.parent}`;
    case "scored":
      return `node ${event.id} scored ${Number(event.score).toFixed(2)}`;
    case "status":
      return `node ${event.id} ${event.status}`;
    case "solution":
      return `node ${event.id} answered`;
    case "budget":
      return `budget: ${event.nodes} nodes, ${event.generatedTokens} tokens`;
    case "stopped":
      return `stopped: ${event.stopReason}`;
    default:
      return String(event.type);
  }
}

/**
 * Wires the replay slider and play button. The cursor counts the events applied: 0 shows the
 * tree before any event, `events.length` the final tree. At the end the slider follows new
 * events (a live search); anywhere else it stays where the reader put it.
 * @param {{ slider: HTMLInputElement, label: HTMLElement, play: HTMLButtonElement }} elements
 * @param {() => Array<Record<string, any>>} readEvents
 * @param {(cursor: number) => void} onChange
 */
export function createTimeline(elements, readEvents, onChange) {
  const { slider, label, play } = elements;
  let timer = 0;

  function describe() {
    const events = readEvents();
    const cursor = Number(slider.value);
    if (cursor >= events.length) label.textContent = `all ${events.length} events`;
    else {
      const event = events[cursor - 1];
      label.textContent = event
        ? `${cursor} / ${events.length} · ${formatDuration(event.t)} · ${describeEvent(event)}`
        : `0 / ${events.length} · before the search`;
    }
  }

  function stop() {
    clearInterval(timer);
    timer = 0;
    play.textContent = "▶ Replay";
  }

  slider.addEventListener("input", () => {
    stop();
    describe();
    onChange(Number(slider.value));
  });
  play.addEventListener("click", () => {
    if (timer) return stop();
    const total = readEvents().length;
    if (Number(slider.value) >= total) slider.value = "0";
    play.textContent = "❚❚ Pause";
    timer = window.setInterval(() => {
      const next = Math.min(
        readEvents().length,
        Number(slider.value) + Math.max(1, Math.ceil(total / 400)),
      );
      slider.value = String(next);
      describe();
      onChange(next);
      if (next >= readEvents().length) stop();
    }, PLAY_STEP_MS);
  });

  return {
    /** Called after events were appended: extends the range, following the end if it was there. */
    grow() {
      const events = readEvents();
      const atEnd = Number(slider.value) >= Number(slider.max);
      slider.max = String(events.length);
      if (atEnd) slider.value = String(events.length);
      describe();
      return Number(slider.value);
    },
    reset() {
      slider.max = String(readEvents().length);
      slider.value = slider.max;
      describe();
    },
  };
}
