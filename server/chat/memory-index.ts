import type { ChunkStatus } from '../../contracts/chat';
import { createLexicalIndex, type LexicalIndex } from './lexical-index';
import { createVectorIndex, type VectorIndex } from './vector-index';

/**
 * The content index in memory: BM25 over each locale's chunks (words stemmed and function words
 * dropped in that locale's language) and, when chunks carry vectors, their embeddings. The
 * database holds the truth; this is rebuilt from it and patched one document at a time.
 */

export interface IndexedChunk {
  id: number;
  uid: string;
  documentId: string;
  locale: string | null;
  version: ChunkStatus;
  field: string;
  heading: string | null;
  title: string;
  /** The field the title was read from: a reader who may not read it gets no title. */
  titleField: string | null;
  text: string;
  /** Of heading and text: a draft and a published version saying the same share it. */
  hash: string;
  ownerId: number | null;
}

export interface RankedChunk {
  id: number;
  score: number;
}

const documentKey = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;

export const createMemoryIndex = () => {
  const chunks = new Map<number, IndexedChunk>();
  const byDocument = new Map<string, Set<number>>();
  const lexical = new Map<string, LexicalIndex>();
  let vectors: VectorIndex<number> | null = null;
  /** Per type, the fields its chunks' titles were read from, and how many chunks of each. */
  const titleFields = new Map<string, Map<string, number>>();

  const countTitle = (chunk: IndexedChunk, by: number) => {
    if (!chunk.titleField) return;
    const counts = titleFields.get(chunk.uid) ?? new Map<string, number>();
    const count = (counts.get(chunk.titleField) ?? 0) + by;
    if (count > 0) counts.set(chunk.titleField, count);
    else counts.delete(chunk.titleField);
    if (counts.size) titleFields.set(chunk.uid, counts);
    else titleFields.delete(chunk.uid);
  };

  const lexicalOf = (locale: string | null) => {
    let index = lexical.get(locale ?? '');
    if (!index) {
      index = createLexicalIndex(locale);
      lexical.set(locale ?? '', index);
    }
    return index;
  };

  const remove = (id: number) => {
    const chunk = chunks.get(id);
    if (!chunk) return;
    chunks.delete(id);
    countTitle(chunk, -1);
    lexicalOf(chunk.locale).discard(chunk);
    vectors?.delete(id);
    const key = documentKey(chunk.uid, chunk.documentId);
    byDocument.get(key)?.delete(id);
    if (!byDocument.get(key)?.size) byDocument.delete(key);
  };

  return {
    get size() {
      return chunks.size;
    },
    /** What the vectors take: the lexical side is small beside them. */
    get vectorBytes() {
      return vectors?.bytes ?? 0;
    },
    /** Of the vectors held; null when none are. */
    get dimensions() {
      return vectors?.dimensions ?? null;
    },

    get: (id: number) => chunks.get(id),

    /** The fields a type's chunks hold their titles from. */
    titleFieldsOf: (uid: string): Iterable<string> => titleFields.get(uid)?.keys() ?? [],

    put(chunk: IndexedChunk, vector?: ArrayLike<number> | null) {
      remove(chunk.id);
      chunks.set(chunk.id, chunk);
      countTitle(chunk, 1);
      lexicalOf(chunk.locale).add(chunk);
      const key = documentKey(chunk.uid, chunk.documentId);
      if (!byDocument.has(key)) byDocument.set(key, new Set());
      byDocument.get(key)!.add(chunk.id);
      if (vector?.length) {
        // A different model's vectors replace the ones held: they cannot be compared.
        if (!vectors || vectors.dimensions !== vector.length) {
          vectors = createVectorIndex<number>(vector.length);
        }
        vectors.set(chunk.id, vector);
      }
    },

    /** Takes out every chunk of a document, in every locale and version. */
    removeDocument(uid: string, documentId: string) {
      for (const id of [...(byDocument.get(documentKey(uid, documentId)) ?? [])]) remove(id);
    },

    clear() {
      chunks.clear();
      byDocument.clear();
      titleFields.clear();
      lexical.clear();
      vectors = null;
    },

    /**
     * BM25, best first, over one locale's chunks; without a locale, over the locales whose
     * language the query is written in (by its function words), and the others too when those
     * answer fewer than asked.
     */
    lexical(
      query: string,
      options: {
        locale?: string | null;
        limit: number;
        allow(chunk: IndexedChunk): boolean;
        /** When given, the chunks it denies are matched without their title's words. */
        titled?(chunk: IndexedChunk): boolean;
      },
    ): RankedChunk[] {
      const { allow, titled } = options;
      const filter = (test: (chunk: IndexedChunk) => boolean) => (id: number) => {
        const chunk = chunks.get(id);
        return Boolean(chunk && test(chunk));
      };
      const searchOne = (index: LexicalIndex) => {
        if (!titled) return index.search(query, filter(allow));
        const withTitle = filter((chunk) => allow(chunk) && titled(chunk));
        const withoutTitle = filter((chunk) => allow(chunk) && !titled(chunk));
        return [
          ...index.search(query, withTitle),
          ...index.search(query, withoutTitle, { titles: false }),
        ];
      };
      const run = (indexes: LexicalIndex[]) =>
        indexes
          .flatMap((index) => searchOne(index).map(({ id, score }) => ({ id, score })))
          .sort((a, b) => b.score - a.score)
          .slice(0, options.limit);
      if (options.locale !== undefined) {
        const index = lexical.get(options.locale ?? '');
        return index ? run([index]) : [];
      }
      const all = [...lexical.values()];
      const fits = all.map((index) => index.fit(query));
      const best = Math.max(0, ...fits);
      const first = best > 0 ? all.filter((_, i) => fits[i] === best) : all;
      const found = run(first);
      if (found.length >= options.limit || first.length === all.length) return found;
      return run(all);
    },

    /** Cosine similarity to the query's vector, best first; none when nothing holds vectors. */
    similar(
      vector: ArrayLike<number>,
      options: { limit: number; allow(chunk: IndexedChunk): boolean },
    ): RankedChunk[] {
      if (!vectors || vectors.dimensions !== vector.length) return [];
      return vectors.search(vector, options.limit, (id) => {
        const chunk = chunks.get(id);
        return Boolean(chunk && options.allow(chunk));
      });
    },
  };
};

export type MemoryIndex = ReturnType<typeof createMemoryIndex>;
