/**
 * Reciprocal rank fusion: lists ranked by different measures (lexical, vector) merged by rank
 * alone, so scores on different scales need no calibration. Each list adds 1 / (k + rank).
 */

/** The constant of the original paper (Cormack et al., 2009): it damps the top ranks' lead. */
export const RRF_K = 60;

export interface Fused<T> {
  id: T;
  score: number;
  /** The item's rank (from 1) in each list, null where a list does not have it. */
  ranks: (number | null)[];
}

export const fuseRanks = <T>(lists: readonly (readonly T[])[], k = RRF_K): Fused<T>[] => {
  const fused = new Map<T, Fused<T>>();
  lists.forEach((list, which) => {
    list.forEach((id, i) => {
      let entry = fused.get(id);
      if (!entry) {
        entry = { id, score: 0, ranks: lists.map(() => null) };
        fused.set(id, entry);
      }
      // A list naming an item twice counts its best rank only.
      if (entry.ranks[which] !== null) return;
      entry.ranks[which] = i + 1;
      entry.score += 1 / (k + i + 1);
    });
  });
  // Ties keep the order of first appearance, the lists' own order.
  return [...fused.values()].sort((a, b) => b.score - a.score);
};
