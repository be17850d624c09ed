import { describe, expect, it } from "vitest";
import { RadixCache } from "../src/prefix-cache/radix-cache.js";

describe("RadixCache", () => {
  it("serves the longest cached prefix of each prompt", () => {
    const cache = new RadixCache();
    expect(cache.serve([1, 2, 3, 4])).toBe(0);
    expect(cache.serve([1, 2, 3, 5, 6])).toBe(3);
    expect(cache.serve([1, 2, 3, 5, 6])).toBe(5);
    expect(cache.serve([7])).toBe(0);
  });

  it("evicts the least recently used leaves first, never a prefix before its extensions", () => {
    const cache = new RadixCache(6);
    cache.serve([1, 2, 3]); // 3 tokens
    cache.serve([4, 5, 6]); // 6 tokens: full
    cache.serve([1, 2, 3]); // used again: [4 5 6] is now the oldest
    cache.serve([1, 2, 9]); // 7 tokens: evicts 6 (the leaf of the oldest path)
    expect(cache.serve([4, 5, 6])).toBe(2);
    // Caching 6 again evicted 3, the oldest leaf by then; the shared [1 2] stays.
    expect(cache.serve([1, 2, 3])).toBe(2);
  });

  it("keeps to its capacity under many prompts", () => {
    const cache = new RadixCache(50);
    let hits = 0;
    for (let i = 0; i < 200; i++) hits += cache.serve([0, 1, 2, i % 7, i % 13, i]);
    // The shared head [0 1 2] stays hot; the rest is mostly evicted and refilled.
    expect(hits).toBeGreaterThanOrEqual(3 * 199);
    expect(hits).toBeLessThan(6 * 200);
  });
});
