import { createHash } from "node:crypto";
import { SearchTree } from "@deliberate/core/tree";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../src/index.js";
import { HOSTILE_TEXTS, sampleTree } from "../src/testing/index.js";

const hostile = sampleTree({ nodes: 30, seed: 5, texts: HOSTILE_TEXTS });
hostile.question = "</script><script>window.__pwned = 'question'</script>";
const html = renderHtml(hostile);

function readScripts(page: string): Array<{ attributes: string; body: string }> {
  return [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({
    attributes: match[1] ?? "",
    body: match[2] ?? "",
  }));
}

function hash(content: string): string {
  return `'sha256-${createHash("sha256").update(content).digest("base64")}'`;
}

describe("renderHtml", () => {
  it("embeds the tree as JSON that parses back to the same tree", () => {
    const [data] = readScripts(html);
    expect(data?.attributes).toContain('type="application/json"');
    const parsed = JSON.parse(data?.body ?? "");
    expect(parsed.tree).toEqual(JSON.parse(JSON.stringify(hostile)));
    expect(SearchTree.safeParse(parsed.tree).success).toBe(true);
  });

  it("has exactly two script elements whatever the node texts say", () => {
    const scripts = readScripts(html);
    expect(scripts).toHaveLength(2);
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("<!--");
  });

  it("escapes the question in the title", () => {
    expect(html).toContain("<title>deliberate · &lt;/script&gt;&lt;script&gt;");
  });

  it("loads nothing from the network", () => {
    const page = renderHtml(sampleTree({ nodes: 30 }));
    expect(page).not.toMatch(/\b(src|href)\s*=/i);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/@import|url\(/);
  });

  it("allows exactly its own inline script and style in the Content-Security-Policy", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    const script = readScripts(html)[1]?.body ?? "";
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain("unsafe");
  });

  it("builds the viewer's DOM with textContent, never innerHTML", () => {
    const script = readScripts(html)[1]?.body ?? "";
    expect(script).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/,
    );
    expect(script).toContain("startViewer();");
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("leaves token ids out of the page, which never shows them", () => {
    const withTokens = sampleTree({ nodes: 3 });
    for (const node of withTokens.nodes) node.tokens = [101, 202, 303];
    const [data] = readScripts(renderHtml(withTokens));
    const embedded = JSON.parse(data?.body ?? "").tree as { nodes: Record<string, unknown>[] };
    expect(embedded.nodes.length).toBe(3);
    for (const node of embedded.nodes) expect(node).not.toHaveProperty("tokens");
    expect(withTokens.nodes[0]?.tokens).toEqual([101, 202, 303]);
  });

  it("takes a title and an expand depth", () => {
    const page = renderHtml(sampleTree({ nodes: 5 }), { title: "My <tree>", expandDepth: 4 });
    expect(page).toContain("<title>My &lt;tree&gt;</title>");
    expect(page).toContain('"expandDepth":4');
  });
});
