import type { Core } from '@strapi/strapi';
import type { CrawlOptions } from '../../contracts/site-audits';
import { documentStore } from './document-store';

export const SITE_AUDIT_SCHEDULE_UID = 'plugin::alwrity.site-audit-schedule';

export interface ScheduleFields {
  url: string;
  host: string;
  scope: 'page' | 'site';
  options: Partial<CrawlOptions>;
  cron: string;
  timezone: string;
  enabled: boolean;
  lastRunAt: Date | null;
  lastAuditDocumentId: string | null;
  lastError: string | null;
  runs: number;
}

export interface ScheduleRow extends Omit<ScheduleFields, 'lastRunAt'> {
  documentId: string;
  createdAt: string;
  lastRunAt: string | null;
  createdBy?: { id: number } | null;
}

/** Recurring audits: what to audit and when. */
export const siteAuditSchedulesRepository = (strapi: Core.Strapi) => ({
  ...documentStore<ScheduleRow, ScheduleRow, ScheduleFields>(strapi, SITE_AUDIT_SCHEDULE_UID),

  /** Every schedule's id: what a boot goes through. */
  ids: async (): Promise<string[]> =>
    (
      (await strapi.db
        .query(SITE_AUDIT_SCHEDULE_UID as never)
        .findMany({ select: ['documentId'] })) as { documentId: string }[]
    ).map((row) => row.documentId),
});
