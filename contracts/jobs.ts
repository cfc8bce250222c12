import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'canceled'];

/** A job as the admin sees it: the result document's view of its own work. */
export interface JobView {
  id: string;
  kind: string;
  title: string | null;
  status: JobStatus;
  progress: number;
  stage: string | null;
  error: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  result?: unknown;
  /** Live details (e.g. text so far) only while running, from the last progress event. */
  detail?: Record<string, unknown>;
}

/**
 * Every list's paging: at most 100 rows a page and 500 pages, so no request makes the database
 * skip or merge more than 50,000 rows.
 */
export const MAX_PAGE = 500;
export const MAX_PAGE_SIZE = 100;
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
};

export const listJobsQuery = z
  .object({
    kind: z.string().min(1).max(40).optional(),
    status: z.enum(JOB_STATUSES).optional(),
    ...pageQuery,
  })
  .strict();
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export const jobIdParams = z.object({
  id: z.string().regex(/^[a-z0-9]{10,64}$/, 'must be a document id'),
});

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export const paginationOf = (
  query: { page: number; pageSize: number },
  total: number,
): Pagination => ({
  page: query.page,
  pageSize: query.pageSize,
  total,
  pageCount: Math.ceil(total / query.pageSize),
});

export interface JobsListMeta {
  pagination: Pagination;
  /** `bullmq` also offers the queue dashboard (`POST /alwrity/board/session`). */
  queue: { driver: 'bullmq' | 'inline' };
}

/** What `POST /alwrity/board/session` answers; its cookie goes with it. */
export interface BoardSession {
  url: string;
  expiresAt: string;
}
