import { z } from 'zod';
import { PROVIDER_NAMES } from './config';
import { JOB_STATUSES, pageQuery, type Pagination } from './jobs';
import type { SavedDraft } from './writers';

/** POST /alwrity/generations: a free prompt, run as a queued, streamed job. */
export const createPromptGenerationBody = z
  .object({
    prompt: z.string().trim().min(1).max(20_000),
    system: z.string().trim().max(10_000).optional(),
    title: z.string().trim().max(200).optional(),
    provider: z.enum(PROVIDER_NAMES).optional(),
    model: z.string().trim().min(1).max(200).optional(),
    maxOutputTokens: z.number().int().min(1).max(32_000).optional(),
  })
  .strict();
export type CreatePromptGenerationBody = z.infer<typeof createPromptGenerationBody>;

/** A generation as the API answers it: one run of a writer, with what it cost. */
export interface GenerationView {
  documentId: string;
  kind: string;
  title: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  input: unknown;
  output: unknown;
  provider: string | null;
  model: string | null;
  usage: { input: number; output: number; total: number } | null;
  costEstimate: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  author: { id: number; name: string } | null;
  /** The draft entry saved from it, once saved. */
  target: SavedDraft | null;
}

/** GET /alwrity/generations: the history, newest first. */
export const listGenerationsQuery = z
  .object({
    kind: z.string().trim().min(1).max(40).optional(),
    status: z.enum(JOB_STATUSES).optional(),
    author: z.coerce.number().int().min(1).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    ...pageQuery,
  })
  .strict();
export type ListGenerationsQuery = z.infer<typeof listGenerationsQuery>;

/** A history row: the generation without its input and output, which the detail view holds. */
export type GenerationSummary = Omit<GenerationView, 'input' | 'output'>;

export interface GenerationList {
  data: GenerationSummary[];
  meta: { pagination: Pagination };
}
