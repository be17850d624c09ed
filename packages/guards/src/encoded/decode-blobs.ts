import type { Encoding } from "../verdict.js";

/** A run of input that may be an encoded text, decoded. */
export interface DecodedBlob {
  readonly encoding: Encoding;
  readonly blob: string;
  readonly start: number;
  readonly decoded: string;
}

// At least 12 bytes of payload: shorter runs are words, numbers and identifiers, and too short
// for an instruction worth hiding.
const base64Run = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
// Hex as a word of digit pairs, as `\x49\x67…`, or as pairs apart (`49 67`, `0x49, 0x67`).
const hexRun =
  /\b(?:0x)?(?:[0-9a-fA-F]{2}){12,}\b|(?:\\x[0-9a-fA-F]{2}){12,}|\b(?:0x)?[0-9a-fA-F]{2}(?:[\s,:]+(?:0x)?[0-9a-fA-F]{2}\b){11,}/g;
const textDecoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Base64 (standard and URL-safe) and hex runs of `text` that decode to readable UTF-8 text. Runs
 * that decode to bytes which are not text — a hash, a key, an image in a data URL — are left out.
 */
export function decodeBlobs(text: string): DecodedBlob[] {
  const found: DecodedBlob[] = [];
  for (const match of text.matchAll(hexRun)) {
    const decoded = readHex(match[0].replace(/\\x|0x|[\s,:]/g, ""));
    if (decoded !== undefined)
      found.push({ encoding: "hex", blob: match[0], start: match.index, decoded });
  }
  for (const match of text.matchAll(base64Run)) {
    // A hex run is also a base64 run; it was read as hex above.
    if (/^[0-9a-fA-F]+$/.test(match[0])) continue;
    const standard = match[0].replace(/-/g, "+").replace(/_/g, "/");
    // A blob glued to a word starts off its 4-character grid: try each alignment.
    for (let skip = 0; skip < 4; skip++) {
      const decoded = readText(Buffer.from(standard.slice(skip), "base64"));
      if (decoded === undefined) continue;
      const blob = match[0].slice(skip);
      found.push({ encoding: "base64", blob, start: match.index + skip, decoded });
      break;
    }
  }
  return found;
}

/**
 * Hex digits as text. Pairs apart can take in a neighbouring number (`3.14 46 69 …` starts at
 * `14`): up to two pairs at either end may be dropped to find the text.
 */
function readHex(digits: string): string | undefined {
  const bytes = Buffer.from(digits, "hex");
  for (let dropped = 0; dropped <= 4; dropped++) {
    for (let head = Math.max(0, dropped - 2); head <= Math.min(2, dropped); head++) {
      const text = readText(bytes.subarray(head, bytes.length - (dropped - head)));
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/** The bytes as text when they are valid UTF-8 and nearly all printable, else `undefined`. */
function readText(bytes: Buffer): string | undefined {
  if (bytes.length < 8) return undefined;
  let text: string;
  try {
    text = textDecoder.decode(bytes);
  } catch {
    return undefined;
  }
  let printable = 0;
  let total = 0;
  for (const character of text) {
    total++;
    if (/[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]/u.test(character)) printable++;
  }
  return printable >= total * 0.95 ? text : undefined;
}

/** ROT13 of the ASCII letters of `text`; everything else is kept. */
export function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => {
    const base = letter <= "Z" ? 65 : 97;
    return String.fromCharCode(((letter.charCodeAt(0) - base + 13) % 26) + base);
  });
}
