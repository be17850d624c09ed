import type { Evaluation, Evaluator } from "./evaluator.js";

export interface VoteOptions {
  /** Votes drawn per group of siblings. @default the search's `evaluationSamples` */
  readonly samples?: number;
}

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
export function voteEvaluator(options: VoteOptions = {}): Evaluator {
  return {
    name: "vote",
    async evaluate(context, targets, signal) {
      const task = context.task;
      const results = new Map<number, Evaluation>();
      const votePrompt = task.votePrompt?.bind(task);
      if (!votePrompt) return results;
      const groups = new Map<number, number[]>();
      for (const { id } of targets) {
        const parent = context.tree.node(id).parent ?? 0;
        groups.set(parent, [...(groups.get(parent) ?? []), id]);
      }
      const samples = options.samples ?? context.settings.evaluationSamples;
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
            context.taskNode(parent),
            ids.map((id) => context.taskNode(id)),
          );
          const outcome = await context.gate.generate(
            {
              segments: prompt.segments,
              n: samples,
              maxTokens: prompt.maxTokens ?? context.settings.maxStepTokens,
              temperature: context.settings.temperature,
              seed: context.nextSeed(samples),
              stop: prompt.stop,
              constraint: prompt.constraint,
            },
            context.tree.node(parent).score ?? 0,
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
  };
}
