/** An append-only typed array that doubles when full: millions of postings without an object each. */
export interface GrowArray<T extends Int32Array | Uint16Array> {
  length: number;
  push(value: number): void;
  /** The filled part (a view, no copy). */
  view(): T;
}

export function createGrowArray<T extends Int32Array | Uint16Array>(Kind: { new (length: number): T }, initial = 1 << 16): GrowArray<T> {
  let data = new Kind(initial);
  const array = {
    length: 0,
    push(value: number) {
      if (array.length === data.length) {
        const bigger = new Kind(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[array.length++] = value;
    },
    view: () => data.subarray(0, array.length) as T,
  };
  return array;
}
