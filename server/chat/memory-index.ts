import MiniSearch, { type SearchOptions } from 'minisearch';
import type { ChunkStatus } from '../../contracts/chat';
import { languageOf } from '../../analysis/seo/language';
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
  text: string;
  ownerId: number | null;
}

export interface RankedChunk {
  id: number;
  score: number;
}

const FIELDS = ['title', 'heading', 'text'];
// A passage whose title or heading names the query's words is more likely about it.
const SEARCH: SearchOptions = {
  boost: { title: 2, heading: 1.5 },
  prefix: (term) => term.length >= 5,
  combineWith: 'OR',
};

const lexicalIndexFor = (locale: string | null) => {
  const language = languageOf(locale ?? undefined);
  return new MiniSearch<IndexedChunk>({
    fields: FIELDS,
    idField: 'id',
    processTerm: (term) => {
      const word = term.toLowerCase();
      if (language.functionWords.has(word)) return null;
      return language.stem(word);
    },
  });
};

const documentKey = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;

export const createMemoryIndex = () => {
  const chunks = new Map<number, IndexedChunk>();
  const byDocument = new Map<string, Set<number>>();
  const lexical = new Map<string, MiniSearch<IndexedChunk>>();
  let vectors: VectorIndex<number> | null = null;

  const lexicalOf = (locale: string | null) => {
    let index = lexical.get(locale ?? '');
    if (!index) {
      index = lexicalIndexFor(locale);
      lexical.set(locale ?? '', index);
    }
    return index;
  };

  const remove = (id: number) => {
    const chunk = chunks.get(id);
    if (!chunk) return;
    chunks.delete(id);
    lexicalOf(chunk.locale).discard(id);
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

    put(chunk: IndexedChunk, vector?: ArrayLike<number> | null) {
      remove(chunk.id);
      chunks.set(chunk.id, chunk);
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
      lexical.clear();
      vectors = null;
    },

    /** BM25, best first, over one locale's chunks or every locale's. */
    lexical(
      query: string,
      options: { locale?: string | null; limit: number; allow(chunk: IndexedChunk): boolean },
    ): RankedChunk[] {
      const indexes =
        options.locale !== undefined
          ? [lexical.get(options.locale ?? '')].filter(Boolean)
          : [...lexical.values()];
      const filter = (result: { id: number }) => {
        const chunk = chunks.get(result.id);
        return Boolean(chunk && options.allow(chunk));
      };
      return indexes
        .flatMap((index) =>
          index!.search(query, { ...SEARCH, filter }).map(({ id, score }) => ({ id, score })),
        )
        .sort((a, b) => b.score - a.score)
        .slice(0, options.limit);
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
