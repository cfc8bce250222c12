import type { JobContext } from './types';

/**
 * A kind of long work whose result lives in a plugin content type: the document is created
 * first (status `queued`), the job's id is its documentId, and `run` fills in the result.
 */
export interface JobKind<D = unknown> {
  /** Also the BullMQ queue name. */
  name: string;
  uid: `plugin::alwrity.${string}`;
  /**
   * The values of the document's `kind` field this job kind runs, when several job kinds share
   * one content type; without it, every document of `uid` no other kind claims.
   */
  documentKinds?: readonly string[];
  /** Fields to write on success, besides status and timings. */
  run(context: JobContext<D> & { userId: number | null }): Promise<Record<string, unknown>>;
  /** Fields to keep when it fails for good (e.g. the partial text of a cut stream). */
  onFailure?(error: unknown): Record<string, unknown>;
  /** Errors retrying cannot fix: the job fails at once. */
  isPermanent?(error: unknown): boolean;
}

export interface JobPayload {
  userId: number | null;
}
