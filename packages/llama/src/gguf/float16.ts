const scratchFloat = new Float32Array(1);
const scratchBits = new Uint32Array(scratchFloat.buffer);

/**
 * Converts one number to IEEE half-precision bits, rounding to nearest even as ggml does, so a
 * weight written here reads back as the same half that a Python exporter would have produced.
 */
export function encodeFloat16(value: number): number {
  scratchFloat[0] = value;
  const bits = scratchBits[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShifted(full, shift);
  }
  // A carry out of the mantissa correctly bumps the exponent (and overflows to infinity).
  return sign | ((halfExponent << 10) + roundShifted(mantissa, 13));
}

/** Converts a whole array to half-precision bits. */
export function encodeFloat16Array(values: ArrayLike<number>): Uint16Array {
  const halves = new Uint16Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    halves[index] = encodeFloat16(values[index] as number);
  }
  return halves;
}

/** Converts half-precision bits back to a number; used to check what a reader will see. */
export function decodeFloat16(half: number): number {
  const sign = half & 0x8000 ? -1 : 1;
  const exponent = (half >>> 10) & 0x1f;
  const mantissa = half & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

function roundShifted(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const halfway = 1 << (shift - 1);
  return rest > halfway || (rest === halfway && (kept & 1) === 1) ? kept + 1 : kept;
}
