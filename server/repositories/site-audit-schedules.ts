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

type Timing = Pick<ScheduleRow, 'documentId' | 'cron' | 'timezone' | 'enabled'>;

/** Recurring audits: what to audit and when. */
export const siteAuditSchedulesRepository = (strapi: Core.Strapi) => ({
  ...documentStore<ScheduleRow, ScheduleRow, ScheduleFields>(strapi, SITE_AUDIT_SCHEDULE_UID),

  /** Every schedule's timing: what a boot hands the queue. */
  timings: async (): Promise<Timing[]> =>
    (await strapi.db.query(SITE_AUDIT_SCHEDULE_UID as never).findMany({
      select: ['documentId', 'cron', 'timezone', 'enabled'],
    })) as Timing[],
});
