import { describe, expect, it } from "vitest";
import {
  bootstrapClusterMean,
  computeWilsonInterval,
  testMcNemarExact,
} from "../src/anytime/statistics.js";

describe("testMcNemarExact", () => {
  it("gives the exact two-sided binomial p of the discordant pairs", () => {
    expect(testMcNemarExact(0, 5)).toBeCloseTo(2 / 32, 12);
    expect(testMcNemarExact(1, 9)).toBeCloseTo(22 / 1024, 12);
    expect(testMcNemarExact(8, 2)).toBeCloseTo(112 / 1024, 12);
    // scipy.stats.binomtest(3, 20).pvalue and binomtest(10, 40).pvalue
    expect(testMcNemarExact(3, 17)).toBeCloseTo(0.0025768280029296875, 12);
    expect(testMcNemarExact(30, 10)).toBeCloseTo(0.0022214337732293643, 12);
  });

  it("gives 1 without discordant pairs and never more than 1", () => {
    expect(testMcNemarExact(0, 0)).toBe(1);
    expect(testMcNemarExact(5, 5)).toBe(1);
    expect(testMcNemarExact(4, 5)).toBe(1);
  });

  it("stays finite for hundreds of pairs", () => {
    const p = testMcNemarExact(100, 200);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-7);
  });
});

describe("computeWilsonInterval", () => {
  it("matches the Wilson score interval on a known sample", () => {
    const interval = computeWilsonInterval(45, 100);
    expect(interval.low).toBeCloseTo(0.3561453797951198, 9);
    expect(interval.high).toBeCloseTo(0.5475539700255787, 9);
  });

  it("is not empty at zero successes", () => {
    const interval = computeWilsonInterval(0, 10);
    expect(interval.low).toBe(0);
    expect(interval.high).toBeCloseTo(0.2775327998628892, 9);
  });
});

describe("bootstrapClusterMean", () => {
  it("collapses to the value when every puzzle has the same outcome", () => {
    expect(bootstrapClusterMean([[1, 1], [1, 1], [1]])).toEqual({ low: 1, high: 1 });
  });

  it("brackets the mean of a mixed sample and repeats itself", () => {
    const clusters = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? [1, 1, 0] : [0, 0, 1]));
    const interval = bootstrapClusterMean(clusters);
    expect(interval.low).toBeLessThan(0.5);
    expect(interval.high).toBeGreaterThan(0.5);
    expect(interval.high - interval.low).toBeLessThan(0.25);
    expect(bootstrapClusterMean(clusters)).toEqual(interval);
  });

  it("is wider than Wilson on the pooled runs when the seeds of each puzzle agree", () => {
    // 20 puzzles, each solved by all 3 seeds or none: 60 runs but only 20 independent outcomes.
    const clustered = Array.from({ length: 20 }, (_, i) => (i < 10 ? [1, 1, 1] : [0, 0, 0]));
    const interval = bootstrapClusterMean(clustered);
    const pooled = computeWilsonInterval(30, 60);
    expect(interval.high - interval.low).toBeGreaterThan(pooled.high - pooled.low);
  });
});
