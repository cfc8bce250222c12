import { z } from 'zod';
import type { JobStatus } from '../../contracts/jobs';
import type { CallGate } from '../ai/call-slots';
import type { JobContext } from './types';

/** A result document as the job service reads it, whatever its content type. */
export interface JobDocument {
  documentId: string;
  title?: string | null;
  kind?: string;
  status: JobStatus;
  progress?: number | null;
  stage?: string | null;
  error?: string | null;
  attempts?: number | null;
  createdAt: string;
  startedAt?: Date | string | null;
  finishedAt?: Date | string | null;
  output?: unknown;
  createdBy?: { id: number } | null;
}

/**
 * Where a job kind's documents live: the repository of its content type, which the job service
 * drives without knowing the type.
 */
export interface JobDocumentStore {
  uid: string;
  find(documentId: string, scope?: Record<string, unknown>): Promise<JobDocument | null>;
  page(
    where: Record<string, unknown>,
    page: { page: number; pageSize: number },
    scope?: Record<string, unknown>,
  ): Promise<{ rows: JobDocument[]; total: number }>;
  pending(): Promise<{ documentId: string; kind: string; userId: number | null }[]>;
  transition(documentId: string, from: readonly JobStatus[], data: object): Promise<boolean>;
}

/**
 * A kind of long work whose result lives in a plugin content type: the document is created
 * first (status `queued`), the job's id is its documentId, and `run` fills in the result.
 */
export interface JobKind<D = unknown> {
  /** Also the BullMQ queue name. */
  name: string;
  store: JobDocumentStore;
  /**
   * The values of the document's `kind` field this job kind runs, when several job kinds share
   * one content type; without it, every document of the store no other kind claims.
   */
  documentKinds?: readonly string[];
  /**
   * Fields to write on success, besides status and timings. Model calls pass `gate` in their
   * call context: it keeps the queue's calls within `limits.concurrency`.
   */
  run(
    context: JobContext<D> & { userId: number | null; gate: CallGate },
  ): Promise<Record<string, unknown>>;
  /** Fields to keep when it fails for good (e.g. the partial text of a cut stream). */
  onFailure?(error: unknown): Record<string, unknown>;
  /** Errors retrying cannot fix: the job fails at once. */
  isPermanent?(error: unknown): boolean;
}

/** What every job carries in the queue: whose it is. Parsed when a worker picks the job up. */
export const jobPayload = z.object({ userId: z.number().int().positive().nullable() }).strict();
export type JobPayload = z.infer<typeof jobPayload>;
