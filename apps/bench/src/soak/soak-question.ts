import { type Model, type ThinkOptions, think } from "@deliberate/core";
import { type RecordedCall, recordCalls } from "./recording-model.js";

/** The marker question `index` carries, unique among the questions of a soak. */
export function markQuestion(index: number): string {
  return `[soak-${index.toString().padStart(5, "0")}]`;
}

/** Every marker in `text`. */
export function findMarkers(text: string): string[] {
  return text.match(/\[soak-\d{5}\]/g) ?? [];
}

/**
 * The small search each soak question runs: a beam of 2 × 2 with the model's value judgments, a
 * few nodes, short steps — real model work (generation, forks, option scoring) in little time.
 */
export const SOAK_SEARCH = {
  strategy: { name: "beam", width: 2, branching: 2 },
  maxStepTokens: 12,
  evaluationSamples: 1,
  budget: { nodes: 7 },
  concurrency: 2,
} as const satisfies Omit<ThinkOptions, "model">;

/** One question answered: how long it took, its calls, and what went wrong with its isolation. */
export interface SoakAnswer {
  readonly index: number;
  readonly ms: number;
  readonly nodes: number;
  readonly stopReason: string;
  readonly calls: readonly RecordedCall[];
  /** Texts of the tree's nodes, root first: the thoughts a lone run of the question writes too. */
  readonly texts: readonly string[];
}

/** Asks question `index` (its marker in the prompt) on the shared `model`. */
export async function askSoakQuestion(model: Model, index: number): Promise<SoakAnswer> {
  const recording = recordCalls(model);
  const started = performance.now();
  const result = await think(`${markQuestion(index)} Name a number that follows ${index}.`, {
    ...SOAK_SEARCH,
    model: recording,
    seed: index,
  });
  return {
    index,
    ms: performance.now() - started,
    nodes: result.tree.nodes.length,
    stopReason: result.stopReason,
    calls: recording.calls,
    texts: result.tree.nodes.map((node) => node.text),
  };
}

/**
 * What broke isolation for one answer: a call whose prompt lacks the question's own marker or
 * holds another's, or output that carries another question's marker. Empty when none did.
 */
export function findLeaks(answer: SoakAnswer): string[] {
  const own = markQuestion(answer.index);
  const leaks: string[] = [];
  for (const call of answer.calls) {
    const markers = findMarkers(call.prompt);
    if (!markers.includes(own)) leaks.push(`a ${call.kind} prompt without ${own}`);
    for (const marker of markers) if (marker !== own) leaks.push(`${marker} in a prompt of ${own}`);
    for (const text of call.completions) {
      for (const marker of findMarkers(text)) {
        if (marker !== own) leaks.push(`${marker} in an output of ${own}`);
      }
    }
  }
  if (answer.calls.length === 0) leaks.push(`${own} made no model call`);
  return leaks;
}

/**
 * What the model wrote went to the question that asked: every thought in a question's tree comes
 * from a completion of its own calls, and from none of another question's. (Random-weight text a
 * dozen tokens long does not repeat by chance.) Returns one line per thought that breaks this.
 */
export function findCrossTalk(answers: readonly SoakAnswer[]): string[] {
  const written = answers.map((answer) =>
    answer.calls.flatMap((call) => (call.kind === "generate" ? call.completions : [])),
  );
  const problems: string[] = [];
  answers.forEach((answer, i) => {
    const own = markQuestion(answer.index);
    for (const thought of answer.texts.slice(1)) {
      if (thought.trim() === "") continue;
      if (!written[i]?.some((text) => text.includes(thought))) {
        problems.push(`a thought of ${own} that none of its calls wrote`);
      }
      answers.forEach((other, j) => {
        if (j !== i && written[j]?.some((text) => text.includes(thought))) {
          problems.push(`a thought of ${own} written for ${markQuestion(other.index)}`);
        }
      });
    }
  });
  return problems;
}
