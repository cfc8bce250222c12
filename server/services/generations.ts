import type { Core } from '@strapi/strapi';
import type { CreatePromptGenerationBody } from '../../contracts/generations';
import {
  InvalidOutputError,
  ProviderError,
  ProviderNotConfiguredError,
  StreamCutError,
} from '../ai/errors';
import { estimateCost } from '../ai/pricing';
import type { ChatMessage } from '../ai/types';
import type { JobKind } from '../queue/job-kind';
import { getService } from '../utils/services';

const UID = 'plugin::alwrity.generation';
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

const generationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID);

  /** Streams the prompt's answer into the generation, saving the text as it grows. */
  const promptJob: JobKind<{ userId: number | null }> = {
    name: GENERATION_JOB,
    uid: UID,
    documentKinds: ['prompt'],
    async run({ id, signal, progress, userId }) {
      const generation = await documents().findOne({ documentId: id });
      const input = (generation?.input ?? {}) as PromptInput;
      const client = await getService(strapi, 'ai').client({ provider: input.provider });
      const started = Date.now();
      const stream = client.streamText(
        { messages: messagesOf(input), model: input.model, maxOutputTokens: input.maxOutputTokens },
        { feature: 'writer', userId, subjectDocumentId: id, signal },
      );
      let text = '';
      let lastSave = 0;
      await progress({ percent: 5, stage: 'Writing' });
      for await (const delta of stream) {
        text += delta;
        if (Date.now() - lastSave >= PARTIAL_SAVE_INTERVAL_MS) {
          lastSave = Date.now();
          await strapi.db
            .query(UID)
            .update({ where: { documentId: id }, data: { output: { text } } });
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

    async createPrompt(input: PromptInput, userId: number) {
      await getService(strapi, 'ai').ensureConfigured(input.provider);
      const generation = await documents().create({
        data: {
          kind: 'prompt',
          title: input.title ?? input.prompt.slice(0, 80),
          input,
          status: 'queued',
          progress: 0,
          createdBy: userId,
          updatedBy: userId,
        } as never,
      });
      try {
        await getService(strapi, 'jobs').enqueue(GENERATION_JOB, generation.documentId, { userId });
      } catch (error) {
        // Nothing is left behind when the job cannot be queued.
        await documents().delete({ documentId: generation.documentId });
        throw error;
      }
      return generation;
    },
  };
};

export default generationsService;
export type GenerationsService = ReturnType<typeof generationsService>;
