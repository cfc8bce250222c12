import { z } from 'zod';
import { PROVIDER_NAMES } from '../server/config';

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
}
