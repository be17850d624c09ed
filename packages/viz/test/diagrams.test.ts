import { describe, expect, it } from "vitest";
import { escapeDot, escapeMermaid, toDot, toMermaid } from "../src/index.js";
import { HOSTILE_TEXTS, sampleTree } from "../src/testing/index.js";

const tree = sampleTree({ nodes: 30, seed: 4, texts: HOSTILE_TEXTS });

describe("toMermaid", () => {
  const lines = toMermaid(tree).trimEnd().split("\n");

  it("declares every node once with a quoted, entity-encoded label", () => {
    const declarations = lines.filter((line) => /^ {2}n\d+\[/.test(line));
    expect(declarations).toHaveLength(tree.nodes.length);
    for (const line of declarations)
      expect(line).toMatch(/^ {2}n\d+\["[^"<>`#;[\]{}|%\n]*(#\d+;[^"<>`#;[\]{}|%\n]*)*"\]$/);
  });

  it("lets no hostile text add an edge, a click handler or a directive", () => {
    const edges = lines.filter((line) => line.includes("-->") || line.includes("==>"));
    expect(edges).toHaveLength(tree.nodes.length - 1);
    expect(lines.filter((line) => /^\s*click\b/.test(line))).toHaveLength(0);
    expect(lines.filter((line) => line.includes("%%"))).toHaveLength(0);
  });

  it("draws the best path with thick edges", () => {
    const [first, second] = tree.bestPath ?? [];
    expect(lines).toContain(`  n${first} ==> n${second}`);
  });

  it("encodes breakers as numeric entities and keeps plain words", () => {
    expect(escapeMermaid('say "hi" <b>`x`</b>; #1')).toBe(
      "say #34;hi#34; #60;b#62;#96;x#96;#60;/b#62;#59; #35;1",
    );
  });
});

describe("toDot", () => {
  const dot = toDot(tree);
  const quoted = /"(?:[^"\\\n]|\\.)*"/g;

  it("writes one statement per line with every string properly quoted", () => {
    const body = dot.trimEnd().split("\n").slice(4, -1);
    for (const line of body) {
      const outside = line.replace(quoted, "S");
      expect(outside).toMatch(
        /^ {2}(n\d+ \[label=S, tooltip=S(, \w+=S)*\];|n\d+ -> n\d+( \[\w+=S(, \w+=S)*\])?;)$/,
      );
    }
    expect(dot.startsWith("digraph search {\n")).toBe(true);
    expect(dot.endsWith("}\n")).toBe(true);
  });

  it("doubles backslashes and escapes quotes", () => {
    expect(escapeDot('a "b" \\N')).toBe('a \\"b\\" \\\\N');
  });

  it("turns line breaks into spaces so a label cannot start a new statement", () => {
    expect(escapeDot('x"]\nn9 -> n1;')).toBe('x\\"] n9 -> n1;');
  });
});
