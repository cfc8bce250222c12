import type { Core } from '@strapi/strapi';
import type { ChunkData } from '../chat/entry-chunks';

export const CHAT_CHUNK_UID = 'plugin::alwrity.chat-chunk';

/** A stored chunk: what was written, with its id, and title and vector as the column holds them. */
export interface ChunkRow extends Omit<
  ChunkData,
  'title' | 'titleField' | 'vector' | 'vectorModel'
> {
  id: number;
  title: string | null;
  titleField: string | null;
  vector: string | null;
  vectorModel: string | null;
  updatedAt: string;
}

// Inserts go in slices: SQLite takes at most 999 bound values in one statement.
const INSERT_SLICE = 50;
const ID_SLICE = 500;
/** The advisory lock index writes hold on PostgreSQL (any fixed number of ours). */
const INDEX_LOCK = 7_351_902;

const slices = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/**
 * The content index's rows, through the query engine: they are index rows, not documents, and
 * written in bulk (a re-index writes thousands at a time).
 */
export const chatChunksRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(CHAT_CHUNK_UID as never);

  return {
    /** The stored chunks of some documents of a type, by document. */
    async ofDocuments(uid: string, documentIds: readonly string[]) {
      const byDocument = new Map<string, ChunkRow[]>();
      for (const slice of slices(documentIds, ID_SLICE)) {
        const rows = (await query().findMany({
          where: { targetUid: uid, targetDocumentId: { $in: slice } },
        })) as ChunkRow[];
        for (const row of rows) {
          if (!byDocument.has(row.targetDocumentId)) byDocument.set(row.targetDocumentId, []);
          byDocument.get(row.targetDocumentId)!.push(row);
        }
      }
      return byDocument;
    },

    /**
     * Rewrites some documents' rows in one transaction, so a reader never sees a document half
     * indexed: `plan` is handed what is stored now and answers the rows to keep and to add;
     * everything else of theirs goes. Writes take turns, so two runs over one document each
     * plan from what the other left and leave one copy.
     */
    async replace(
      uid: string,
      documentIds: readonly string[],
      plan: (stored: ChunkRow[]) => { keep: readonly number[]; add: readonly ChunkData[] },
    ) {
      return strapi.db.transaction(async ({ trx }) => {
        // SQLite has one writer at a time; PostgreSQL needs telling.
        if (strapi.db.dialect.client === 'postgres') {
          await trx.raw('select pg_advisory_xact_lock(?)', [INDEX_LOCK]);
        }
        const stored = [...(await this.ofDocuments(uid, documentIds)).values()].flat();
        const { keep, add } = plan(stored);
        const kept = new Set(keep);
        const gone = stored.map((row) => row.id).filter((id) => !kept.has(id));
        for (const ids of slices(gone, ID_SLICE)) {
          await query().deleteMany({ where: { id: { $in: ids } } });
        }
        for (const slice of slices(add, INSERT_SLICE)) {
          await query().createMany({ data: slice as never });
        }
        return { removed: gone.length, added: add.length };
      });
    },

    async setVectors(rows: readonly { id: number; vector: string; vectorModel: string }[]) {
      for (const row of rows) {
        await query().update({
          where: { id: row.id },
          data: { vector: row.vector, vectorModel: row.vectorModel },
        });
      }
    },

    /** Rows after `afterId`, in id order: how the memory index loads them all. */
    page: (afterId: number, limit: number) =>
      query().findMany({
        where: { id: { $gt: afterId } },
        orderBy: { id: 'asc' },
        limit,
      }) as Promise<ChunkRow[]>,

    /** Which documents of a type the index holds. */
    async documentIdsOf(uid: string) {
      const rows = (await query().findMany({
        where: { targetUid: uid },
        select: ['targetDocumentId'],
      })) as { targetDocumentId: string }[];
      return new Set(rows.map((row) => row.targetDocumentId));
    },

    removeDocuments: async (uid: string, documentIds: readonly string[]) => {
      for (const slice of slices(documentIds, ID_SLICE)) {
        await query().deleteMany({ where: { targetUid: uid, targetDocumentId: { $in: slice } } });
      }
    },

    /** Drops every row of the types not named: they are no longer indexed. */
    removeTypesExcept: (uids: readonly string[]) =>
      query().deleteMany({ where: { targetUid: { $notIn: [...uids, ''] } } }),

    async countsOf(uid: string) {
      const [chunks, documents] = await Promise.all([
        query().count({ where: { targetUid: uid } }),
        this.documentIdsOf(uid).then((ids) => ids.size),
      ]);
      return { chunks, documents };
    },

    async lastUpdatedAt(): Promise<string | null> {
      const row = (await query().findOne({
        select: ['updatedAt'],
        orderBy: { updatedAt: 'desc' },
      })) as { updatedAt: string } | null;
      return row?.updatedAt ?? null;
    },
  };
};

export type ChatChunksRepository = ReturnType<typeof chatChunksRepository>;
