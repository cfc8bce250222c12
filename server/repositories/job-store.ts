import type { Core } from '@strapi/strapi';
import type { JobStatus } from '../../contracts/jobs';
import type { Scope } from '../utils/permission-scope';

/**
 * What every content type whose rows are jobs shares (generations, SEO runs): find and page
 * under the caller's permission scope, the runs still to do, compare-and-set status changes,
 * and partial saves that read nothing back.
 *
 * Creating and deleting go through the Document Service (document ids, document middlewares).
 * Reads and updates use the query engine: lists select columns, the permission query is a
 * `where` tree, and only `updateMany` makes "move it if it is still queued" one atomic statement.
 */

export const AUTHOR = { createdBy: { select: ['id', 'firstname', 'lastname'] } };

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

export const scoped = (where: Record<string, unknown>, scope?: Scope) =>
  scope && Object.keys(scope).length ? { $and: [where, scope] } : where;

export const jobStore = <Row, SummaryRow, Fields extends object>(
  strapi: Core.Strapi,
  uid: string,
  /** Columns a list reads: all but the large ones. */
  listColumns: string[],
) => {
  const query = () => strapi.db.query(uid as never);
  const documents = () => strapi.documents(uid as never);
  // Several job kinds may share a type (generations): each row then says which it is.
  const kinded = () => 'kind' in (strapi.db.metadata.get(uid as never).attributes ?? {});

  return {
    uid,

    async find(documentId: string, scope?: Scope): Promise<Row | null> {
      return (await query().findOne({
        where: scoped({ documentId }, scope),
        populate: AUTHOR,
      })) as Row | null;
    },

    /** One page, newest first, without the large columns. */
    async page(
      where: Record<string, unknown>,
      page: { page: number; pageSize: number },
      scope?: Scope,
    ): Promise<{ rows: SummaryRow[]; total: number }> {
      const filter = scoped(where, scope);
      const [rows, total] = await Promise.all([
        query().findMany({
          where: filter,
          select: listColumns,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page.page - 1) * page.pageSize,
          limit: page.pageSize,
          populate: AUTHOR,
        }) as Promise<SummaryRow[]>,
        query().count({ where: filter }),
      ]);
      return { rows, total };
    },

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

    async create(data: Partial<Fields>, userId: number): Promise<{ documentId: string }> {
      return documents().create({
        data: { progress: 0, ...data, createdBy: userId, updatedBy: userId } as never,
      });
    },

    async remove(documentId: string): Promise<void> {
      await documents().delete({ documentId });
    },

    /** A partial save: only the given fields change. Reads nothing back (a job saves often). */
    async update(documentId: string, data: Partial<Fields>): Promise<void> {
      await query().updateMany({ where: { documentId }, data });
    },

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
