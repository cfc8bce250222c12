import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { CheckResult, PageFacts } from '../../analysis/site/types';
import type { AuditPageRow, ListPagesQuery } from '../../contracts/site-audits';

/**
 * A crawl's pages. Written in batches through the query engine, not one Document Service call a
 * page: a crawl stores a hundred pages a second. Rows carry their audit's documentId; there is
 * no relation to link, and nothing else points at a page.
 */

export const SITE_AUDIT_PAGE_UID = 'plugin::alwrity.site-audit-page';

export interface PageWrite {
  url: string;
  finalUrl: string | null;
  depth: number;
  title: string | null;
  statusCode: number | null;
  score: number | null;
  error: string | null;
  blockedByRobots: boolean;
  inSitemap: boolean;
  checks: CheckResult[];
  timings: { ttfbMs: number; totalMs: number } | null;
  redirects: { url: string; status: number; location: string }[];
  facts: PageFacts | null;
}

export interface StoredPage extends PageWrite {
  id: number;
  documentId: string;
  failedChecks: number;
}

const LIST_COLUMNS = [
  'documentId',
  'url',
  'finalUrl',
  'depth',
  'title',
  'statusCode',
  'score',
  'failedChecks',
  'blockedByRobots',
  'error',
  'checks',
];

/** The address's hash: what the unique index holds. */
const urlKeyOf = (url: string) => createHash('sha1').update(url).digest('hex');

/** Document ids in Strapi's shape (24 lower-case letters and digits). */
const newDocumentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join('');
};

export const siteAuditPagesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SITE_AUDIT_PAGE_UID as never);

  return {
    /**
     * Stores pages not stored yet: a unique index on the audit and the address (its hash, as a
     * long text cannot be indexed everywhere) keeps a page once, should two workers ever run one
     * crawl; the pages another stored first are left out.
     */
    async insertMany(auditDocumentId: string, pages: PageWrite[]): Promise<void> {
      const fresh = async (rows: PageWrite[]) => {
        const keys = rows.map((page) => urlKeyOf(page.url));
        const stored = (await query().findMany({
          where: { auditDocumentId, urlKey: { $in: keys } },
          select: ['urlKey'],
        })) as { urlKey: string }[];
        const taken = new Set(stored.map((row) => row.urlKey));
        const seen = new Set<string>();
        return rows.filter((page) => {
          const key = urlKeyOf(page.url);
          if (taken.has(key) || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      };
      const insert = async (rows: PageWrite[]) => {
        if (!rows.length) return;
        const now = new Date();
        await query().createMany({
          data: rows.map((page) => {
            const failed = page.checks.filter((check) => !check.passed).map((check) => check.id);
            return {
              ...page,
              documentId: newDocumentId(),
              auditDocumentId,
              urlKey: urlKeyOf(page.url),
              failedChecks: failed.length,
              // Spaces around each id, so "pages failing X" is one `$contains` on ` X `.
              failedIds: failed.length ? ` ${failed.join(' ')} ` : '',
              createdAt: now,
              updatedAt: now,
              publishedAt: now,
            };
          }) as never,
        });
      };
      const rows = await fresh(pages);
      try {
        await insert(rows);
      } catch (error) {
        // Another writer stored some of them in between: store the rest, or fail as we were.
        const rest = await fresh(rows);
        if (rest.length === rows.length) throw error;
        await insert(rest);
      }
    },

    count: (auditDocumentId: string) => query().count({ where: { auditDocumentId } }),

    /** Every page of an audit, a batch at a time, in the order they were stored. */
    async *all<K extends keyof StoredPage>(
      auditDocumentId: string,
      columns: K[],
      batch = 500,
    ): AsyncGenerator<Pick<StoredPage, K>[]> {
      let after = 0;
      for (;;) {
        const rows = (await query().findMany({
          where: { auditDocumentId, id: { $gt: after } },
          select: [...new Set(['id', ...columns])] as string[],
          orderBy: { id: 'asc' },
          limit: batch,
        })) as (Pick<StoredPage, K> & { id: number })[];
        if (!rows.length) return;
        after = rows[rows.length - 1]!.id;
        yield rows;
      }
    },

    async page(auditDocumentId: string, list: ListPagesQuery) {
      const where = {
        auditDocumentId,
        ...(list.check ? { failedIds: { $contains: ` ${list.check} ` } } : {}),
        ...(list.q
          ? { $or: [{ url: { $containsi: list.q } }, { title: { $containsi: list.q } }] }
          : {}),
      };
      const [rows, total] = await Promise.all([
        query().findMany({
          where,
          select: LIST_COLUMNS,
          orderBy: [{ [list.sort]: list.order }, { id: 'asc' }],
          offset: (list.page - 1) * list.pageSize,
          limit: list.pageSize,
        }) as Promise<AuditPageRow[]>,
        query().count({ where }),
      ]);
      return { rows, total };
    },

    removeAll: (auditDocumentId: string) => query().deleteMany({ where: { auditDocumentId } }),
  };
};
