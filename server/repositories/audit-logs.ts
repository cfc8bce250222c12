import type { Core } from '@strapi/strapi';

/** The audit log: one row per model call. Usage and quotas are counted from it. */

export const AUDIT_LOG_UID = 'plugin::alwrity.audit-log';

export interface AuditLogEntry {
  action: string;
  feature: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costEstimate: number | null;
  latencyMs: number;
  outcome: 'success' | 'error';
  error: string | null;
  userId: number | null;
  subjectDocumentId: string | null;
}

interface Metadata {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

export const auditLogsRepository = (strapi: Core.Strapi) => {
  const column = (meta: Metadata, attribute: string) =>
    meta.attributes[attribute]?.columnName ?? attribute;

  return {
    /**
     * One insert, nothing read back: it follows every model call. The query engine fills in the
     * document id and timestamps; `publishedAt` is what the Document Service gives a type
     * without drafts.
     */
    async record(entry: AuditLogEntry): Promise<void> {
      await strapi.db
        .query(AUDIT_LOG_UID)
        .createMany({ data: [{ ...entry, publishedAt: new Date() }] });
    },

    /** One user's tokens since a moment, summed in the database (not row by row). */
    async tokensSince(userId: number, since: Date): Promise<number> {
      const meta = strapi.db.metadata.get(AUDIT_LOG_UID) as unknown as Metadata;
      const row = (await strapi.db
        .getConnection(meta.tableName)
        .where(column(meta, 'userId'), userId)
        .andWhere(column(meta, 'createdAt'), '>=', since)
        .sum({ total: column(meta, 'totalTokens') })
        .first()) as { total: number | string | null } | undefined;
      return Number(row?.total ?? 0);
    },
  };
};
