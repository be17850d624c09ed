import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { DeliberateError } from "../errors.js";
import { SearchTree, TREE_FORMAT_VERSION } from "./schema.js";

/**
 * Checks that `data` is a search tree: the versioned schema, then the structure (node `i` has id
 * `i`, every parent exists before its child, depth = parent depth + 1, the best path is a path).
 * Throws an `INVALID_TREE` {@link DeliberateError} that names the first problem.
 *
 * @example
 * ```ts
 * const tree = parseTree(JSON.parse(text));
 * ```
 */
export function parseTree(data: unknown): SearchTree {
  if (typeof data === "object" && data !== null && "version" in data) {
    const version = (data as { version: unknown }).version;
    if (version !== TREE_FORMAT_VERSION) {
      throw new DeliberateError(
        "INVALID_TREE",
        `Expected a tree of format version ${TREE_FORMAT_VERSION}, got version ${String(version)}`,
        { field: "version" },
      );
    }
  }
  const parsed = SearchTree.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "(root)";
    throw new DeliberateError(
      "INVALID_TREE",
      `Not a deliberate tree: at \`${field}\`, ${issue?.message ?? "invalid"}`,
      { field },
    );
  }
  checkStructure(parsed.data);
  return parsed.data;
}

function checkStructure(tree: SearchTree): void {
  tree.nodes.forEach((node, index) => {
    const fail = (problem: string) => {
      throw new DeliberateError("INVALID_TREE", `Not a deliberate tree: node ${index} ${problem}`, {
        field: `nodes.${index}`,
      });
    };
    if (node.id !== index) fail(`has id ${node.id}; expected ids in order from 0`);
    if (index === 0) {
      if (node.parent !== null || node.depth !== 0) fail("is the root but has a parent or depth");
      return;
    }
    if (node.parent === null || node.parent >= index)
      fail(`has parent ${node.parent}, not an earlier node`);
    const parent = tree.nodes[node.parent ?? 0];
    if (parent && node.depth !== parent.depth + 1)
      fail(`has depth ${node.depth}, parent ${parent.depth}`);
  });
  const path = tree.bestPath ?? [];
  path.forEach((id, step) => {
    const expectedParent = step === 0 ? null : path[step - 1];
    if (tree.nodes[id]?.parent !== expectedParent) {
      throw new DeliberateError(
        "INVALID_TREE",
        `Not a deliberate tree: bestPath breaks at node ${id}`,
        {
          field: "bestPath",
        },
      );
    }
  });
}

/** Reads and checks a tree file. Errors name the file. */
export async function loadTree(path: string): Promise<SearchTree> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new DeliberateError(
      "INVALID_TREE",
      `Cannot read tree file ${path}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new DeliberateError(
      "INVALID_TREE",
      `Tree file ${path} is not JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  try {
    return parseTree(data);
  } catch (error) {
    if (error instanceof DeliberateError) {
      throw new DeliberateError(error.code, `${path}: ${error.message}`, {
        field: error.field,
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Writes text atomically: to a temporary file beside `path`, then renamed over it, so a crash or
 * a full disk never leaves a truncated file.
 */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, text, { flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes `data` as JSON atomically (see {@link writeTextAtomic}). */
export async function writeJsonAtomic(path: string, data: unknown): Promise<void> {
  await writeTextAtomic(path, `${JSON.stringify(data)}\n`);
}

/** Saves a tree as JSON, atomically. */
export async function saveTree(path: string, tree: SearchTree): Promise<void> {
  await writeJsonAtomic(path, tree);
}
