import type { ModelUsage } from "@deliberate/core/model";

/** Counts what one call costs while it runs; {@link UsageMeter.finish} freezes it as a {@link ModelUsage}. */
export class UsageMeter {
  promptTokens = 0;
  evaluatedPromptTokens = 0;
  generatedTokens = 0;
  forks = 0;
  private readonly startedAt = performance.now();

  finish(): ModelUsage {
    return {
      promptTokens: this.promptTokens,
      evaluatedPromptTokens: this.evaluatedPromptTokens,
      generatedTokens: this.generatedTokens,
      calls: 1,
      forks: this.forks,
      ms: Math.round((performance.now() - this.startedAt) * 1000) / 1000,
    };
  }
}
