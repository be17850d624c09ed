import type { FileHandle } from "node:fs/promises";
import { LlamaError } from "../errors.js";

/** Bytes read from disk at a time: a header of any size is read in a bounded number of reads. */
const CHUNK_BYTES = 1 << 20;

/** Longest stretch of synchronous parsing before the event loop gets a turn (Ctrl-C, timers). */
const SLICE_MS = 15;

/**
 * A forward-only reader of a GGUF file that never reads past the file's end: where a lenient
 * reader pads a short file with zeros (and loops on those zeros for minutes), this one throws
 * `NOT_GGUF` naming the byte. It yields to the event loop every {@link SLICE_MS} ms and checks
 * its signal there, so a SIGINT handler runs and a long read stops when asked.
 */
export class GgufFileCursor {
  private buffer = Buffer.alloc(0);
  /** File offset of `buffer[0]`. */
  private bufferStart = 0;
  private offset = 0;
  private sliceStart = performance.now();
  private calls = 0;

  constructor(
    private readonly handle: FileHandle,
    /** The file's size in bytes: no read goes beyond it. */
    readonly size: number,
    private readonly path: string,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Where the next read starts, in bytes from the start of the file. */
  get position(): number {
    return this.offset;
  }

  /** Bytes between the next read and the end of the file. */
  get remaining(): number {
    return this.size - this.offset;
  }

  /**
   * Makes the next `bytes` bytes readable synchronously, or throws when they would pass the end
   * of the file (`what` names the field, for the message). Also where the reader yields.
   */
  async need(bytes: number, what: string): Promise<void> {
    if (bytes > this.remaining) {
      throw this.fail(
        `a header that fits in the file's ${this.size} bytes, got ${what} that ends at byte ${this.offset + bytes}`,
      );
    }
    await this.pause();
    const end = this.offset + bytes;
    if (end <= this.bufferStart + this.buffer.length) return;
    // Keep the unread tail, then read enough to cover the request (at least one chunk).
    const keep = this.buffer.subarray(this.offset - this.bufferStart);
    const length = Math.min(Math.max(bytes, CHUNK_BYTES), this.remaining);
    const next = Buffer.allocUnsafe(length);
    keep.copy(next, 0);
    let filled = keep.length;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(
        next,
        filled,
        length - filled,
        this.offset + filled,
      );
      if (bytesRead === 0) {
        throw this.fail(
          `a file of ${this.size} bytes, got one that ended at byte ${this.offset + filled} while it was read (it changed on disk)`,
        );
      }
      filled += bytesRead;
    }
    this.buffer = next;
    this.bufferStart = this.offset;
  }

  /**
   * Whether the next `bytes` bytes can be read synchronously with no pause due: the fast path of
   * long arrays, where an `await` per element would cost more than the read.
   */
  available(bytes: number): boolean {
    this.calls += 1;
    if ((this.calls & 1023) === 0 && performance.now() - this.sliceStart >= SLICE_MS) return false;
    return this.offset + bytes <= this.bufferStart + this.buffer.length;
  }

  /** Passes over `bytes` bytes that {@link available} said are there. */
  skip(bytes: number): void {
    this.offset += bytes;
  }

  /**
   * Passes over `bytes` bytes without reading them (array elements inspection does not need), or
   * throws when they would pass the end of the file.
   */
  async advance(bytes: number, what: string): Promise<void> {
    if (bytes > this.remaining) {
      throw this.fail(
        `a header that fits in the file's ${this.size} bytes, got ${what} that ends at byte ${this.offset + bytes}`,
      );
    }
    await this.pause();
    this.offset += bytes;
  }

  readU8(): number {
    return this.take(1).readUInt8(0);
  }

  readU16(): number {
    return this.take(2).readUInt16LE(0);
  }

  readU32(): number {
    return this.take(4).readUInt32LE(0);
  }

  readI32(): number {
    return this.take(4).readInt32LE(0);
  }

  /** A u64 as a number, exact below 2^53: for a length that is compared with limits at once. */
  readLength(): number {
    const at = this.offset - this.bufferStart;
    if (at + 8 > this.buffer.length) this.take(8); // throws: read without need()
    this.offset += 8;
    return this.buffer.readUInt32LE(at + 4) * 2 ** 32 + this.buffer.readUInt32LE(at);
  }

  /** A u64 as a bigint: counts and lengths are checked against the file before they are used. */
  readU64(): bigint {
    return this.take(8).readBigUInt64LE(0);
  }

  readI64(): bigint {
    return this.take(8).readBigInt64LE(0);
  }

  readF32(): number {
    return this.take(4).readFloatLE(0);
  }

  readF64(): number {
    return this.take(8).readDoubleLE(0);
  }

  /** `bytes` bytes as latin1: one character a byte, to compare bytes exactly. */
  readLatin1(bytes: number): string {
    const at = this.offset - this.bufferStart;
    if (at + bytes > this.buffer.length) this.take(bytes); // throws: read without need()
    this.offset += bytes;
    return this.buffer.toString("latin1", at, at + bytes);
  }

  /** `bytes` bytes as UTF-8 text. */
  readText(bytes: number): string {
    return this.take(bytes).toString("utf8");
  }

  /** A `NOT_GGUF` error saying what was expected at the current byte and what came. */
  fail(problem: string): LlamaError {
    return new LlamaError(
      "NOT_GGUF",
      `Expected a readable GGUF header in ${this.path}: at byte ${this.offset}, expected ${problem}. The file is damaged or not a model: download or write it again.`,
    );
  }

  private take(bytes: number): Buffer {
    const start = this.offset - this.bufferStart;
    if (start + bytes > this.buffer.length) {
      // A bug in the caller, not in the file: every read is preceded by `need`.
      throw new Error(`GgufFileCursor: read of ${bytes} bytes at ${this.offset} without need()`);
    }
    this.offset += bytes;
    return this.buffer.subarray(start, start + bytes);
  }

  private async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
    this.checkSignal();
  }

  /** Throws `ABORTED` when the signal has fired. */
  checkSignal(): void {
    if (this.signal?.aborted) {
      throw new LlamaError(
        "ABORTED",
        `Expected to read ${this.path}, got cancelled while reading its header.`,
        {
          cause: this.signal.reason,
        },
      );
    }
  }
}
