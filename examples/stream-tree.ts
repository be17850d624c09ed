/**
 * Streaming a search to a UI of your own: a terminal tree that grows as the model thinks. Each
 * event of the search (a thought created, scored, pruned, an answer found) becomes a line the
 * moment it happens; a web UI would send the same events as server-sent events.
 *
 * Run: npx tsx --conditions=@deliberate/source examples/stream-tree.ts ["4 9 10 13"]
 * Model: synthetic:tiny (random weights, so its moves are random legal ones: the tree shows the
 * search, not the model); set DELIBERATE_MODEL to a GGUF path or hf: URI for a real one.
 */
import { createSearch, type SearchEvent } from "@deliberate/core";
import { loadModel } from "@deliberate/llama";
import { createGame24Task } from "@deliberate/tasks";

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const dim = (text: string) => paint(2, text);
const green = (text: string) => paint(32, text);

async function main(): Promise<void> {
  const puzzle = process.argv[2] ?? "4 9 10 13";
  const nodes = Number(process.env.NODES ?? 120);
  const model = await loadModel({ model: process.env.DELIBERATE_MODEL ?? "synthetic:tiny" });
  try {
    const search = createSearch(createGame24Task(puzzle, { profile: "compact" }), {
      model,
      strategy: { name: "beam", width: 3, branching: 4 },
      evaluator: "verifier",
      seed: 7,
      budget: { nodes, time: "30s" },
    });
    const depthOf = new Map<number, number>([[0, 0]]);
    const indent = (id: number) => "  ".repeat(depthOf.get(id) ?? 0);
    const render = (event: SearchEvent) => {
      switch (event.type) {
        case "started":
          console.log(`${event.question}  ${dim(`(${event.strategy})`)}`);
          break;
        case "created": {
          // Events carry ids only; the text comes from the tree, which is cheap at this size.
          const node = search.tree().nodes[event.id];
          depthOf.set(event.id, (depthOf.get(event.parent) ?? 0) + 1);
          console.log(`${indent(event.id)}├─ ${node?.text ?? ""} ${dim(`#${event.id}`)}`);
          break;
        }
        case "status":
          if (event.status === "pruned" || event.status === "invalid")
            console.log(
              `${indent(event.id)}   ${dim(`✂ #${event.id} ${event.status}: ${event.reason ?? ""}`)}`,
            );
          break;
        case "solution":
          console.log(
            `${indent(event.id)}   ${event.verified === false ? dim(`✗ ${event.answer}`) : green(`★ ${event.answer}`)}`,
          );
          break;
        case "stopped":
          console.log(`stopped: ${event.stopReason}`);
          break;
      }
    };
    search.subscribe(render);
    search.start();
    const result = await search.result;
    console.log(`answer: ${result.answer ?? "(none)"}  verified: ${String(result.verified)}`);
  } finally {
    await model.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
