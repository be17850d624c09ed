import type { Guard as CoreGuard, GuardCheckOptions } from "@deliberate/core/plugins";

/** What a guard measured, by guard. A verdict carries it whether the input passed or not. */
export type GuardMeasurement =
  | {
      readonly kind: "length";
      /** Unicode code points in the input. */
      readonly characters: number;
      /** Tokens in the input, when the guard was given a way to count them. */
      readonly tokens?: number;
    }
  | {
      readonly kind: "encoded-payload";
      /** Encoded blobs found and decoded to text (instructions or not). */
      readonly decoded: number;
    }
  | {
      readonly kind: "perplexity";
      /** `exp(−mean log-probability)` of the scored tail: 1 is certain, the vocabulary size is a guess. */
      readonly perplexity: number;
      /** Tokens the perplexity is the mean over (the tail window, or fewer for a short input). */
      readonly tokens: number;
      readonly threshold: number;
    };

/** The encoded blob that decoded to instructions, for an encoded-payload guard's failure. */
export interface EncodedFinding {
  readonly encoding: Encoding;
  /** The blob as it appears in the input (for nested encodings, in the text it was found in). */
  readonly blob: string;
  /** 0-based character offset of the outermost blob in the input. */
  readonly start: number;
  /** The decoded text. Data: never run or obeyed. */
  readonly decoded: string;
  /** The instruction-like phrase found in `decoded`. */
  readonly match: string;
}

/** An encoding the encoded-payload guard decodes. */
export type Encoding = "base64" | "hex" | "rot13";

/** The input passed the guard. */
export interface GuardPass {
  readonly ok: true;
  readonly guard: string;
  readonly measurement?: GuardMeasurement;
}

/** The guard flagged the input: `reason` says what it expected and what came. */
export interface GuardFailure {
  readonly ok: false;
  readonly guard: string;
  readonly reason: string;
  readonly measurement?: GuardMeasurement;
  /** Set by the encoded-payload guard: what decoded to instructions. */
  readonly finding?: EncodedFinding;
}

/** One guard's verdict on one input. The app decides what a failure means. */
export type GuardVerdict = GuardPass | GuardFailure;

/** What a guard is given besides the input: core's, so a guard of this package is one of core's. */
export type { GuardCheckOptions };

/**
 * A check run on an input before thinking. Write your own by returning a {@link GuardVerdict};
 * throw only when no verdict can be reached. It is core's guard shape with this package's
 * verdicts, so it goes straight into `think`'s `guards` option.
 */
export interface Guard extends CoreGuard {
  /** Names the guard in verdicts and errors. */
  readonly name: string;
  check(input: string, options?: GuardCheckOptions): GuardVerdict | Promise<GuardVerdict>;
}
