import { describe, expect, it } from "vitest";
import { findFirstSlice, planSlice } from "../src/api/think-many-plan.js";

const allocation = { totalMs: 4000, minMs: 0, maxMs: Number.POSITIVE_INFINITY, reserve: 0 };
const request = { baseMs: 100, remainingMs: 1000, waiting: 2, spentMs: 0, maxMs: 5000, owedMs: 0 };

describe("findFirstSlice", () => {
  it("gives a quarter of an equal share of the search time", () => {
    expect(findFirstSlice(allocation, 10)).toBe(100);
    expect(findFirstSlice({ ...allocation, reserve: 0.5 }, 10)).toBe(50);
  });

  it("gives at least the minimum and at most the maximum", () => {
    expect(findFirstSlice({ ...allocation, minMs: 300 }, 10)).toBe(300);
    expect(findFirstSlice({ ...allocation, maxMs: 40 }, 10)).toBe(40);
  });
});

describe("planSlice", () => {
  it("gives the rung's slice when the pool has room", () => {
    expect(planSlice(request)).toBe(100);
  });

  it("caps the slice at the pool's fair share among the questions still to run", () => {
    expect(planSlice({ ...request, remainingMs: 120, waiting: 3 })).toBe(40);
  });

  it("caps the slice at what the question's maximum leaves", () => {
    expect(planSlice({ ...request, spentMs: 4950 })).toBe(50);
    expect(planSlice({ ...request, spentMs: 5000 })).toBe(0);
  });

  it("gives what the minimum still owes, even from an empty pool, but never past the maximum", () => {
    expect(planSlice({ ...request, remainingMs: -30, owedMs: 300, spentMs: 20 })).toBe(280);
    expect(planSlice({ ...request, owedMs: 300, maxMs: 200 })).toBe(200);
  });

  it("gives nothing from a spent pool, and nothing shorter than a millisecond", () => {
    expect(planSlice({ ...request, remainingMs: -5 })).toBe(0);
    expect(planSlice({ ...request, remainingMs: 1.5, waiting: 2 })).toBe(0);
  });
});
