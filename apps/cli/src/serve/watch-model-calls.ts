import type { Model } from "@deliberate/core";

/** What one request's model calls did after its client went away. */
export interface ModelCallStats {
  /** Model calls made. */
  calls: number;
  /** Calls still in flight when the request's signal aborted: each one settled after it. */
  abortedCalls: number;
  /** Calls among those whose completions the model itself reported as `aborted`. */
  reportedAborted: number;
  /** Milliseconds from the abort until the last call in flight had settled. */
  abortSettleMs: number | null;
}

/**
 * Wraps the shared model for one request, to log what a client disconnect did to the calls in
 * flight: that they ended, and how soon after the abort. The search still hands its own signal to
 * every call; the wrapper only watches `signal` (the request's).
 */
export function watchModelCalls(
  model: Model,
  signal: AbortSignal,
): { model: Model; stats: ModelCallStats; settled(timeoutMs: number): Promise<void> } {
  const stats: ModelCallStats = {
    calls: 0,
    abortedCalls: 0,
    reportedAborted: 0,
    abortSettleMs: null,
  };
  let abortedAt: number | undefined;
  const inFlight = new Set<Promise<unknown>>();
  signal.addEventListener(
    "abort",
    () => {
      abortedAt = performance.now();
    },
    { once: true },
  );
  const track = <T>(call: () => Promise<T>, reported: (value: T) => boolean): Promise<T> => {
    stats.calls += 1;
    const before = signal.aborted;
    const settle = (value: T | undefined) => {
      if (before || abortedAt === undefined) return;
      stats.abortedCalls += 1;
      if (value !== undefined && reported(value)) stats.reportedAborted += 1;
      stats.abortSettleMs = Math.round(performance.now() - abortedAt);
    };
    const promise = call().then(
      (value) => {
        settle(value);
        return value;
      },
      (error: unknown) => {
        settle(undefined);
        throw error;
      },
    );
    inFlight.add(promise);
    const forget = () => inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  };
  const watched: Model = {
    id: model.id,
    ...(model.device === undefined ? {} : { device: model.device }),
    generate: (request) =>
      track(
        () => model.generate(request),
        (reply) => reply.completions.some((completion) => completion.finishReason === "aborted"),
      ),
  };
  if (model.scoreOptions) {
    const score = model.scoreOptions.bind(model);
    Object.assign(watched, {
      scoreOptions: (request: Parameters<typeof score>[0]) =>
        track(
          () => score(request),
          () => false,
        ),
    });
  }
  return {
    model: watched,
    stats,
    // A cancelled search settles at once; its model calls end a moment later, once the model has
    // seen the abort. Waiting for them (bounded) frees the slot only when the model is free.
    settled: async (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}
