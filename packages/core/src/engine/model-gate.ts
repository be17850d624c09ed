import PQueue from "p-queue";
import type {
  Model,
  ModelReply,
  ModelRequest,
  ScoreOptionsReply,
  ScoreOptionsRequest,
} from "../model/model.js";
import type { CallOutcome } from "../plugins/search-scope.js";
import type { BudgetMeter } from "./budget-meter.js";

export interface GateOptions {
  /** Model calls in flight at once. */
  readonly concurrency: number;
  /** Further attempts after a call throws or times out. */
  readonly retries: number;
  /** A call that takes longer is abandoned (and retried). */
  readonly callTimeoutMs: number | undefined;
}

class CallTimeout extends Error {}

/** One failed attempt of a call: every one is recorded, retried or not. */
export interface CallFailure {
  readonly call: "generate" | "score";
  /** From 1. */
  readonly attempt: number;
  /** 1 + retries. */
  readonly attempts: number;
  readonly error: string;
}

/**
 * Every model call of a search goes through here: queued by priority (the state's score) under a
 * concurrency bound, refused once the budget is spent, its generated tokens capped by what the
 * budget has left, retried when it throws or times out, and counted.
 */
export class ModelGate {
  private readonly queue: PQueue;
  /** Calls that answered, calls that failed after every retry, and the last error seen. */
  successes = 0;
  failures = 0;
  lastError: string | undefined;
  /** Told of every failed attempt, so the tree records each one. */
  onFailure: ((failure: CallFailure) => void) | undefined;

  constructor(
    readonly model: Model,
    private readonly meter: BudgetMeter,
    private readonly options: GateOptions,
  ) {
    this.queue = new PQueue({ concurrency: options.concurrency });
  }

  generate(
    request: Omit<ModelRequest, "signal">,
    priority: number,
    signal: AbortSignal,
  ): Promise<CallOutcome<ModelReply>> {
    const n = request.n ?? 1;
    return this.call("generate", priority, signal, async (callSignal) => {
      const lease = await this.meter.leaseTokens(n, request.maxTokens, callSignal);
      if (lease === undefined) return undefined;
      try {
        this.meter.startCall();
        const maxTokens = lease.perCompletion;
        return this.count(await this.model.generate({ ...request, maxTokens, signal: callSignal }));
      } finally {
        // In the same step as the count: no other call sees the room neither held nor spent.
        lease.release();
      }
    });
  }

  scoreOptions(
    request: Omit<ScoreOptionsRequest, "signal">,
    priority: number,
    signal: AbortSignal,
  ): Promise<CallOutcome<ScoreOptionsReply>> {
    const scoreOptions = this.model.scoreOptions?.bind(this.model);
    if (!scoreOptions) {
      return Promise.resolve({
        ok: false,
        reason: "error",
        message: `${this.model.id} cannot score options`,
      });
    }
    return this.call("score", priority, signal, async (callSignal) => {
      this.meter.startCall();
      return this.count(await scoreOptions({ ...request, signal: callSignal }));
    });
  }

  private async call<T>(
    kind: CallFailure["call"],
    priority: number,
    signal: AbortSignal,
    start: (signal: AbortSignal) => Promise<T | undefined>,
  ): Promise<CallOutcome<T>> {
    let message = "";
    for (let attempt = 0; attempt <= this.options.retries; attempt += 1) {
      if (signal.aborted) return { ok: false, reason: "aborted", message: "the search stopped" };
      if (this.meter.limitReached())
        return { ok: false, reason: "budget", message: "budget spent" };
      try {
        const value = await this.queue.add(() => this.attempt(signal, start), { priority, signal });
        if (value === undefined) return { ok: false, reason: "budget", message: "no tokens left" };
        this.successes += 1;
        return { ok: true, value };
      } catch (error) {
        if (signal.aborted) return { ok: false, reason: "aborted", message: "the search stopped" };
        message = error instanceof CallTimeout ? error.message : describeError(error);
        const attempts = this.options.retries + 1;
        this.onFailure?.({ call: kind, attempt: attempt + 1, attempts, error: message });
      }
    }
    this.failures += 1;
    this.lastError = message;
    return { ok: false, reason: "error", message };
  }

  /**
   * One attempt, inside the queue. `start` counts the call and its usage itself, in the step its
   * reply arrives (a reply that comes after a timeout still spent its tokens).
   */
  private async attempt<T>(
    signal: AbortSignal,
    start: (signal: AbortSignal) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    if (this.meter.limitReached()) return undefined;
    const timeoutMs = this.options.callTimeoutMs;
    if (timeoutMs === undefined) return start(signal);
    const controller = new AbortController();
    const abort = () => controller.abort(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      // Races a timer too: a model that ignores its signal must not hang the search.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new CallTimeout(`the model did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
      });
      const pending = start(controller.signal);
      pending.catch(() => undefined);
      return await Promise.race([pending, timeout]);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", abort);
    }
  }

  private count<T extends { usage: ModelReply["usage"] }>(value: T): T {
    this.meter.record(value.usage);
    return value;
  }

  /** Drops queued calls; calls in flight end through their signals. */
  clear(): void {
    this.queue.clear();
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
