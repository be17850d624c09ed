import { describe, expect, it } from "vitest";
import { escapeXml, renderAccuracyChart } from "../src/index.js";
import { checkWellFormedXml } from "./support/check-xml.js";
import { runTinyEvaluation } from "./support/tiny-evaluation.js";

describe("renderAccuracyChart", () => {
  it("draws a well-formed SVG with one polyline per method", async () => {
    const report = await runTinyEvaluation({ budgets: ["20s", "30s", "45s"] });
    const elements = checkWellFormedXml(renderAccuracyChart(report));
    expect(elements[0]?.name).toBe("svg");
    const lines = elements.filter((element) => element.name === "polyline");
    expect(lines.map((line) => line.attributes["data-method"])).toEqual(
      report.curve.map((series) => series.method),
    );
    for (const line of lines) expect(line.attributes.points?.split(" ")).toHaveLength(3);
    const labels = elements.filter((element) => element.name === "text");
    expect(labels.length).toBeGreaterThan(report.curve.length + 3);
  });

  it("draws best-of-N dashed in the colour of its search", async () => {
    const report = await runTinyEvaluation({ methods: ["tot-b5", "best-of-n"], budgets: ["30s"] });
    const lines = checkWellFormedXml(renderAccuracyChart(report)).filter(
      (e) => e.name === "polyline",
    );
    const [search, matched] = lines;
    expect(matched?.attributes["stroke-dasharray"]).toBeDefined();
    expect(search?.attributes["stroke-dasharray"]).toBeUndefined();
    expect(matched?.attributes.stroke).toBe(search?.attributes.stroke);
  });

  it("escapes hostile names and stays well-formed", async () => {
    const hostile = `<script>alert("x")</script> & 'co' ]]>`;
    const report = await runTinyEvaluation({
      modelSource: hostile,
      methods: ["io"],
      budgets: ["30s"],
    });
    const svg = renderAccuracyChart(report);
    expect(() => checkWellFormedXml(svg)).not.toThrow();
    expect(svg).not.toContain("<script");
    expect(svg).toContain(escapeXml(hostile));
  });
});

describe("checkWellFormedXml", () => {
  it("rejects what a parser would", () => {
    expect(() => checkWellFormedXml("<svg><g></svg>")).toThrow(/closes/);
    expect(() => checkWellFormedXml("<svg><text>a & b</text></svg>")).toThrow(/entity/);
    expect(() => checkWellFormedXml('<svg a="1" a="2"/>')).toThrow(/twice/);
    expect(() => checkWellFormedXml("<svg>")).toThrow(/unclosed/);
    expect(() => checkWellFormedXml("<svg/><svg/>")).toThrow(/second root/);
  });
});
