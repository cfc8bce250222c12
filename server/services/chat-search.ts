import type { Core } from '@strapi/strapi';
import type { SearchBody, SearchHit } from '../../contracts/chat';
import { chunkAccess, type ChunkFilter } from '../chat/chunk-access';
import type { IndexedChunk } from '../chat/memory-index';
import { fuseRanks } from '../chat/rank-fusion';
import type { UserAbility } from '../utils/readable-entry';
import { getService } from '../utils/services';

/** Each ranking looks this many times deeper than asked, so fusion has something to weigh. */
const DEPTH = 4;

export interface RankedHit {
  chunk: IndexedChunk;
  score: number;
}

export interface RetrieveOptions {
  locale?: string;
  limit: number;
  allow: ChunkFilter;
  /** Chunks it denies match and show without their entry's title; all titled when absent. */
  titled?: ChunkFilter;
  /** Whose question it is, for the audit log of the query's embedding. */
  userId?: number | null;
}

/**
 * Retrieval over the content index: BM25, fused with vector similarity when chunks carry
 * vectors (reciprocal rank fusion: ranks, not scores, so the two scales never need matching).
 * Every candidate passes `allow` before it is ranked.
 */
const chatSearchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const adminUrl = () =>
    String(strapi.config.get('admin.url', '/admin') ?? '/admin').replace(/\/$/, '');

  const queryVector = async (query: string, userId: number | null | undefined) => {
    const settings = await getService(strapi, 'chat-index').embeddings();
    if (!settings) return null;
    try {
      const client = await getService(strapi, 'ai').client();
      const result = await client.embed([query], {
        feature: 'embeddings',
        model: settings,
        userId: userId ?? null,
      });
      return result.vectors[0] ?? null;
    } catch (error) {
      // Words alone still answer: a question is not refused because embeddings are down.
      strapi.log.warn(
        `[alwrity] Query embedding failed, lexical only: ${(error as Error)?.message ?? error}`,
      );
      return null;
    }
  };

  return {
    async retrieve(query: string, options: RetrieveOptions): Promise<RankedHit[]> {
      const memory = await getService(strapi, 'chat-index').memory();
      const depth = options.limit * DEPTH;
      const lexical = memory.lexical(query, {
        ...(options.locale ? { locale: options.locale } : {}),
        limit: depth,
        allow: options.allow,
        ...(options.titled ? { titled: options.titled } : {}),
      });
      const vector = memory.dimensions ? await queryVector(query, options.userId) : null;
      const similar = vector
        ? memory.similar(vector, {
            limit: depth,
            allow: (chunk) =>
              options.allow(chunk) && (!options.locale || chunk.locale === options.locale),
          })
        : [];
      const ranked = similar.length
        ? fuseRanks([lexical.map((hit) => hit.id), similar.map((hit) => hit.id)])
        : lexical;
      // A draft that says what its published version says is one passage, the published one.
      const seen = new Map<string, RankedHit>();
      const hits: RankedHit[] = [];
      for (const { id, score } of ranked) {
        const chunk = memory.get(id);
        if (!chunk) continue;
        const key = `${chunk.uid}\u0000${chunk.documentId}\u0000${chunk.locale}\u0000${chunk.field}\u0000${chunk.hash}`;
        const twin = seen.get(key);
        if (twin) {
          if (chunk.version === 'published') twin.chunk = chunk;
          continue;
        }
        if (hits.length === options.limit) continue;
        const hit = { chunk, score };
        seen.set(key, hit);
        hits.push(hit);
      }
      return hits;
    },

    /** POST /alwrity/chat/search: what this user may read, best first. */
    async search(ability: UserAbility, body: SearchBody, userId?: number): Promise<SearchHit[]> {
      const index = getService(strapi, 'chat-index');
      const memory = await index.memory();
      const access = await chunkAccess(
        strapi,
        ability,
        await index.indexedUids(),
        memory.titleFieldsOf,
      );
      const hits = await this.retrieve(body.query, {
        locale: body.locale,
        limit: body.limit,
        userId,
        allow: (chunk) => (body.drafts || chunk.version === 'published') && access.allows(chunk),
        ...(access.hidesTitles ? { titled: access.titled } : {}),
      });
      // Asked of each hit whatever the search did: a chunk may have come in since it began.
      return hits.map((hit) => this.toHit(hit, { untitled: !access.titled(hit.chunk) }));
    },

    /** `untitled`: the reader may not read the title field; the entry goes by its document id. */
    toHit({ chunk, score }: RankedHit, { untitled = false } = {}): SearchHit {
      return {
        uid: chunk.uid,
        documentId: chunk.documentId,
        locale: chunk.locale,
        status: chunk.version,
        field: chunk.field,
        title: untitled ? chunk.documentId : chunk.title,
        text: chunk.heading ? `${chunk.heading}\n${chunk.text}` : chunk.text,
        score: Math.round(score * 10000) / 10000,
        link: `${adminUrl()}/content-manager/collection-types/${chunk.uid}/${chunk.documentId}${
          chunk.locale ? `?plugins[i18n][locale]=${encodeURIComponent(chunk.locale)}` : ''
        }`,
      };
    },
  };
};

export default chatSearchService;
export type ChatSearchService = ReturnType<typeof chatSearchService>;
