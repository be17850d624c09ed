import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoundedCache } from "../src/evaluators/bounded-cache.js";

describe("BoundedCache", () => {
  it("forgets the least recently used entry first", () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("never holds more than its capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.array(fc.nat(20)), (capacity, keys) => {
        const cache = new BoundedCache<number, number>(capacity);
        for (const key of keys) {
          cache.set(key, key);
          expect(cache.size).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });
});
