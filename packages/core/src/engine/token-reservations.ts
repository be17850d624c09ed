import type { BudgetSpent } from "../budget/budget.js";

/** Room held by one call in flight, given back when its usage is recorded. */
export interface TokenLease {
  /** Generated tokens each completion of the call may write. */
  readonly perCompletion: number;
  /** Frees the room; the caller records the call's real usage in the same step. */
  release(): void;
}

/**
 * Tokens promised to the calls in flight. A token limit is checked against what was spent plus
 * what is promised, so sixteen calls started at once cannot each take the whole room left: the
 * generated-token limit holds exactly, and the prompt-and-generated limit within about one call
 * (a call in flight is guessed to read a prompt as large as the largest seen).
 */
export class TokenReservations {
  private generated = 0;
  private prompt = 0;
  /** The largest prompt a call has evaluated: the guess for a call's prompt before it runs. */
  private largestPrompt = 0;
  private waiters: (() => void)[] = [];

  /** Whether any call in flight holds room (so waiting for it to end can free some). */
  get held(): boolean {
    return this.generated > 0 || this.prompt > 0;
  }

  /** `spent` with the promised tokens counted as if already spent. */
  addTo(spent: BudgetSpent): BudgetSpent {
    return {
      ...spent,
      promptTokens: spent.promptTokens + this.prompt,
      generatedTokens: spent.generatedTokens + this.generated,
    };
  }

  /** Holds `perCompletion × n` generated tokens and a prompt's worth until the lease is released. */
  hold(perCompletion: number, n: number): TokenLease {
    const generated = perCompletion * n;
    const prompt = this.largestPrompt;
    this.generated += generated;
    this.prompt += prompt;
    let open = true;
    return {
      perCompletion,
      release: () => {
        if (!open) return;
        open = false;
        this.generated -= generated;
        this.prompt -= prompt;
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      },
    };
  }

  notePrompt(promptTokens: number): void {
    this.largestPrompt = Math.max(this.largestPrompt, promptTokens);
  }

  /** Resolves when a lease is released or `signal` aborts. */
  waitForRelease(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = () => {
        signal.removeEventListener("abort", wake);
        resolve();
      };
      this.waiters.push(wake);
      signal.addEventListener("abort", wake, { once: true });
    });
  }
}
