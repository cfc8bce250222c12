import type { Core } from '@strapi/strapi';
import type { Scope } from '../utils/permission-scope';

/**
 * What every plugin content type's repository shares: find and page under the caller's
 * permission scope, partial saves that read nothing back.
 *
 * Creating and deleting go through the Document Service (document ids, document middlewares).
 * Reads and updates use the query engine: lists select columns, and the permission query is a
 * `where` tree.
 */

export const AUTHOR = { createdBy: { select: ['id', 'firstname', 'lastname'] } };

export const scoped = (where: Record<string, unknown>, scope?: Scope) =>
  scope && Object.keys(scope).length ? { $and: [where, scope] } : where;

export const documentStore = <Row, SummaryRow, Fields extends object>(
  strapi: Core.Strapi,
  uid: string,
  /** Columns a list reads: all but the large ones; every column when not given. */
  listColumns?: string[],
) => {
  const query = () => strapi.db.query(uid as never);
  const documents = () => strapi.documents(uid as never);

  return {
    uid,

    async find(documentId: string, scope?: Scope): Promise<Row | null> {
      return (await query().findOne({
        where: scoped({ documentId }, scope),
        populate: AUTHOR,
      })) as Row | null;
    },

    /** One page, newest first unless `orderBy` says otherwise. */
    async page(
      where: Record<string, unknown>,
      page: { page: number; pageSize: number },
      scope?: Scope,
      orderBy: Record<string, 'asc' | 'desc'>[] = [{ createdAt: 'desc' }, { id: 'desc' }],
    ): Promise<{ rows: SummaryRow[]; total: number }> {
      const filter = scoped(where, scope);
      const [rows, total] = await Promise.all([
        query().findMany({
          where: filter,
          ...(listColumns ? { select: listColumns } : {}),
          orderBy,
          offset: (page.page - 1) * page.pageSize,
          limit: page.pageSize,
          populate: AUTHOR,
        }) as Promise<SummaryRow[]>,
        query().count({ where: filter }),
      ]);
      return { rows, total };
    },

    async create(data: Partial<Fields>, userId: number): Promise<{ documentId: string }> {
      return documents().create({
        data: { ...data, createdBy: userId, updatedBy: userId } as never,
      });
    },

    async remove(documentId: string): Promise<void> {
      await documents().delete({ documentId });
    },

    /** A partial save: only the given fields change. Reads nothing back (a job saves often). */
    async update(documentId: string, data: Partial<Fields>): Promise<void> {
      await query().updateMany({ where: { documentId }, data });
    },
  };
};
