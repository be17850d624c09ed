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

  it("keeps exactly what a plain least-recently-used list keeps", () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant("get" as const), key: fc.nat(6) }),
      fc.record({ kind: fc.constant("set" as const), key: fc.nat(6) }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.nat(6) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(operation, { maxLength: 40 }),
        (capacity, operations) => {
          const cache = new BoundedCache<number, number>(capacity);
          let order: number[] = []; // least recent first
          for (const { kind, key } of operations) {
            if (kind === "get") {
              const held = order.includes(key);
              expect(cache.get(key)).toBe(held ? key : undefined);
              if (held) order = [...order.filter((k) => k !== key), key];
            } else if (kind === "set") {
              cache.set(key, key);
              order = [...order.filter((k) => k !== key), key];
              if (order.length > capacity) order = order.slice(1);
            } else {
              cache.delete(key);
              order = order.filter((k) => k !== key);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
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
