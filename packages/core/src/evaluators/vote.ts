import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineEvaluator } from "../plugins/plugin.js";
import type { Evaluation } from "./evaluator.js";
import { MOST_CHOICES_BY_PROBABILITY, voteByProbability } from "./vote-by-probability.js";

/** Options of the `vote` evaluator. */
export const VoteOptions = z.strictObject({
  /** Votes drawn per group of siblings. @default the search's `evaluationSamples` */
  samples: integerIn(1, 100).optional(),
  /**
   * Read the vote from the model's probability of each choice's number, one scoring call a group,
   * when the model can give it (a local GGUF; a server with `top_logprobs`) and there are at most 9
   * choices; else sample. @default false
   */
  probabilities: z.boolean().optional(),
});
export type VoteOptions = z.input<typeof VoteOptions>;

/** The candidate a vote reply names: the last "choice N" or plain number in it, 1-based. */
export function parseVoteNumber(text: string, count: number): number | undefined {
  const numbers = [...text.matchAll(/(?:choice\s*(?:is\s*)?#?\s*)?(\d+)/gi)].map((m) =>
    Number(m[1]),
  );
  const choice = numbers.at(-1);
  return choice !== undefined && choice >= 1 && choice <= count ? choice - 1 : undefined;
}

/**
 * The `vote` evaluator, as ToT's creative writing: the model sees the siblings side by side and
 * names the best, `samples` times; each state scores the share of votes it got.
 *
 * @example
 * ```ts
 * await think(task, { model, evaluator: { name: "vote", samples: 5 } });
 * ```
 */
export const voteEvaluator = defineEvaluator({
  name: "vote",
  description: "the model sees sibling states side by side and votes for the best",
  options: VoteOptions,
  create: (options) => ({
    name: "vote",
    async evaluate(scope, targets, signal) {
      const task = scope.task;
      const results = new Map<number, Evaluation>();
      const votePrompt = task.votePrompt?.bind(task);
      if (!votePrompt) return results;
      const groups = new Map<number, number[]>();
      for (const { id } of targets) {
        const parent = scope.node(id).parent ?? 0;
        groups.set(parent, [...(groups.get(parent) ?? []), id]);
      }
      const samples = options.samples ?? scope.settings.evaluationSamples;
      await Promise.all(
        [...groups].map(async ([parent, ids]) => {
          if (ids.length === 1) {
            results.set(ids[0] as number, {
              value: 1,
              scores: [{ source: "vote", value: 1, detail: "only candidate" }],
            });
            return;
          }
          const prompt = votePrompt(
            scope.taskNode(parent),
            ids.map((id) => scope.taskNode(id)),
          );
          const byProbability =
            options.probabilities === true &&
            scope.canScoreOptions &&
            ids.length <= MOST_CHOICES_BY_PROBABILITY;
          const shares = byProbability
            ? await voteByProbability(
                scope,
                prompt,
                ids.length,
                scope.node(parent).score ?? 0,
                signal,
              )
            : undefined;
          if (shares) {
            ids.forEach((id, index) => {
              const value = shares[index] ?? 0;
              const detail = `P(choice ${index + 1}) = ${value.toFixed(3)}`;
              results.set(id, { value, scores: [{ source: "vote", value, detail }] });
            });
            return;
          }
          const outcome = await scope.generate(
            {
              segments: prompt.segments,
              n: samples,
              maxTokens: prompt.maxTokens ?? scope.settings.maxStepTokens,
              temperature: scope.settings.temperature,
              seed: scope.nextSeed(samples),
              stop: prompt.stop,
              constraint: prompt.constraint,
            },
            scope.node(parent).score ?? 0,
            signal,
          );
          if (!outcome.ok) return;
          const counts = ids.map(() => 0);
          for (const completion of outcome.value.completions) {
            const choice =
              task.parseVote?.(completion.text, ids.length) ??
              parseVoteNumber(completion.text, ids.length);
            if (choice !== undefined) counts[choice] = (counts[choice] ?? 0) + 1;
          }
          const cast = outcome.value.completions.length;
          ids.forEach((id, index) => {
            const value = cast === 0 ? 0 : (counts[index] ?? 0) / cast;
            results.set(id, {
              value,
              scores: [{ source: "vote", value, detail: `${counts[index]}/${cast} votes` }],
            });
          });
        }),
      );
      return results;
    },
  }),
});
