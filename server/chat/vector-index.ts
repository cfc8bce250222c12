/**
 * Vectors held in one Float32Array, normalised once, searched by dot product (cosine): 50,000
 * chunks of 256 dimensions are 51 MB and one pass over them. Ids map to rows; a removed row is
 * reused by the next add, so the array does not grow with churn.
 */

export interface VectorHit<T> {
  id: T;
  score: number;
}

export const createVectorIndex = <T>(dimensions: number, initialRows = 1024) => {
  // Rows padded with zeros to a multiple of four: the scoring loop then has no remainder to
  // handle, which V8 compiles to a loop about twice as fast.
  const stride = Math.ceil(dimensions / 4) * 4;
  let data = new Float32Array(stride * initialRows);
  const ids: (T | undefined)[] = [];
  const rows = new Map<T, number>();
  const free: number[] = [];

  const grow = () => {
    const next = new Float32Array(data.length * 2);
    next.set(data);
    data = next;
  };

  return {
    dimensions,
    get size() {
      return rows.size;
    },
    /** Bytes the vectors take. */
    get bytes() {
      return data.byteLength;
    },

    set(id: T, vector: ArrayLike<number>) {
      if (vector.length !== dimensions) {
        throw new RangeError(
          `A vector of ${vector.length} dimensions; this index holds ${dimensions}.`,
        );
      }
      let row = rows.get(id);
      if (row === undefined) {
        row = free.pop() ?? ids.length;
        if ((row + 1) * stride > data.length) grow();
        rows.set(id, row);
        ids[row] = id;
      }
      let norm = 0;
      for (let i = 0; i < dimensions; i += 1) norm += vector[i]! * vector[i]!;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      const offset = row * stride;
      for (let i = 0; i < dimensions; i += 1) data[offset + i] = vector[i]! * scale;
    },

    delete(id: T) {
      const row = rows.get(id);
      if (row === undefined) return;
      rows.delete(id);
      ids[row] = undefined;
      free.push(row);
    },

    /** The `limit` rows most like `query`, best first, among those `allow` lets through. */
    search(query: ArrayLike<number>, limit: number, allow?: (id: T) => boolean): VectorHit<T>[] {
      let norm = 0;
      for (let i = 0; i < dimensions; i += 1) norm += query[i]! * query[i]!;
      if (norm === 0 || limit <= 0) return [];
      const q = new Float32Array(stride);
      for (let i = 0; i < dimensions; i += 1) q[i] = query[i]! / Math.sqrt(norm);
      // Scores first, in one tight pass (a closure per row would cost more than the maths);
      // `allow` is asked only of rows good enough to enter the best `limit` so far.
      const local = data;
      const best: VectorHit<T>[] = [];
      let floor = -Infinity;
      const count = ids.length;
      for (let row = 0, offset = 0; row < count; row += 1, offset += stride) {
        let a = 0;
        let b = 0;
        let c = 0;
        let d = 0;
        for (let i = 0; i < stride; i += 4) {
          a += local[offset + i]! * q[i]!;
          b += local[offset + i + 1]! * q[i + 1]!;
          c += local[offset + i + 2]! * q[i + 2]!;
          d += local[offset + i + 3]! * q[i + 3]!;
        }
        const score = a + b + c + d;
        if (score <= floor) continue;
        const id = ids[row];
        if (id === undefined || (allow && !allow(id))) continue;
        let at = best.length;
        while (at > 0 && best[at - 1]!.score < score) at -= 1;
        best.splice(at, 0, { id, score });
        if (best.length > limit) best.pop();
        if (best.length === limit) floor = best[limit - 1]!.score;
      }
      return best;
    },
  };
};

export type VectorIndex<T> = ReturnType<typeof createVectorIndex<T>>;
