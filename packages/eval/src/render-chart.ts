import { drawRateFrame } from "./chart-frame.js";
import type { CurveSeries, EvaluationReport } from "./report.js";
import { createLogScale, writeElement, writeText } from "./svg-elements.js";
import { formatThinkTime } from "./think-time.js";

const WIDTH = 780;
const HEIGHT = 460;
const PLOT = { left: 64, top: 64, right: 500, bottom: 396 };
const COLORS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#bcbd22",
  "#7f7f7f",
];
const FONT = { "font-family": "system-ui, sans-serif", "font-size": 12 };

const yOf = (rate: number) => PLOT.bottom - rate * (PLOT.bottom - PLOT.top);

function assignColors(curve: readonly CurveSeries[]): Map<string, string> {
  const colors = new Map<string, string>();
  for (const series of curve.filter((s) => s.kind !== "best-of-n"))
    colors.set(series.method, COLORS[colors.size % COLORS.length] as string);
  for (const series of curve.filter((s) => s.kind === "best-of-n"))
    colors.set(series.method, colors.get(series.pairedWith ?? "") ?? "#444444");
  return colors;
}

function drawAxes(budgets: readonly number[], xOf: (ms: number) => number): string[] {
  return drawRateFrame({
    plot: PLOT,
    xTicks: budgets.map((ms) => ({ x: xOf(ms), label: formatThinkTime(ms) })),
    xTitle: "think time per case (log scale)",
    yTitle: "success rate",
    font: FONT,
  });
}

function drawSeries(series: CurveSeries, color: string, xOf: (ms: number) => number): string[] {
  const points = series.points.map(
    (p) => `${xOf(p.budgetMs).toFixed(1)},${yOf(p.successRate).toFixed(1)}`,
  );
  const dash: Record<string, string> =
    series.kind === "best-of-n" ? { "stroke-dasharray": "6 4" } : {};
  const line = writeElement("polyline", {
    points: points.join(" "),
    fill: "none",
    stroke: color,
    "stroke-width": 2,
    "data-method": series.method,
    ...dash,
  });
  const dots = series.points.map((p) =>
    writeElement("circle", { cx: xOf(p.budgetMs), cy: yOf(p.successRate), r: 3, fill: color }),
  );
  return [line, ...dots];
}

function drawLegend(curve: readonly CurveSeries[], colors: ReadonlyMap<string, string>): string[] {
  return curve.flatMap((series, i) => {
    const y = PLOT.top + 8 + i * 20;
    const color = colors.get(series.method) ?? "#444444";
    const dash: Record<string, string> =
      series.kind === "best-of-n" ? { "stroke-dasharray": "6 4" } : {};
    const x = PLOT.right + 24;
    return [
      writeElement("line", {
        x1: x,
        y1: y,
        x2: x + 26,
        y2: y,
        stroke: color,
        "stroke-width": 2,
        ...dash,
      }),
      writeText(x + 34, y + 4, series.label, FONT),
    ];
  });
}

function drawReference(report: EvaluationReport): string[] {
  const rate = report.reference.successRates["tot-b5"];
  if (rate === undefined) return [];
  const y = yOf(rate);
  const style = { stroke: "#888888", "stroke-dasharray": "2 3" };
  return [
    writeElement("line", { x1: PLOT.left, y1: y, x2: PLOT.right, y2: y, ...style }),
    writeText(PLOT.right - 4, y - 6, `GPT-4 + ToT b=5 in the paper: ${rate * 100}%`, {
      "text-anchor": "end",
      fill: "#666666",
      ...FONT,
    }),
  ];
}

/**
 * The accuracy-against-think-time chart as a self-contained SVG: one polyline a method (best-of-N
 * dashed in the colour of the search it matches), think time on a log axis, the paper's GPT-4 ToT
 * figure as a dotted reference. Every text is escaped.
 *
 * @example
 * ```ts
 * await writeFile("accuracy-vs-think-time.svg", renderAccuracyChart(report));
 * ```
 */
export function renderAccuracyChart(report: EvaluationReport): string {
  const budgets = report.settings.budgetsMs;
  const xOf = createLogScale(budgets, PLOT.left, PLOT.right);
  const colors = assignColors(report.curve);
  const title = `Success against think time · ${report.task} · ${report.model.source}`;
  const subtitle = report.model.randomWeights
    ? "random weights: what this shows is the search, not the model"
    : `${report.cases.length} cases, seed ${report.settings.seed}`;
  const body = [
    writeElement("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: "#ffffff" }),
    writeText(PLOT.left, 26, title, { ...FONT, "font-size": 15, "font-weight": "bold" }),
    writeText(PLOT.left, 46, subtitle, { ...FONT, fill: "#555555" }),
    ...drawAxes(budgets, xOf),
    ...drawReference(report),
    ...report.curve.flatMap((series) =>
      drawSeries(series, colors.get(series.method) ?? "#444444", xOf),
    ),
    ...drawLegend(report.curve, colors),
  ];
  const root = {
    xmlns: "http://www.w3.org/2000/svg",
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": title,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement("svg", root, `\n${body.join("\n")}\n`)}\n`;
}
