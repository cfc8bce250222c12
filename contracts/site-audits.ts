import { z } from 'zod';
import type {
  CheckGroup,
  CheckResult,
  PageFacts,
  Severity,
  SiteFinding,
} from '../analysis/site/types';
import { JOB_STATUSES, pageQuery, type JobStatus, type Pagination } from './jobs';

/** What the site analyzer's routes take and answer (`/alwrity/site-audits`). */

export const CRAWL_LIMITS = {
  maxPages: { min: 1, max: 10_000, default: 100 },
  maxDepth: { min: 0, max: 50, default: 5 },
  concurrency: { min: 1, max: 16, default: 4 },
  delayMs: { min: 0, max: 60_000, default: 250 },
} as const;

const bounded = (limits: { min: number; max: number }) =>
  z.number().int().min(limits.min).max(limits.max);

export const SEVERITIES = ['error', 'warning', 'notice'] as const satisfies readonly Severity[];

export const siteAuditBody = z
  .object({
    url: z.url({ protocol: /^https?$/, message: 'must be an http or https address' }).max(2000),
    scope: z.enum(['page', 'site']).default('page'),
    maxPages: bounded(CRAWL_LIMITS.maxPages).optional(),
    maxDepth: bounded(CRAWL_LIMITS.maxDepth).optional(),
    concurrency: bounded(CRAWL_LIMITS.concurrency).optional(),
    /** Politeness: the least time between two requests to the host (robots.txt may ask more). */
    delayMs: bounded(CRAWL_LIMITS.delayMs).optional(),
    keyphrase: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type SiteAuditBody = z.infer<typeof siteAuditBody>;

/** A crawl's settings as stored on the audit, defaults filled in. */
export interface CrawlOptions {
  maxPages: number;
  maxDepth: number;
  concurrency: number;
  delayMs: number;
  keyphrase?: string;
}

export const auditIdParams = z.object({
  documentId: z.string().regex(/^[a-z0-9]{10,64}$/, 'must be a document id'),
});
export const compareParams = auditIdParams.extend({
  otherDocumentId: z.string().regex(/^[a-z0-9]{10,64}$/, 'must be a document id'),
});

export const listAuditsQuery = z
  .object({
    host: z.string().trim().min(1).max(255).optional(),
    scope: z.enum(['page', 'site']).optional(),
    status: z.enum(JOB_STATUSES).optional(),
    ...pageQuery,
  })
  .strict();
export type ListAuditsQuery = z.infer<typeof listAuditsQuery>;

export const listPagesQuery = z
  .object({
    /** Pages whose address or title holds this text. */
    q: z.string().trim().max(200).optional(),
    /** Pages failing this check. */
    check: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/, 'must be a check id')
      .optional(),
    sort: z.enum(['url', 'score', 'failedChecks', 'statusCode']).default('url'),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...pageQuery,
  })
  .strict();
export type ListPagesQuery = z.infer<typeof listPagesQuery>;

export type IssueCounts = Record<Severity, number>;

export interface SiteAuditSummary {
  documentId: string;
  url: string;
  host: string;
  scope: 'page' | 'site';
  status: JobStatus;
  progress: number;
  stage: string | null;
  error: string | null;
  score: number | null;
  issueCounts: IssueCounts | null;
  pagesDone: number;
  pagesFound: number;
  createdAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  /** The recurring audit that ran it. */
  schedule: string | null;
}

/** One check across the audited pages: how many failed it, with the first failure's words. */
export interface CheckSummary {
  id: string;
  group: CheckGroup;
  lighthouse?: string;
  severity: Severity;
  failedPages: number;
  passedPages: number;
  found: string;
  fix?: string;
  /** Pages that failed it, the first few. */
  examples: string[];
}

export interface SiteAuditDetail extends SiteAuditSummary {
  options: CrawlOptions | null;
  checks: CheckSummary[];
  findings: SiteFinding[];
  /** A page audit: the page's every check and what was read from it. */
  page?: { checks: CheckResult[]; facts: PageFacts | null; timings: unknown };
}

export interface AuditPageRow {
  documentId: string;
  url: string;
  finalUrl: string | null;
  depth: number;
  title: string | null;
  statusCode: number | null;
  score: number | null;
  failedChecks: number;
  blockedByRobots: boolean;
  error: string | null;
  checks: CheckResult[];
}

export interface AuditPagesResponse {
  data: AuditPageRow[];
  meta: { pagination: Pagination };
}

export interface ComparedIssue {
  check: string;
  url: string;
  severity: Severity;
  found: string;
}

export interface AuditComparison {
  base: SiteAuditSummary;
  other: SiteAuditSummary;
  fixed: ComparedIssue[];
  new: ComparedIssue[];
  open: ComparedIssue[];
  /** Counts, whatever the lists' caps. */
  totals: { fixed: number; new: number; open: number };
  /** Every finished audit of the site, oldest first: the score over time. */
  history: { documentId: string; createdAt: string; score: number | null }[];
}
