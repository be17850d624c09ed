import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RadixCache } from "../src/prefix-cache/radix-cache.js";

/**
 * The same cache written the slow, obvious way: every cached prefix is a key, a prompt is served
 * for its longest cached prefix, and while more tokens are cached than fit, the least recently
 * used prefix that no other extends is dropped. RadixCache must agree on every prompt.
 */
class ReferenceCache {
  private readonly used = new Map<string, number>();
  private clock = 0;

  constructor(private readonly capacity: number) {}

  serve(tokens: readonly number[]): number {
    this.clock += 1;
    const keys = tokens.map((_, i) => tokens.slice(0, i + 1).join(","));
    let hit = 0;
    while (hit < keys.length && this.used.has(keys[hit] as string)) hit += 1;
    for (const key of keys) this.used.set(key, this.clock);
    while (this.used.size > this.capacity) {
      const leaves = [...this.used].filter(
        ([key]) => ![...this.used.keys()].some((other) => other.startsWith(`${key},`)),
      );
      const [oldest] = leaves.reduce((a, b) => (b[1] < a[1] ? b : a));
      this.used.delete(oldest);
    }
    return hit;
  }
}

describe("RadixCache against a reference", () => {
  it("serves the same prefix for every prompt as the obvious cache, at any capacity", () => {
    // A small alphabet and short prompts, so prompts share prefixes often and evictions happen.
    const prompt = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.array(prompt, { minLength: 1, maxLength: 30 }),
        (capacity, prompts) => {
          const cache = new RadixCache(capacity);
          const reference = new ReferenceCache(capacity);
          for (const tokens of prompts) expect(cache.serve(tokens)).toBe(reference.serve(tokens));
        },
      ),
      { numRuns: 300 },
    );
  });
});
