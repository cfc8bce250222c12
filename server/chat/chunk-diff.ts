import type { ChunkData } from './entry-chunks';

/** What the index holds of a chunk, enough to tell whether it changed. */
export interface StoredChunk {
  id: number;
  targetLocale: string | null;
  version: string;
  field: string;
  position: number;
  hash: string;
  title: string | null;
  titleField: string | null;
  ownerId: number | null;
  vector: string | null;
  vectorModel: string | null;
}

type Comparable = Pick<
  StoredChunk,
  'targetLocale' | 'version' | 'field' | 'position' | 'hash' | 'title' | 'titleField' | 'ownerId'
>;

const identity = (chunk: Comparable) =>
  [
    chunk.targetLocale ?? '',
    chunk.version,
    chunk.field,
    chunk.position,
    chunk.hash,
    chunk.title ?? '',
    chunk.titleField ?? '',
    chunk.ownerId ?? '',
  ].join('\u0000');

/**
 * What to change so the stored chunks of some documents become `fresh`: rows that no longer
 * match go, new ones come. A new row takes the vector of any stored row with the same text
 * (same hash, same model), so only text that changed is embedded again.
 */
export const diffChunks = (
  stored: readonly StoredChunk[],
  fresh: readonly ChunkData[],
  vectorModel: string | null,
) => {
  const kept = new Set(fresh.map(identity));
  const held = new Set(stored.map(identity));
  const vectors = new Map(
    stored
      .filter((row) => row.vector && vectorModel && row.vectorModel === vectorModel)
      .map((row) => [row.hash, row.vector!] as const),
  );
  const add = fresh
    .filter((chunk) => !held.has(identity(chunk)))
    .map((chunk) => {
      if (chunk.vector) return chunk;
      const vector = vectors.get(chunk.hash);
      return vector
        ? { ...chunk, vector, vectorModel }
        : { ...chunk, vector: null, vectorModel: null };
    });
  return {
    remove: stored.filter((row) => !kept.has(identity(row))).map((row) => row.id),
    keep: stored.filter((row) => kept.has(identity(row))).map((row) => row.id),
    add,
    /** Stored rows that stay but whose vector is missing or from another model. */
    stale: stored.filter(
      (row) => kept.has(identity(row)) && vectorModel && row.vectorModel !== vectorModel,
    ),
  };
};
