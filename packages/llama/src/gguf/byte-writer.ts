/**
 * Appends little-endian values to a growing list of buffers; GGUF is little-endian throughout.
 */
export class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  writeU32(value: number): void {
    const chunk = Buffer.allocUnsafe(4);
    chunk.writeUInt32LE(value);
    this.push(chunk);
  }

  writeI32(value: number): void {
    const chunk = Buffer.allocUnsafe(4);
    chunk.writeInt32LE(value);
    this.push(chunk);
  }

  writeU64(value: number | bigint): void {
    const chunk = Buffer.allocUnsafe(8);
    chunk.writeBigUInt64LE(BigInt(value));
    this.push(chunk);
  }

  writeF32(value: number): void {
    const chunk = Buffer.allocUnsafe(4);
    chunk.writeFloatLE(value);
    this.push(chunk);
  }

  writeBool(value: boolean): void {
    this.push(Buffer.from([value ? 1 : 0]));
  }

  /** A GGUF string: u64 byte length, then UTF-8 bytes without a terminator. */
  writeString(value: string): void {
    const bytes = Buffer.from(value, "utf8");
    this.writeU64(bytes.length);
    this.push(bytes);
  }

  /** Writes zero bytes until the size is a multiple of `alignment`. */
  padTo(alignment: number): void {
    const rest = this.length % alignment;
    if (rest !== 0) this.push(Buffer.alloc(alignment - rest));
  }

  /** Everything written, as one buffer. */
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

/** Rounds `offset` up to the next multiple of `alignment`. */
export function alignOffset(offset: number, alignment: number): number {
  return Math.ceil(offset / alignment) * alignment;
}
