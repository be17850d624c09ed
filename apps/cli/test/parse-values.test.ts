import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import {
  parseIntegerIn,
  parseOneOf,
  parseTemperature,
  parseThinkTime,
  parseUnitInterval,
} from "../src/options/parse-values.js";

describe("parseThinkTime", () => {
  it("reads seconds, minutes, milliseconds and compound durations", () => {
    expect(parseThinkTime("30s")).toBe(30_000);
    expect(parseThinkTime("2m")).toBe(120_000);
    expect(parseThinkTime("1500ms")).toBe(1500);
    expect(parseThinkTime("1m30s")).toBe(90_000);
    expect(parseThinkTime("250")).toBe(250);
  });

  it("rejects words, negative and zero durations, saying what it expected", () => {
    expect(() => parseThinkTime("soon")).toThrow(InvalidArgumentError);
    expect(() => parseThinkTime("soon")).toThrow(/Expected a duration such as 30s.*got "soon"/);
    expect(() => parseThinkTime("-5s")).toThrow(InvalidArgumentError);
    expect(() => parseThinkTime("0s")).toThrow(/above zero/);
  });
});

describe("parseIntegerIn", () => {
  it("accepts integers in range", () => {
    expect(parseIntegerIn(1, 10)("7")).toBe(7);
    expect(parseIntegerIn(0)("0")).toBe(0);
  });

  it("rejects fractions, words and values out of range", () => {
    const parse = parseIntegerIn(1, 10);
    expect(() => parse("2.5")).toThrow(/Expected an integer from 1 to 10, got "2.5"/);
    expect(() => parse("three")).toThrow(InvalidArgumentError);
    expect(() => parse("11")).toThrow(InvalidArgumentError);
    expect(() => parseIntegerIn(1)("0")).toThrow(/Expected an integer ≥ 1, got "0"/);
  });
});

describe("parseUnitInterval and parseTemperature", () => {
  it("accept numbers in their ranges and reject the rest", () => {
    expect(parseUnitInterval("0.4")).toBe(0.4);
    expect(() => parseUnitInterval("1.5")).toThrow(/from 0 to 1/);
    expect(() => parseUnitInterval("")).toThrow(InvalidArgumentError);
    expect(parseTemperature("1.2")).toBe(1.2);
    expect(() => parseTemperature("3")).toThrow(/from 0 to 2/);
  });
});

describe("parseOneOf", () => {
  it("accepts a listed name and lists the names when it rejects one", () => {
    const parse = parseOneOf(["beam", "dfs"] as const);
    expect(parse("dfs")).toBe("dfs");
    expect(() => parse("bfs")).toThrow(/Expected one of beam, dfs, got "bfs"/);
  });
});
