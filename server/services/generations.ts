import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { paginationOf } from '../../contracts/jobs';
import { parseStoredInput } from '../queue/stored-input';
import {
  createPromptGenerationBody,
  type CreatePromptGenerationBody,
  type GenerationList,
  type GenerationView,
  type ListGenerationsQuery,
} from '../../contracts/generations';
import {
  InvalidOutputError,
  ProviderError,
  ProviderNotConfiguredError,
  StreamCutError,
} from '../ai/errors';
import { estimateCost } from '../ai/pricing';
import type { ChatMessage } from '../ai/types';
import type { JobKind } from '../queue/job-kind';
import {
  generationsRepository,
  toGenerationSummary,
  toGenerationView,
} from '../repositories/generations';
import type { Scope } from '../utils/permission-scope';
import { getService } from '../utils/services';

export const GENERATION_JOB = 'generation';

/** How often the text written so far is saved, so a reopened page shows where a run stands. */
const PARTIAL_SAVE_INTERVAL_MS = 500;

type PromptInput = CreatePromptGenerationBody;

const messagesOf = (input: PromptInput): ChatMessage[] => [
  ...(input.system ? [{ role: 'system' as const, content: input.system }] : []),
  { role: 'user' as const, content: input.prompt },
];

/** Errors more attempts cannot fix. */
export const isPermanentAiError = (error: unknown): boolean =>
  error instanceof StreamCutError ||
  error instanceof InvalidOutputError ||
  error instanceof ProviderNotConfiguredError ||
  (error instanceof ProviderError && !error.retryable);

/** A date-only `to` means the whole of that day. */
const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to);

export const historyWhere = (query: ListGenerationsQuery): Record<string, unknown> => ({
  ...(query.kind ? { kind: query.kind } : {}),
  ...(query.status ? { status: query.status } : {}),
  ...(query.author ? { createdBy: { id: query.author } } : {}),
  ...(query.q ? { title: { $containsi: query.q } } : {}),
  ...(query.from || query.to
    ? {
        createdAt: {
          ...(query.from ? { $gte: new Date(query.from) } : {}),
          ...(query.to ? { $lte: new Date(endOf(query.to)) } : {}),
        },
      }
    : {}),
});

const generationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const generations = generationsRepository(strapi);

  /** Streams the prompt's answer into the generation, saving the text as it grows. */
  const promptJob: JobKind<{ userId: number | null }> = {
    name: GENERATION_JOB,
    store: generations,
    documentKinds: ['prompt'],
    async run({ id, signal, progress, userId, gate }) {
      const input = parseStoredInput(
        createPromptGenerationBody,
        (await generations.find(id))?.input,
      );
      const client = await getService(strapi, 'ai').client({ provider: input.provider });
      const started = Date.now();
      const stream = client.streamText(
        { messages: messagesOf(input), model: input.model, maxOutputTokens: input.maxOutputTokens },
        { feature: 'writer', userId, subjectDocumentId: id, signal, gate },
      );
      let text = '';
      let lastSave = 0;
      await progress({ percent: 5, stage: 'Writing' });
      for await (const delta of stream) {
        text += delta;
        if (Date.now() - lastSave >= PARTIAL_SAVE_INTERVAL_MS) {
          lastSave = Date.now();
          await generations.update(id, { output: { text } });
          // Unknown length: creep towards 95% as text arrives.
          await progress({
            percent: Math.min(95, 5 + Math.log2(1 + text.length) * 6),
            stage: 'Writing',
            detail: { text },
          });
        }
      }
      const result = await stream.result;
      return {
        output: { text: result.text },
        provider: result.provider,
        model: result.model,
        usage: result.usage,
        costEstimate: estimateCost(result.model, result.usage),
        durationMs: Date.now() - started,
      };
    },
    onFailure: (error) =>
      error instanceof StreamCutError ? { output: { text: error.partial, partial: true } } : {},
    isPermanent: isPermanentAiError,
  };

  return {
    jobKind: promptJob,

    /** The history, newest first, filtered and paged; rows leave out input and output. */
    async list(query: ListGenerationsQuery, scope: Scope): Promise<GenerationList> {
      const { rows, total } = await generations.page(historyWhere(query), query, scope);
      return {
        data: rows.map(toGenerationSummary),
        meta: { pagination: paginationOf(query, total) },
      };
    },

    async get(documentId: string, scope: Scope): Promise<GenerationView> {
      const row = await generations.find(documentId, scope);
      if (!row) throw new errors.NotFoundError(`No generation with id ${documentId}.`);
      return toGenerationView(row);
    },

    async createPrompt(input: PromptInput, userId: number) {
      await getService(strapi, 'ai').ensureCanCall(userId, input.provider);
      return this.createQueued(GENERATION_JOB, userId, {
        kind: 'prompt',
        title: input.title ?? input.prompt.slice(0, 80),
        input,
      });
    },

    /** Writes a queued generation and hands it to its job; nothing is left if it cannot be queued. */
    async createQueued(
      jobName: string,
      userId: number,
      data: { kind: string; title: string; input: unknown },
    ) {
      const generation = await generations.create({ ...data, status: 'queued' }, userId);
      try {
        await getService(strapi, 'jobs').enqueue(jobName, generation.documentId, { userId });
      } catch (error) {
        await generations.remove(generation.documentId);
        throw error;
      }
      return generation;
    },
  };
};

export default generationsService;
export type GenerationsService = ReturnType<typeof generationsService>;
