import type { LlamaContextSequence } from "node-llama-cpp";
import { measureCommonPrefix } from "./token-prefix.js";

/** One context sequence of the pool and when it last served a request. */
export interface PoolSlot {
  readonly sequence: LlamaContextSequence;
  busy: boolean;
  lastUsed: number;
}

interface Waiter {
  readonly tokens: readonly number[];
  readonly count: number;
  readonly grant: (slots: PoolSlot[] | undefined) => void;
}

/**
 * Hands context sequences to requests. A request gets the free sequence whose tokens share the
 * longest prefix with its prompt first, so it evaluates only the tail. Waiting requests are served
 * first come, first served, so concurrent questions share the pool fairly.
 */
export class SequencePool {
  private readonly slots: PoolSlot[];
  private readonly waiters: Waiter[] = [];
  private clock = 0;
  private closed = false;

  constructor(sequences: readonly LlamaContextSequence[]) {
    this.slots = sequences.map((sequence) => ({ sequence, busy: false, lastUsed: 0 }));
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Waits for at least one free sequence, then takes up to `count` of them, best prefix first.
   * Resolves `undefined` when the signal aborts first or the pool is closed.
   */
  acquire(
    tokens: readonly number[],
    count: number,
    signal?: AbortSignal,
  ): Promise<PoolSlot[] | undefined> {
    if (this.closed || signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        tokens,
        count,
        grant: (slots) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(slots);
        },
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        waiter.grant(undefined);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
      this.serveWaiters();
    });
  }

  release(slots: readonly PoolSlot[]): void {
    for (const slot of slots) {
      slot.busy = false;
      slot.lastUsed = ++this.clock;
    }
    this.serveWaiters();
  }

  /** Refuses new requests and releases the waiting ones empty-handed. */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.grant(undefined);
  }

  private serveWaiters(): void {
    while (this.waiters.length > 0) {
      const free = this.slots.filter((slot) => !slot.busy);
      if (free.length === 0) return;
      const waiter = this.waiters.shift() as Waiter;
      const chosen = chooseSlots(free, waiter.tokens, Math.max(1, waiter.count));
      for (const slot of chosen) slot.busy = true;
      waiter.grant(chosen);
    }
  }
}

/**
 * The slot sharing the longest prefix serves the request (among equals, the least recently used).
 * The others are siblings that will receive a copy of its state, so what they hold is lost: take
 * those that already hold the prompt, then the least recently used, so that a cache another
 * prompt is about to reuse (a sibling branch of the same search step) survives.
 */
function chooseSlots(
  slots: readonly PoolSlot[],
  tokens: readonly number[],
  count: number,
): PoolSlot[] {
  const scored = slots.map((slot) => ({
    slot,
    shared: measureCommonPrefix(slot.sequence.contextTokens, tokens),
  }));
  scored.sort((a, b) => b.shared - a.shared || a.slot.lastUsed - b.slot.lastUsed);
  const [primary, ...rest] = scored;
  if (!primary) return [];
  const holdsPrompt = (entry: { shared: number }) => (entry.shared >= tokens.length - 1 ? 1 : 0);
  rest.sort((a, b) => holdsPrompt(b) - holdsPrompt(a) || a.slot.lastUsed - b.slot.lastUsed);
  return [primary, ...rest].slice(0, count).map((entry) => entry.slot);
}
