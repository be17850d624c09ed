/** One cached token: a node of the radix tree (one token a node keeps the simulation simple). */
interface CacheNode {
  readonly children: Map<number, CacheNode>;
  readonly parent: CacheNode | undefined;
  readonly token: number;
  lastUsed: number;
}

/**
 * A prefix cache as SGLang's RadixAttention and vLLM's automatic prefix caching keep one: every
 * prompt's tokens stay in a tree of shared prefixes, a new prompt is served from cache for the
 * longest prefix already in the tree, and when the tree holds more than `capacity` tokens the
 * least recently used leaves are evicted first (a prefix is never evicted before its extensions).
 * It simulates what an engine would save; it computes nothing.
 */
export class RadixCache {
  private readonly root: CacheNode = {
    children: new Map(),
    parent: undefined,
    token: -1,
    lastUsed: 0,
  };
  private size = 0;
  private clock = 0;
  /** Leaves by the time they were last used, checked when popped (entries go stale). */
  private readonly leaves: Entry[] = [];

  constructor(private readonly capacity: number = Number.POSITIVE_INFINITY) {}

  /** Serves one prompt: returns how many of its leading tokens came from cache, then caches it. */
  serve(tokens: readonly number[]): number {
    this.clock += 1;
    let node = this.root;
    let hit = 0;
    for (const token of tokens) {
      const child = node.children.get(token);
      if (!child) break;
      child.lastUsed = this.clock;
      node = child;
      hit += 1;
    }
    for (let i = hit; i < tokens.length; i++) {
      const child: CacheNode = {
        children: new Map(),
        parent: node,
        token: tokens[i] as number,
        lastUsed: this.clock,
      };
      node.children.set(child.token, child);
      node = child;
      this.size += 1;
    }
    if (node !== this.root) this.pushLeaf(node);
    this.evict();
    return hit;
  }

  private pushLeaf(node: CacheNode): void {
    heapPush(this.leaves, { node, at: node.lastUsed });
  }

  private evict(): void {
    while (this.size > this.capacity) {
      const entry = heapPop(this.leaves);
      if (!entry) return;
      const { node } = entry;
      // A stale entry: the node was used again since, grew children, or is gone already.
      if (node.children.size > 0 || node.lastUsed !== entry.at || !node.parent) continue;
      if (node.parent.children.get(node.token) !== node) continue;
      node.parent.children.delete(node.token);
      this.size -= 1;
      const parent = node.parent;
      if (parent !== this.root && parent.children.size === 0) this.pushLeaf(parent);
    }
  }
}

type Entry = { node: CacheNode; at: number };

/** A binary min-heap on `at`: the least recently used leaf on top. */
function heapPush(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const up = (i - 1) >> 1;
    if ((heap[up] as Entry).at <= entry.at) break;
    heap[i] = heap[up] as Entry;
    i = up;
  }
  heap[i] = entry;
}

function heapPop(heap: Entry[]): Entry | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child =
      right < heap.length && (heap[right] as Entry).at < (heap[left] as Entry).at ? right : left;
    if ((heap[child] as Entry).at >= last.at) break;
    heap[i] = heap[child] as Entry;
    i = child;
  }
  heap[i] = last;
  return top;
}
