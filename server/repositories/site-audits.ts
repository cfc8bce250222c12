import type { Core } from '@strapi/strapi';
import type { JobStatus } from '../../contracts/jobs';
import type { CheckSummary, CrawlOptions, IssueCounts } from '../../contracts/site-audits';
import type { SiteFinding } from '../../analysis/site/types';
import type { Scope } from '../utils/permission-scope';
import { JOB_COLUMNS, jobStore, scoped } from './job-store';

export const SITE_AUDIT_UID = 'plugin::alwrity.site-audit';

export interface SiteAuditFields {
  title: string;
  url: string;
  host: string;
  scope: 'page' | 'site';
  options: CrawlOptions | null;
  status: JobStatus;
  progress: number;
  stage: string | null;
  error: string | null;
  score: number | null;
  issueCounts: IssueCounts | null;
  pagesDone: number;
  pagesFound: number;
  findings: SiteFinding[] | null;
  checkSummary: CheckSummary[] | null;
  durationMs: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The recurring audit that started it, and the time it fired for. */
  schedule: string | null;
  scheduledFor: Date | null;
}

export interface SiteAuditRow extends Omit<
  SiteAuditFields,
  'startedAt' | 'finishedAt' | 'scheduledFor'
> {
  documentId: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  attempts: number | null;
  createdBy?: { id: number } | null;
}

const SUMMARY_COLUMNS = [
  ...JOB_COLUMNS,
  'url',
  'host',
  'scope',
  'score',
  'issueCounts',
  'pagesDone',
  'pagesFound',
  'schedule',
];

export const siteAuditsRepository = (strapi: Core.Strapi) => {
  const store = jobStore<SiteAuditRow, SiteAuditRow, SiteAuditFields>(
    strapi,
    SITE_AUDIT_UID,
    SUMMARY_COLUMNS,
  );
  return {
    ...store,

    /** The audit a schedule started for one time it fired, if it did. */
    async startedFor(schedule: string, scheduledFor: Date): Promise<string | null> {
      const row = (await strapi.db.query(SITE_AUDIT_UID as never).findOne({
        where: { schedule, scheduledFor },
        select: ['documentId'],
      })) as { documentId: string } | null;
      return row?.documentId ?? null;
    },

    /** The finished audits of a site and scope, oldest first: its score over time. */
    async history(host: string, auditScope: 'page' | 'site', permission?: Scope) {
      return (await strapi.db.query(SITE_AUDIT_UID as never).findMany({
        where: scoped({ host, scope: auditScope, status: 'succeeded' }, permission),
        select: ['documentId', 'createdAt', 'score'],
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        limit: 100,
      })) as { documentId: string; createdAt: string; score: number | null }[];
    },
  };
};
