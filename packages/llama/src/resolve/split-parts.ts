import { LlamaError } from "../errors.js";
import { GGUF_READ_LIMITS } from "../gguf/gguf-read-limits.js";
import { type GgufHeaderRecord, readGgufHeader } from "../gguf/read-gguf-header.js";

/** llama.cpp's name of a split model's parts: `model-00001-of-00003.gguf`. */
const SPLIT_NAME = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/;

/**
 * Reads the headers of a split model's other parts, which llama.cpp opens by name after the
 * first: each is checked as the first was, so no part reaches llama.cpp unread. A file that is
 * not split gives none.
 */
export async function readSplitParts(
  path: string,
  first: GgufHeaderRecord,
  signal: AbortSignal | undefined,
): Promise<GgufHeaderRecord[]> {
  const count = first.metadata.get("split.count");
  if (count === undefined || count === 0 || count === 1) return [];
  const match = SPLIT_NAME.exec(path);
  if (
    typeof count !== "number" ||
    !Number.isInteger(count) ||
    count < 0 ||
    count > GGUF_READ_LIMITS.splitParts ||
    match === null ||
    Number(match[2]) !== 1 ||
    Number(match[3]) !== count
  ) {
    throw new LlamaError(
      "NOT_GGUF",
      `Expected the first part of a split model, named like model-00001-of-${String(count).padStart(5, "0")}.gguf, got ${path} with \`split.count\` = ${String(count)}. Pass the first part, with the others beside it.`,
    );
  }
  const parts: GgufHeaderRecord[] = [];
  for (let part = 2; part <= count; part += 1) {
    const partPath = `${match[1]}-${String(part).padStart(5, "0")}-of-${match[3]}.gguf`;
    const header = await readGgufHeader(partPath, signal ? { signal } : {}).catch(
      (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        throw new LlamaError(
          "MODEL_NOT_FOUND",
          `Expected part ${part} of ${count} of the split model ${path} at ${partPath}, got no such file. Download every part into one folder.`,
          { cause: error },
        );
      },
    );
    parts.push(header);
  }
  return parts;
}
