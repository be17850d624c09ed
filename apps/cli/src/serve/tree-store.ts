import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { loadTree, type SearchTree, saveTree } from "@deliberate/core";

/** A tree id: `tree_` and 24 hex digits, unguessable, and safe as a file name. */
const TREE_ID = /^tree_[0-9a-f]{24}$/;

/**
 * The trees of the searches the server ran, by id: the last `keep` in memory, and every one
 * saved atomically as `<id>.json` under `dir` when one is given (`--save-dir`), read back from
 * there once memory has let it go. An id that is not of the server's form is never looked up,
 * so no request names a path.
 */
export class TreeStore {
  private readonly trees = new Map<string, SearchTree>();

  constructor(
    private readonly keep: number,
    private readonly dir?: string,
  ) {}

  /** Stores a finished search's tree and returns its new id. */
  async add(tree: SearchTree): Promise<string> {
    const id = `tree_${randomBytes(12).toString("hex")}`;
    this.trees.set(id, tree);
    // Oldest first: a Map iterates in insertion order.
    for (const old of this.trees.keys()) {
      if (this.trees.size <= this.keep) break;
      this.trees.delete(old);
    }
    if (this.dir) await saveTree(join(this.dir, `${id}.json`), tree);
    return id;
  }

  /** The tree of `id`, or `undefined` when the id is malformed or unknown. */
  async get(id: string): Promise<SearchTree | undefined> {
    if (!TREE_ID.test(id)) return undefined;
    const kept = this.trees.get(id);
    if (kept || !this.dir) return kept;
    return loadTree(join(this.dir, `${id}.json`)).catch(() => undefined);
  }
}
