/** An entry of a {@link pushHeap} heap: `[score, id]`, plain data so a strategy state stays JSON. */
export type HeapEntry = [score: number, id: number];

/** Higher score first; among equal scores the lower id, so runs are reproducible. */
function isAbove(a: HeapEntry, b: HeapEntry): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function swap(heap: HeapEntry[], i: number, j: number): void {
  const a = heap[i] as HeapEntry;
  heap[i] = heap[j] as HeapEntry;
  heap[j] = a;
}

/** Adds an entry to a binary max-heap kept in an array. */
export function pushHeap(heap: HeapEntry[], entry: HeapEntry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!isAbove(heap[i] as HeapEntry, heap[parent] as HeapEntry)) break;
    swap(heap, i, parent);
    i = parent;
  }
}

/** Removes and returns the best entry, or `undefined` when the heap is empty. */
export function popHeap(heap: HeapEntry[]): HeapEntry | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let best = i;
    if (left < heap.length && isAbove(heap[left] as HeapEntry, heap[best] as HeapEntry))
      best = left;
    if (right < heap.length && isAbove(heap[right] as HeapEntry, heap[best] as HeapEntry))
      best = right;
    if (best === i) return top;
    swap(heap, i, best);
    i = best;
  }
}
