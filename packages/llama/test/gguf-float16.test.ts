import { describe, expect, it } from "vitest";
import { decodeFloat16, encodeFloat16 } from "../src/gguf/float16.js";

describe("encodeFloat16", () => {
  it("encodes exact values to their IEEE half bits", () => {
    expect([1, -2, 0.5, 0, 65504, 2 ** -24].map(encodeFloat16)).toEqual([
      0x3c00, 0xc000, 0x3800, 0x0000, 0x7bff, 0x0001,
    ]);
  });

  it("rounds to nearest even, overflows to infinity and underflows to zero", () => {
    expect(encodeFloat16(0.1)).toBe(0x2e66);
    expect(encodeFloat16(1 + 2 ** -11)).toBe(0x3c00);
    expect(encodeFloat16(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(encodeFloat16(70000)).toBe(0x7c00);
    expect(encodeFloat16(-1e-9)).toBe(0x8000);
    expect(encodeFloat16(Number.NaN) & 0x7c00).toBe(0x7c00);
  });

  it("round-trips normal values through decodeFloat16 within half an ulp", () => {
    for (const value of [0.333, -7.25, 1234.5, 3e-4]) {
      expect(
        Math.abs(decodeFloat16(encodeFloat16(value)) - value) / Math.abs(value),
      ).toBeLessThanOrEqual(2 ** -11);
    }
  });
});
