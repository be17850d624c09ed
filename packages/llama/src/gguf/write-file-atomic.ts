import { randomBytes } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes a file through a temporary sibling and a rename, so a concurrent reader (another test
 * worker, another CLI process) sees either no file or the whole file, never a half-written one.
 */
export async function writeFileAtomically(
  path: string,
  write: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(temporary, "wx");
  try {
    await write(handle);
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
