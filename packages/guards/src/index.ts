export {
  type AdversarialSuffixGuardOptions,
  createAdversarialSuffixGuard,
} from "./adversarial-suffix-guard.js";
export { type DecodedBlob, decodeBlobs, rot13 } from "./encoded/decode-blobs.js";
export {
  createEncodedPayloadGuard,
  type EncodedPayloadGuardOptions,
} from "./encoded/encoded-payload-guard.js";
export { findInstructions } from "./encoded/find-instructions.js";
export { GuardError, type GuardErrorCode } from "./errors.js";
export { createLengthGuard, type LengthGuardOptions } from "./length-guard.js";
export { measureTailPerplexity, type TokenLogprobScorer } from "./perplexity.js";
export { type GuardReport, runGuards } from "./run-guards.js";
export type {
  EncodedFinding,
  Encoding,
  Guard,
  GuardCheckOptions,
  GuardFailure,
  GuardMeasurement,
  GuardPass,
  GuardVerdict,
} from "./verdict.js";
