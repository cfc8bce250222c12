import { createHash, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { populateOf } from '../../analysis/seo';
import type { IndexSettingsBody, IndexTypeSetting, IndexView } from '../../contracts/chat';
import { PLUGIN_ID } from '../../contracts/permissions';
import { diffChunks } from '../chat/chunk-diff';
import { chunksOfEntry, type ChunkData, type IndexedType } from '../chat/entry-chunks';
import { textFieldNames } from '../chat/entry-text';
import { createMemoryIndex, type IndexedChunk } from '../chat/memory-index';
import { decodeVector, encodeVector } from '../chat/vector-codec';
import type { EntryChange } from '../lifecycles/entry-changes';
import { durableBacklog, type Kept } from '../queue/durable-backlog';
import type { JobKind, JobPayload } from '../queue/job-kind';
import { QueueUnavailableError } from '../queue/types';
import { AbortedError } from '../ai/errors';
import { chatChunksRepository, type ChunkRow } from '../repositories/chat-chunks';
import { generationsRepository } from '../repositories/generations';
import { getService } from '../utils/services';
import { collectionTypes, componentLookup, type ContentType } from '../utils/user-types';
import { invalidField } from '../utils/validate';

export const CHAT_INDEX_QUEUE = 'alwrity-chat-index';
export const CHAT_REINDEX_JOB = 'alwrity-chat-reindex';
const SETTINGS_KEY = 'chat-index';
const TOPIC = 'chat-index';
/** Saves within this window (autosave, a script) are indexed once, at its end. */
const DEBOUNCE_MS = 400;
const BATCH = 50;
const LOAD_PAGE = 2000;
const EMBED_BATCH = 64;
const BACKLOG_KEY = 'chat-index-backlog';
/** Documents kept for indexing while Redis is away; past this, "Re-index all" catches up. */
const BACKLOG_LIMIT = 10_000;

interface IndexJob {
  uid: string;
  documentId: string;
}

/** Another process changed the index: these documents (or, with none, everything) to read again. */
interface IndexNotice {
  origin: string;
  uid?: string;
  documentIds?: string[];
}

type Entry = Record<string, unknown> & { documentId: string };

const toIndexed = (row: ChunkRow): IndexedChunk => ({
  id: row.id,
  uid: row.targetUid,
  documentId: row.targetDocumentId,
  locale: row.targetLocale,
  version: row.version,
  field: row.field,
  heading: row.heading,
  // A row written before chunks named their title's field goes by its id until re-indexed:
  // whose permission guards its title is not known.
  title: row.titleField ? (row.title ?? row.targetDocumentId) : row.targetDocumentId,
  titleField: row.titleField ?? null,
  text: row.text,
  hash: row.hash,
  ownerId: row.ownerId,
});

/** BullMQ job ids may not hold ':'; one id per document per window makes the debounce. */
const jobIdFor = (uid: string, documentId: string, now: number) =>
  `${createHash('sha1').update(`${uid}\u0000${documentId}`).digest('hex')}-${Math.floor(now / DEBOUNCE_MS)}`;

const chatIndexService = ({ strapi }: { strapi: Core.Strapi }) => {
  const chunks = chatChunksRepository(strapi);
  const generations = generationsRepository(strapi);
  const lookup = componentLookup(strapi);
  const memory = createMemoryIndex();
  const origin = randomUUID();
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: SETTINGS_KEY });
  const backlogStore = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: BACKLOG_KEY });
  const backlog = durableBacklog<IndexJob>(
    {
      get: async () => (await backlogStore().get({})) as Record<string, Kept<IndexJob>> | null,
      set: async (value) => {
        await backlogStore().set({ value });
      },
    },
    (job) => `${job.uid}\u0000${job.documentId}`,
    {
      limit: BACKLOG_LIMIT,
      onOverflow: (job) =>
        strapi.log.warn(
          `[alwrity] ${job.uid} ${job.documentId} is not kept for indexing: ${BACKLOG_LIMIT} documents already wait for Redis. Run "Re-index all" once it is back.`,
        ),
    },
  );
  const queueIndexJob = (job: IndexJob) => {
    const now = Date.now();
    return getService(strapi, 'jobs').later(
      CHAT_INDEX_QUEUE,
      jobIdFor(job.uid, job.documentId, now),
      job,
      DEBOUNCE_MS - (now % DEBOUNCE_MS) + 50,
    );
  };
  let loading: Promise<void> | null = null;
  let loadedModel: string | null = null;

  const saved = async () =>
    ((await store().get({})) as Record<string, IndexTypeSetting> | null) ?? {};
  const typeOf = (uid: string) => collectionTypes(strapi).find((type) => type.uid === uid);

  /** The content manager's main field: what an editor sees an entry called in its lists. */
  const titleFieldOf = async (type: ContentType) => {
    const configuration = (await strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration(type)) as { settings?: { mainField?: string } };
    const main = configuration.settings?.mainField;
    return main && main !== 'id' && main !== 'documentId' ? main : null;
  };

  const indexedTypes = async (): Promise<IndexedType[]> => {
    const stored = await saved();
    const types = collectionTypes(strapi).filter((type) => stored[type.uid]?.enabled);
    return Promise.all(
      types.map(async (type) => ({
        uid: type.uid,
        attributes: type.attributes,
        fields: stored[type.uid]!.fields,
        titleField: await titleFieldOf(type),
        draftAndPublish: Boolean(type.options?.draftAndPublish),
      })),
    );
  };

  /** The model chunks are embedded with; null when no embeddings model is set (lexical only). */
  const embeddingsModel = async () => {
    const { providers, order } = await getService(strapi, 'settings').effectiveProviders();
    return (order[0] && providers[order[0]]?.models.embeddings) || null;
  };

  const embed = async (texts: string[], model: string) => {
    const client = await getService(strapi, 'ai').client();
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const result = await client.embed(texts.slice(i, i + EMBED_BATCH), {
        feature: 'embeddings',
        model,
      });
      vectors.push(...result.vectors);
    }
    return vectors;
  };

  const textOf = (chunk: { heading: string | null; text: string }) =>
    chunk.heading ? `${chunk.heading}\n${chunk.text}` : chunk.text;

  /** Vectors for the new chunks that carry none; without them the chunk is found by its words. */
  const withVectors = async (add: ChunkData[], model: string | null) => {
    const missing = add.filter((chunk) => !chunk.vector);
    if (!model || !missing.length) return add;
    try {
      const vectors = await embed(missing.map(textOf), model);
      missing.forEach((chunk, i) => {
        chunk.vector = vectors[i] ? encodeVector(vectors[i]!) : null;
        chunk.vectorModel = vectors[i] ? model : null;
      });
    } catch (error) {
      strapi.log.warn(
        `[alwrity] Chunks indexed without vectors (embedding failed): ${(error as Error)?.message ?? error}`,
      );
    }
    return add;
  };

  /** Every version (draft, published) in every locale of some documents, by document. */
  const versionsOf = async (type: IndexedType, ids: string[]) => {
    const names = type.fields ?? textFieldNames(type.attributes, lookup);
    const populate = { ...populateOf(type.attributes, names, lookup), createdBy: true };
    const statuses = type.draftAndPublish ? (['draft', 'published'] as const) : [undefined];
    const byDocument = new Map<string, Entry[]>(ids.map((id) => [id, []]));
    for (const status of statuses) {
      const entries = (await strapi.documents(type.uid as never).findMany({
        filters: { documentId: { $in: ids } },
        locale: '*',
        ...(status ? { status } : {}),
        populate,
      } as never)) as unknown as Entry[];
      for (const entry of entries) byDocument.get(entry.documentId)?.push(entry);
    }
    return byDocument;
  };

  /** Reads some documents' chunks from the database into memory, replacing what it held. */
  const refresh = async (uid: string, documentIds: readonly string[]) => {
    const rows = await chunks.ofDocuments(uid, documentIds);
    for (const documentId of documentIds) {
      memory.removeDocument(uid, documentId);
      for (const row of rows.get(documentId) ?? []) put(row);
    }
  };

  const put = (row: ChunkRow) =>
    memory.put(
      toIndexed(row),
      row.vector && row.vectorModel === loadedModel ? decodeVector(row.vector) : null,
    );

  const notify = async (uid: string, documentIds: string[]) => {
    // This process sees its own change at once; the others hear of it.
    // After a load under way, or it would put back what this change just removed.
    const loaded = loading;
    if (loaded) {
      await loaded.catch(() => undefined);
      // A load that failed left nothing to patch: the next one reads this change too.
      if (loading === loaded) await refresh(uid, documentIds);
    }
    try {
      await getService(strapi, 'jobs').broadcast(TOPIC, {
        origin,
        uid,
        documentIds,
      } satisfies IndexNotice);
    } catch (error) {
      strapi.log.warn(
        `[alwrity] Other instances were not told of a chat index change: ${(error as Error).message}`,
      );
    }
  };

  /** Makes the stored chunks of some documents match their text now; answers what changed. */
  const indexDocuments = async (type: IndexedType, ids: string[], model: string | null) => {
    const [versions, stored] = await Promise.all([
      versionsOf(type, ids),
      chunks.ofDocuments(type.uid, ids),
    ]);
    const fresh = ids.flatMap((id) =>
      (versions.get(id) ?? []).flatMap((entry) => chunksOfEntry(entry, type, lookup)),
    );
    // Embedded before the write (a model call holds no lock), then planned again under it.
    const first = diffChunks(
      ids.flatMap((id) => stored.get(id) ?? []),
      fresh,
      model,
    );
    const embedded = new Map(
      (await withVectors(first.add, model)).map((chunk) => [chunk.hash, chunk.vector] as const),
    );
    const planned = fresh.map((chunk) =>
      embedded.get(chunk.hash)
        ? { ...chunk, vector: embedded.get(chunk.hash), vectorModel: model }
        : chunk,
    );
    let stale: ChunkRow[] = [];
    const result = await chunks.replace(type.uid, ids, (now) => {
      const diff = diffChunks(now, planned, model);
      stale = diff.stale as ChunkRow[];
      return diff;
    });
    if (model && stale.length) {
      const vectors = await embed(stale.map(textOf), model).catch(() => []);
      await chunks.setVectors(
        stale.flatMap((row, i) =>
          vectors[i] ? [{ id: row.id, vector: encodeVector(vectors[i]!), vectorModel: model }] : [],
        ),
      );
    }
    // Vectors of another model cannot be compared with the ones in memory: read them all again.
    if (loading && model !== loadedModel) void reload().catch(() => undefined);
    if (result.removed || result.added || stale.length) await notify(type.uid, ids);
    return result;
  };

  const removeDocuments = async (uid: string, documentIds: string[]) => {
    if (!documentIds.length) return;
    await chunks.removeDocuments(uid, documentIds);
    await notify(uid, documentIds);
  };

  /** Loads every stored chunk into memory, once; searches wait for it. */
  const load = async () => {
    memory.clear();
    loadedModel = await embeddingsModel();
    for (let after = 0; ;) {
      const rows = await chunks.page(after, LOAD_PAGE);
      if (!rows.length) break;
      for (const row of rows) put(row);
      after = rows[rows.length - 1]!.id;
    }
  };

  /** A load that failed is forgotten, so the next search tries again instead of failing on. */
  const settle = (work: Promise<void>) => {
    const settled = work.catch((error: unknown) => {
      if (loading === settled) loading = null;
      throw error;
    });
    return settled;
  };
  /** Everything read again, after whatever load or refresh is under way. */
  const reload = () => {
    loading = settle((loading ?? Promise.resolve()).catch(() => undefined).then(load));
    return loading;
  };

  const hear = (message: unknown) => {
    const notice = message as IndexNotice | null;
    if (notice?.origin === origin || !loading) return;
    const work =
      notice?.uid && notice.documentIds
        ? loading.then(() => refresh(notice.uid!, notice.documentIds!))
        : reload();
    work.catch((error: unknown) =>
      strapi.log.error(`[alwrity] Chat index refresh: ${(error as Error)?.message ?? error}`),
    );
  };

  const reindexJob: JobKind<JobPayload> = {
    name: CHAT_REINDEX_JOB,
    store: generations,
    documentKinds: ['chat-index'],
    async run({ signal, progress }) {
      const types = await indexedTypes();
      const model = await embeddingsModel();
      await chunks.removeTypesExcept(types.map((type) => type.uid));
      const plan = await Promise.all(
        types.map(async (type) => {
          const rows = (await strapi.db.query(type.uid as never).findMany({
            select: ['documentId'],
            orderBy: { id: 'asc' },
          })) as { documentId: string }[];
          return { type, ids: [...new Set(rows.map((row) => row.documentId))] };
        }),
      );
      const total = plan.reduce((sum, { ids }) => sum + ids.length, 0);
      let done = 0;
      let added = 0;
      await progress({ percent: 0, stage: `Indexing ${total.toLocaleString('en')} entries` });
      for (const { type, ids } of plan) {
        const live = new Set(ids);
        const gone = [...(await chunks.documentIdsOf(type.uid))].filter((id) => !live.has(id));
        await removeDocuments(type.uid, gone);
        for (let i = 0; i < ids.length; i += BATCH) {
          if (signal.aborted) throw new AbortedError(signal.reason);
          const result = await indexDocuments(type, ids.slice(i, i + BATCH), model);
          added += result.added;
          done += Math.min(BATCH, ids.length - i);
          await progress({
            percent: Math.round((done / Math.max(total, 1)) * 100),
            stage: `Indexed ${done.toLocaleString('en')} of ${total.toLocaleString('en')} entries`,
          });
        }
      }
      return { output: { entries: total, chunksWritten: added } };
    },
  };

  return {
    reindexJob,

    /** The index processor: one document, read as it is now. */
    async processor({ data }: { data: unknown }) {
      const { uid, documentId } = data as IndexJob;
      const type = (await indexedTypes()).find((each) => each.uid === uid);
      if (!type) return removeDocuments(uid, [documentId]);
      return indexDocuments(type, [documentId], await embeddingsModel());
    },

    /**
     * A save's index job, debounced. With Redis away the document is kept in the database and
     * queued with the next job that gets through, or at the next boot.
     */
    async upkeep(change: EntryChange) {
      if (!(await saved())[change.uid]?.enabled) return;
      const job: IndexJob = { uid: change.uid, documentId: change.documentId };
      try {
        await queueIndexJob(job);
      } catch (error) {
        if (error instanceof QueueUnavailableError) await backlog.add(job);
        throw error;
      }
      // After the save has answered: the backlog is no concern of its author.
      void backlog
        .flush(queueIndexJob)
        .catch((error: unknown) =>
          strapi.log.warn(
            `[alwrity] Entries saved while Redis was away not queued yet: ${(error as Error)?.message ?? error}`,
          ),
        );
    },

    /** Queues the index jobs kept while Redis was away: at boot. */
    queueBacklog: () => backlog.flush(queueIndexJob),

    /** Hears other instances' changes; called once the queue is up. */
    async listen() {
      await getService(strapi, 'jobs').listen(TOPIC, hear);
    },

    /** The index in memory, loaded from the database on first use. */
    async memory() {
      loading ??= settle(load());
      await loading;
      return memory;
    },

    /** The indexed types that exist. */
    async indexedUids() {
      const stored = await saved();
      return collectionTypes(strapi)
        .filter((type) => stored[type.uid]?.enabled)
        .map((type) => type.uid);
    },

    /** The model a query is embedded with to match the vectors in memory; null: lexical only. */
    async embeddings() {
      await this.memory();
      return loadedModel;
    },

    async setTypes(body: IndexSettingsBody) {
      for (const [uid, setting] of Object.entries(body.types)) {
        const type = typeOf(uid);
        if (!type) throw invalidField(`types.${uid}`, 'is not a collection type');
        const candidates = textFieldNames(type.attributes, lookup);
        const unknown = (setting.fields ?? []).find((name) => !candidates.includes(name));
        if (unknown) {
          throw invalidField(`types.${uid}.fields`, `${unknown} is not a text field of ${uid}`);
        }
      }
      const before = JSON.stringify(await indexedTypes());
      await store().set({ value: { ...(await saved()), ...body.types } });
      const enabled = (await indexedTypes()).map((type) => type.uid);
      await chunks.removeTypesExcept(enabled);
      if (loading) {
        await reload();
      }
      try {
        await getService(strapi, 'jobs').broadcast(TOPIC, { origin } satisfies IndexNotice);
      } catch {
        // The others reload when they next hear of a change.
      }
      /** Whether what is indexed changed: the entries then need reading again. */
      return JSON.stringify(await indexedTypes()) !== before;
    },

    /**
     * Starts "Re-index all"; answers the one under way instead, unless what is indexed changed
     * (`fresh`): that one read the settings before the change.
     */
    async rebuild(userId: number, fresh = false) {
      const running = fresh
        ? { rows: [] }
        : await generations.page(
            { kind: 'chat-index', status: { $in: ['queued', 'running'] } },
            { page: 1, pageSize: 1 },
          );
      if (running.rows[0]) return { documentId: running.rows[0].documentId, started: false };
      const generation = await getService(strapi, 'generations').createQueued(
        CHAT_REINDEX_JOB,
        userId,
        { kind: 'chat-index', title: 'Re-index the content chatbot', input: {} },
      );
      return { documentId: generation.documentId, started: true };
    },

    async view(): Promise<IndexView> {
      const stored = await saved();
      const types = await Promise.all(
        collectionTypes(strapi).map(async (type) => ({
          uid: type.uid,
          displayName: type.info.displayName,
          enabled: Boolean(stored[type.uid]?.enabled),
          fields: stored[type.uid]?.fields ?? null,
          candidates: textFieldNames(type.attributes, lookup),
          ...(stored[type.uid]?.enabled
            ? await chunks.countsOf(type.uid)
            : { chunks: 0, documents: 0 }),
        })),
      );
      const last = await generations.page({ kind: 'chat-index' }, { page: 1, pageSize: 1 });
      const rebuild = last.rows[0];
      return {
        types,
        chunks: types.reduce((sum, type) => sum + type.chunks, 0),
        lastIndexedAt: await chunks.lastUpdatedAt(),
        embeddings: await embeddingsModel(),
        rebuild: rebuild
          ? {
              documentId: rebuild.documentId,
              status: rebuild.status,
              progress: rebuild.progress ?? null,
            }
          : null,
      };
    },
  };
};

export default chatIndexService;
export type ChatIndexService = ReturnType<typeof chatIndexService>;
