import type { Core } from '@strapi/strapi';
import type { GenerationSummary, GenerationView } from '../../contracts/generations';
import type { JobStatus } from '../../contracts/jobs';
import type { TokenUsage } from '../ai/types';
import type { Scope } from '../utils/permission-scope';

/**
 * The one place that knows how a generation is stored: its UID, its row, the API's view of it,
 * compare-and-set status changes and partial saves. Reads take the caller's permission scope
 * (see `permission-scope.ts`), so a row outside it is simply not found.
 *
 * Creating and deleting go through the Document Service (document ids, document middlewares).
 * Reads and updates use the query engine: lists select columns (no outputs), the permission
 * query is a `where` tree, and only `updateMany` makes "move it if it is still queued" one atomic
 * statement.
 */

export const GENERATION_UID = 'plugin::alwrity.generation';

interface Author {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
}

/** The stored fields a run writes as it goes. */
export interface GenerationFields {
  kind: string;
  title: string | null;
  status: JobStatus;
  progress: number | null;
  stage: string | null;
  input: unknown;
  output: unknown;
  error: string | null;
  attempts: number | null;
  startedAt: Date | string | null;
  finishedAt: Date | string | null;
  provider: string | null;
  model: string | null;
  usage: TokenUsage | null;
  costEstimate: number | null;
  durationMs: number | null;
  targetUid: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
}

export interface GenerationRow extends GenerationFields {
  id: number;
  documentId: string;
  createdAt: string;
  createdBy: Author | null;
}

/** A row without its input and output: what lists read. */
export type GenerationSummaryRow = Omit<GenerationRow, 'input' | 'output'>;

const AUTHOR = { createdBy: { select: ['id', 'firstname', 'lastname'] } };

/** Every column but the two large JSON ones. */
const SUMMARY_COLUMNS = [
  'id',
  'documentId',
  'kind',
  'title',
  'status',
  'progress',
  'stage',
  'error',
  'attempts',
  'startedAt',
  'finishedAt',
  'provider',
  'model',
  'usage',
  'costEstimate',
  'durationMs',
  'targetUid',
  'targetDocumentId',
  'targetLocale',
  'createdAt',
];

const iso = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : null;

export const toGenerationSummary = (row: GenerationSummaryRow): GenerationSummary => ({
  documentId: row.documentId,
  kind: row.kind,
  title: row.title ?? null,
  status: row.status,
  provider: row.provider ?? null,
  model: row.model ?? null,
  usage: row.usage ?? null,
  costEstimate: row.costEstimate ?? null,
  durationMs: row.durationMs ?? null,
  error: row.error ?? null,
  createdAt: new Date(row.createdAt).toISOString(),
  finishedAt: iso(row.finishedAt),
  author: row.createdBy
    ? {
        id: row.createdBy.id,
        name: [row.createdBy.firstname, row.createdBy.lastname].filter(Boolean).join(' '),
      }
    : null,
  target:
    row.targetUid && row.targetDocumentId
      ? { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale ?? null }
      : null,
});

export const toGenerationView = (row: GenerationRow): GenerationView => ({
  ...toGenerationSummary(row),
  input: row.input ?? null,
  output: row.output ?? null,
});

const scoped = (where: Record<string, unknown>, scope?: Scope) =>
  scope && Object.keys(scope).length ? { $and: [where, scope] } : where;

export const generationsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(GENERATION_UID);
  const documents = () => strapi.documents(GENERATION_UID);

  return {
    uid: GENERATION_UID,

    async find(documentId: string, scope?: Scope): Promise<GenerationRow | null> {
      return (await query().findOne({
        where: scoped({ documentId }, scope),
        populate: AUTHOR,
      })) as GenerationRow | null;
    },

    /** One page, newest first, without inputs and outputs. */
    async page(
      where: Record<string, unknown>,
      page: { page: number; pageSize: number },
      scope?: Scope,
    ): Promise<{ rows: GenerationSummaryRow[]; total: number }> {
      const filter = scoped(where, scope);
      const [rows, total] = await Promise.all([
        query().findMany({
          where: filter,
          select: SUMMARY_COLUMNS,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page.page - 1) * page.pageSize,
          limit: page.pageSize,
          populate: AUTHOR,
        }) as Promise<GenerationSummaryRow[]>,
        query().count({ where: filter }),
      ]);
      return { rows, total };
    },

    async count(where: Record<string, unknown> = {}): Promise<number> {
      return query().count({ where });
    },

    /** Runs still to do: what a restart or a Redis flush hands back to the queue. */
    async pending(): Promise<{ documentId: string; kind: string; userId: number | null }[]> {
      const rows = (await query().findMany({
        where: { status: { $in: ['queued', 'running'] } },
        select: ['documentId', 'kind'],
        populate: { createdBy: { select: ['id'] } },
      })) as { documentId: string; kind: string; createdBy?: { id: number } | null }[];
      return rows.map((row) => ({
        documentId: row.documentId,
        kind: row.kind,
        userId: row.createdBy?.id ?? null,
      }));
    },

    async create(
      data: Pick<GenerationFields, 'kind' | 'title' | 'input' | 'status'> &
        Partial<GenerationFields>,
      userId: number,
    ): Promise<{ documentId: string }> {
      return documents().create({
        data: {
          ...data,
          title: data.title?.slice(0, 200) ?? null,
          progress: data.progress ?? 0,
          createdBy: userId,
          updatedBy: userId,
        } as never,
      });
    },

    async remove(documentId: string): Promise<void> {
      await documents().delete({ documentId });
    },

    /** A partial save: only the given fields change. Reads nothing back (a job saves often). */
    async update(documentId: string, data: Partial<GenerationFields>): Promise<void> {
      await query().updateMany({ where: { documentId }, data });
    },

    /** A partial save that answers the row as it now is, its author included. */
    async updateAndRead(
      documentId: string,
      data: Partial<GenerationFields>,
    ): Promise<GenerationRow> {
      return (await query().update({
        where: { documentId },
        data,
        populate: AUTHOR,
      })) as GenerationRow;
    },

    /** Compare-and-set on status, so two workers can never both move a run forward. */
    async transition(
      documentId: string,
      from: readonly JobStatus[],
      data: Partial<GenerationFields>,
    ): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { documentId, status: { $in: [...from] } },
        data,
      });
      return count > 0;
    },
  };
};

export type GenerationsRepository = ReturnType<typeof generationsRepository>;
