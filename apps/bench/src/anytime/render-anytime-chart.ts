import { drawRateFrame, writeElement, writeText } from "@deliberate/eval";
import type { SummaryRow } from "./summarize-runs.js";

const WIDTH = 820;
const HEIGHT = 480;
const PLOT = { left: 64, top: 70, right: 540, bottom: 410 };
const FONT = { "font-family": "system-ui, sans-serif", "font-size": 12 };
const COLORS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
];

function createLogAxis(seconds: readonly number[]) {
  const positive = seconds.map((s) => Math.max(s, 0.001));
  const low = Math.log10(Math.min(...positive) / 1.5);
  const high = Math.log10(Math.max(...positive) * 1.5);
  const span = high - low || 1;
  const xOf = (s: number) =>
    PLOT.left + ((Math.log10(Math.max(s, 0.001)) - low) / span) * (PLOT.right - PLOT.left);
  const ticks: number[] = [];
  for (let decade = Math.floor(low); decade <= Math.ceil(high); decade += 1)
    for (const step of [1, 2, 5]) {
      const value = step * 10 ** decade;
      if (Math.log10(value) >= low && Math.log10(value) <= high) ticks.push(value);
    }
  return { xOf, ticks };
}

const yOf = (rate: number) => PLOT.bottom - rate * (PLOT.bottom - PLOT.top);

function drawAxes(ticks: readonly number[], xOf: (s: number) => number): string[] {
  return drawRateFrame({
    plot: PLOT,
    xTicks: ticks.map((tick) => ({ x: xOf(tick), label: `${Number(tick.toPrecision(2))}s` })),
    xTitle: "mean wall seconds per puzzle (log scale)",
    yTitle: "solved (95% CI)",
    font: FONT,
  });
}

/** A text in the chart's font; the text is escaped by `writeText`. */
function writeChartText(
  x: number,
  y: number,
  text: string,
  attributes: Readonly<Record<string, string | number>> = {},
): string {
  return writeText(x, y, text, { ...FONT, ...attributes });
}

function drawMethod(
  rows: readonly SummaryRow[],
  color: string,
  xOf: (s: number) => number,
): string[] {
  const points = rows.map(
    (r) => `${xOf(r.secondsPerPuzzle).toFixed(1)},${yOf(r.successRate).toFixed(1)}`,
  );
  const parts = [
    writeElement("polyline", {
      points: points.join(" "),
      fill: "none",
      stroke: color,
      "stroke-width": 2,
      "data-method": rows[0]?.method ?? "",
    }),
  ];
  for (const r of rows) {
    const x = xOf(r.secondsPerPuzzle);
    parts.push(
      writeElement("line", {
        x1: x,
        y1: yOf(r.interval.low),
        x2: x,
        y2: yOf(r.interval.high),
        stroke: color,
        "stroke-opacity": 0.5,
      }),
    );
    parts.push(writeElement("circle", { cx: x, cy: yOf(r.successRate), r: 3, fill: color }));
  }
  return parts;
}

/**
 * Success against mean wall time per puzzle as a self-contained SVG: one line per method through
 * its budgets, a 95% interval at each point. Every text (methods, model, title) is escaped.
 *
 * @example
 * ```ts
 * await writeFile("accuracy.svg", renderAnytimeChart(rows, "builtin:tiny-reasoner · test set"));
 * ```
 */
export function renderAnytimeChart(rows: readonly SummaryRow[], subtitle: string): string {
  const methods = [...new Set(rows.map((r) => r.method))];
  const { xOf, ticks } = createLogAxis(
    rows.length === 0 ? [1] : rows.map((r) => r.secondsPerPuzzle),
  );
  const body = [
    writeElement("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: "#ffffff" }),
    writeChartText(PLOT.left, 28, "Think time that turns into accuracy", {
      "font-size": 15,
      "font-weight": "bold",
    }),
    writeChartText(PLOT.left, 48, subtitle, { fill: "#555555" }),
    ...drawAxes(ticks, xOf),
  ];
  methods.forEach((method, i) => {
    const color = COLORS[i % COLORS.length] as string;
    body.push(
      ...drawMethod(
        rows.filter((r) => r.method === method),
        color,
        xOf,
      ),
    );
    const y = PLOT.top + 8 + i * 20;
    body.push(
      writeElement("line", {
        x1: PLOT.right + 20,
        y1: y,
        x2: PLOT.right + 46,
        y2: y,
        stroke: color,
        "stroke-width": 2,
      }),
    );
    body.push(writeChartText(PLOT.right + 54, y + 4, method));
  });
  const root = {
    xmlns: "http://www.w3.org/2000/svg",
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": subtitle,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement("svg", root, `\n${body.join("\n")}\n`)}\n`;
}
