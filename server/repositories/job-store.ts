import type { Core } from '@strapi/strapi';
import type { JobStatus } from '../../contracts/jobs';
import { documentStore } from './document-store';

export { AUTHOR, scoped } from './document-store';

/**
 * What every content type whose rows are jobs shares (generations, SEO runs, site audits): a
 * document store, the runs still to do, and compare-and-set status changes (only `updateMany`
 * makes "move it if it is still queued" one atomic statement).
 */

/** The columns every job row has, which lists read. */
export const JOB_COLUMNS = [
  'id',
  'documentId',
  'title',
  'status',
  'progress',
  'stage',
  'error',
  'attempts',
  'startedAt',
  'finishedAt',
  'durationMs',
  'createdAt',
];

export const jobStore = <Row, SummaryRow, Fields extends object>(
  strapi: Core.Strapi,
  uid: string,
  /** Columns a list reads: all but the large ones. */
  listColumns: string[],
) => {
  const query = () => strapi.db.query(uid as never);
  const store = documentStore<Row, SummaryRow, Fields>(strapi, uid, listColumns);
  // Several job kinds may share a type (generations): each row then says which it is.
  const kinded = () => 'kind' in (strapi.db.metadata.get(uid as never).attributes ?? {});

  return {
    ...store,

    /** Runs still to do: what a restart or a Redis flush hands back to the queue. */
    async pending(): Promise<{ documentId: string; kind: string; userId: number | null }[]> {
      const rows = (await query().findMany({
        where: { status: { $in: ['queued', 'running'] } },
        select: kinded() ? ['documentId', 'kind'] : ['documentId'],
        populate: { createdBy: { select: ['id'] } },
      })) as { documentId: string; kind?: string; createdBy?: { id: number } | null }[];
      return rows.map((row) => ({
        documentId: row.documentId,
        kind: row.kind ?? '',
        userId: row.createdBy?.id ?? null,
      }));
    },

    create: (data: Partial<Fields>, userId: number) =>
      store.create({ progress: 0, ...data } as Partial<Fields>, userId),

    /** Compare-and-set on status, so two workers can never both move a run forward. */
    async transition(
      documentId: string,
      from: readonly JobStatus[],
      data: Partial<Fields>,
    ): Promise<boolean> {
      const { count } = await query().updateMany({
        where: { documentId, status: { $in: [...from] } },
        data,
      });
      return count > 0;
    },
  };
};
