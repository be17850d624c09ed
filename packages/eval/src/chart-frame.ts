import { writeElement, writeText } from "./svg-elements.js";

type Attributes = Readonly<Record<string, string | number>>;

/** What a success-rate chart's frame is drawn from. */
export interface RateChartFrame {
  /** The plot area, in pixels. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  /** Marks under the x axis, already placed. */
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly xTitle: string;
  readonly yTitle: string;
  /** Attributes every text of the frame takes (its font). */
  readonly font: Attributes;
}

/**
 * The frame of a chart of success rates: gridlines at 0–100% every 20%, the x marks with their
 * labels, both axes and their titles. Every text is escaped.
 *
 * @example
 * ```ts
 * const parts = drawRateFrame({ plot, xTicks: [{ x: 120, label: "1s" }], xTitle: "think time", yTitle: "solved", font });
 * ```
 */
export function drawRateFrame(frame: RateChartFrame): string[] {
  const { plot, font } = frame;
  const yOf = (rate: number) => plot.bottom - rate * (plot.bottom - plot.top);
  const parts: string[] = [];
  for (const rate of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    const y = yOf(rate);
    parts.push(
      writeElement("line", { x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: "#e5e5e5" }),
    );
    parts.push(
      writeText(plot.left - 8, y + 4, `${rate * 100}%`, { "text-anchor": "end", ...font }),
    );
  }
  for (const { x, label } of frame.xTicks) {
    parts.push(
      writeElement("line", {
        x1: x,
        y1: plot.bottom,
        x2: x,
        y2: plot.bottom + 5,
        stroke: "#333333",
      }),
    );
    parts.push(writeText(x, plot.bottom + 20, label, { "text-anchor": "middle", ...font }));
  }
  const axis = { stroke: "#333333", "stroke-width": 1 };
  parts.push(
    writeElement("line", {
      x1: plot.left,
      y1: plot.bottom,
      x2: plot.right,
      y2: plot.bottom,
      ...axis,
    }),
  );
  parts.push(
    writeElement("line", { x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, ...axis }),
  );
  const middle = (plot.left + plot.right) / 2;
  parts.push(
    writeText(middle, plot.bottom + 44, frame.xTitle, { "text-anchor": "middle", ...font }),
  );
  const yMiddle = (plot.top + plot.bottom) / 2;
  parts.push(
    writeText(18, yMiddle, frame.yTitle, {
      "text-anchor": "middle",
      transform: `rotate(-90 18 ${yMiddle})`,
      ...font,
    }),
  );
  return parts;
}
