import type { SearchScope } from "../plugins/search-scope.js";
import type { NodeUsage } from "../tree/schema.js";

/** One step a generator wrote, with its share of the call's usage. */
export interface GeneratedStep {
  readonly text: string;
  readonly tokens?: readonly number[];
  readonly logprobs?: readonly number[];
  readonly usage: NodeUsage;
}

/** What a generator gave for one state. */
export type Generation =
  | {
      readonly ok: true;
      readonly steps: readonly GeneratedStep[];
      /** Replies that held no usable step, kept as invalid children with their raw text. */
      readonly unusable?: readonly {
        readonly raw: string;
        readonly reason: string;
        readonly usage: NodeUsage;
      }[];
    }
  | {
      readonly ok: false;
      readonly reason: "budget" | "error" | "aborted";
      readonly message: string;
    };

/** Asks the policy for up to `count` next steps from node `id`. */
export type Generator = (
  scope: SearchScope,
  id: number,
  count: number,
  temperature: number,
  signal: AbortSignal,
) => Promise<Generation>;

/** Splits a call's usage into `parts` shares (integers; the first shares take the remainder). */
export function splitUsage(
  usage: { promptTokens: number; evaluatedPromptTokens: number; ms: number },
  parts: number,
  index: number,
  generatedTokens: number,
): NodeUsage {
  const share = (total: number) => Math.floor(total / parts) + (index < total % parts ? 1 : 0);
  return {
    promptTokens: share(usage.promptTokens),
    evaluatedPromptTokens: share(usage.evaluatedPromptTokens),
    generatedTokens,
    ms: usage.ms / parts,
  };
}
