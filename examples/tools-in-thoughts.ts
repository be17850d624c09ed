/**
 * Tools inside thoughts: a step may call the exact calculator of @deliberate/tools (any LangChain
 * tool works the same way, through toThoughtTool of @deliberate/langchain). The tool's output comes
 * back to that branch only, as data, and the next step reasons from it. One branch misspells the tool: it reads an
 * error observation and the search goes on.
 *
 * Run: npx tsx --conditions=@deliberate/source examples/tools-in-thoughts.ts
 * Model: a scripted one (no download, no network); set DELIBERATE_MODEL to a GGUF path or an hf:
 * URI to let a local instruct model write the steps instead.
 */
import { createQuestionTask, type Model, type TreeNode, think } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { createCalculatorTool } from "@deliberate/tools";

const QUESTION =
  "A jacket costs 2400. It is 17% off, and then 9 more is taken off. What is the price?";

/** A stand-in policy that writes the steps a tool-using model would write. */
function createToolUsingModel(): Model {
  return createScriptedModel({
    id: "scripted-tool-user",
    rules: [
      { match: "Judgement:", reply: "likely" },
      // The latest observation decides: the rules for later steps come first.
      { match: /Observation[^\n]*\n1983\n/, reply: "Final answer: 1983" },
      { match: /Observation[^\n]*\n408\n/, reply: "Action: calculator[2400 - 408 - 9]" },
      { match: "UNKNOWN_TOOL", reply: "Action: calculator[2400 * 17 / 100]" },
      {
        match: () => true,
        reply: ["Action: calculator[2400 * 17 / 100]", "Action: calculater[2400 * 0.17]"],
      },
    ],
  });
}

/** Prints the tree below `id`, each step with what its tool gave. */
function printBranches(nodes: readonly TreeNode[], id: number): void {
  for (const node of nodes.filter((candidate) => candidate.parent === id)) {
    const seen = node.observation;
    // Model and tool text is data: quoted, so its control characters cannot drive the terminal.
    const note = seen ? `  ⟶ ${seen.ok ? "" : "(error) "}${JSON.stringify(seen.text)}` : "";
    console.log(
      `${"  ".repeat(node.depth - 1)}${JSON.stringify(node.text)}${note}  [${node.status}]`,
    );
    printBranches(nodes, node.id);
  }
}

async function main(): Promise<void> {
  const path = process.env.DELIBERATE_MODEL;
  const local = path
    ? await (await import("@deliberate/llama")).loadModel({ model: path })
    : undefined;
  const task = createQuestionTask(QUESTION, { tools: [createCalculatorTool()] });
  try {
    const result = await think(task, {
      model: local ?? createToolUsingModel(),
      strategy: { name: "beam", width: 2, branching: 2 },
      toolTimeout: "5s",
      budget: { time: "60s" },
    });
    printBranches(result.tree.nodes, 0);
    console.log(`answer:     ${result.answer ?? "(none)"}`);
    console.log(`tool calls: ${result.usage.toolCalls}`);
  } finally {
    await local?.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
