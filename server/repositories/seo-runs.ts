import type { Core } from '@strapi/strapi';
import type { JobStatus } from '../../contracts/jobs';
import { JOB_COLUMNS, jobStore } from './job-store';

/** "Re-analyse all" runs: one job row per content type and locale asked for. */

export const SEO_RUN_UID = 'plugin::alwrity.seo-run';

export interface SeoRunFields {
  title: string;
  targetUid: string;
  targetLocale: string | null;
  status: JobStatus;
  progress: number;
  stage: string | null;
  error: string | null;
  output: { analysed: number; total: number } | null;
  durationMs: number | null;
}

export interface SeoRunRow extends SeoRunFields {
  documentId: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const COLUMNS = [...JOB_COLUMNS, 'targetUid', 'targetLocale', 'output'];
export const seoRunsRepository = (strapi: Core.Strapi) => {
  const store = jobStore<SeoRunRow, SeoRunRow, SeoRunFields>(strapi, SEO_RUN_UID, COLUMNS);
  return {
    ...store,

    /** The newest run for a type and locale, if any. */
    async latest(uid: string, locale: string | null): Promise<SeoRunRow | null> {
      const { rows } = await store.page(
        { targetUid: uid, targetLocale: locale },
        { page: 1, pageSize: 1 },
      );
      return rows[0] ?? null;
    },
  };
};
