/** A place among the running searches, held until `release()`. */
export interface Slot {
  release(): void;
}

/** Why a request found no slot: the waiting line is full, or the server is shutting down. */
export type SlotRefusal = "full" | "closed";

/**
 * The bounded queue in front of the searches: at most `running` searches at once on the shared
 * model, and at most `waiting` requests waiting for one, first come first served. A request that
 * would wait past that is refused at once (the server answers 429 with `Retry-After`) rather than
 * queued without bound; a waiting request whose client went away leaves the line.
 */
export class SearchSlots {
  private active = 0;
  private closed = false;
  private readonly line: { grant: (slot: Slot | SlotRefusal) => void }[] = [];

  constructor(
    readonly running: number,
    readonly waiting: number,
  ) {}

  /** Searches running now. */
  get busy(): number {
    return this.active;
  }

  /** Requests waiting now. */
  get queued(): number {
    return this.line.length;
  }

  /**
   * Resolves with a slot, or with why there is none. A signal that aborts while waiting resolves
   * `"closed"` and frees the place in line.
   */
  acquire(signal?: AbortSignal): Promise<Slot | SlotRefusal> {
    if (this.closed || signal?.aborted) return Promise.resolve("closed");
    if (this.active < this.running) return Promise.resolve(this.take());
    if (this.line.length >= this.waiting) return Promise.resolve("full");
    return new Promise((resolve) => {
      const entry = {
        grant: (slot: Slot | SlotRefusal) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(slot);
        },
      };
      const onAbort = () => {
        const index = this.line.indexOf(entry);
        if (index >= 0) this.line.splice(index, 1);
        entry.grant("closed");
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.line.push(entry);
    });
  }

  /** Refuses new requests and sends every waiting one away (shutdown). */
  close(): void {
    this.closed = true;
    for (const entry of this.line.splice(0)) entry.grant("closed");
  }

  private take(): Slot {
    this.active += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.active -= 1;
        const next = this.line.shift();
        if (next) next.grant(this.take());
      },
    };
  }
}

/**
 * Seconds a refused client should wait before trying again: until the running search that ends
 * first reaches its deadline (every search stops by its think time, plus its finalizing reserve),
 * at least one second.
 */
export function findRetryAfter(deadlines: readonly number[], now: number): number {
  let soonest = Number.POSITIVE_INFINITY;
  for (const deadline of deadlines) soonest = Math.min(soonest, deadline);
  if (!Number.isFinite(soonest)) return 1;
  return Math.max(1, Math.ceil((soonest - now) / 1000));
}
