import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GenerationView } from '../../contracts/generations';
import { estimateCost } from '../ai/pricing';
import { streamWriter, WRITERS, type AnyStreamWriter, type WriterId } from '../../writers';
import { objectRequest } from '../../writers/definition';
import { reportFailure } from '../utils/safe-error';
import { getService } from '../utils/services';
import type { RewriteBody } from '../../contracts/writers';
import { rewritePrompt } from '../../writers/rewrite';
import { generationsRepository, toGenerationView } from '../repositories/generations';
import type { StreamedCall } from '../utils/streamed-answer';

const writersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const generations = generationsRepository(strapi);

  const finish = (documentId: string, data: Parameters<typeof generations.update>[1]) =>
    generations.updateAndRead(documentId, { ...data, finishedAt: new Date() });

  return {
    /**
     * Queues a long-form writer (the blog) as the job named after it; its generation is followed
     * on /alwrity/jobs/:id while it runs.
     */
    async queue(writer: WriterId, options: { topic: string }, userId: number) {
      const definition: (typeof WRITERS)[WriterId] = WRITERS[writer];
      if (definition.mode !== 'job') {
        throw new errors.ApplicationError(`The ${writer} writer does not run as a job.`);
      }
      await getService(strapi, 'ai').ensureCanCall(userId);
      return getService(strapi, 'generations').createQueued(definition.id, userId, {
        kind: writer,
        title: definition.titleOf(options as never),
        input: options,
      });
    },

    /**
     * "Write with AI" in the content manager: one field's text rewritten, nothing saved. Checks
     * first; the call it answers makes the model call.
     */
    async rewrite(body: RewriteBody, userId: number) {
      const ai = getService(strapi, 'ai');
      await ai.ensureCanCall(userId);
      return async (call: Partial<StreamedCall> = {}): Promise<{ text: string }> => {
        const client = await ai.client();
        const stream = client.streamText(
          { messages: rewritePrompt(body, await getService(strapi, 'settings').brandVoice()) },
          { feature: 'writer', userId, signal: call.signal },
        );
        for await (const delta of stream) call.onDelta?.(delta);
        return { text: (await stream.result).text.trim() };
      };
    },

    /**
     * Runs a short writer to completion as one generation: the row is written first (so a failed
     * run is on record with its error), the answer is checked against the writer's hard limits,
     * and a limit still broken after one targeted repair fails the run rather than being cut.
     */
    async generate(writer: WriterId, options: unknown, userId: number) {
      const runner = streamWriter(writer);
      if (!runner) {
        throw new errors.NotImplementedError(`The ${writer} writer is not available yet.`);
      }
      const ai = getService(strapi, 'ai');
      await ai.ensureCanCall(userId);
      return (call: Partial<StreamedCall> = {}) => this.run(runner, writer, options, userId, call);
    },

    async run(
      runner: AnyStreamWriter,
      writer: WriterId,
      options: unknown,
      userId: number,
      call: Partial<StreamedCall>,
    ): Promise<GenerationView> {
      const ai = getService(strapi, 'ai');
      const typed = options as never;
      const started = Date.now();
      const client = await ai.client();
      const request = objectRequest({
        messages: runner.prompt(typed, await getService(strapi, 'settings').brandVoice()),
        schema: runner.output,
        schemaName: runner.schemaName,
        check: (output) => runner.check(output, typed),
      });
      let created: Promise<{ documentId: string }> | undefined;
      const stop = new AbortController();
      const row = () => {
        if (!created) {
          created = generations.create(
            {
              kind: writer,
              title: runner.titleOf(typed),
              input: options,
              status: 'running',
              startedAt: new Date(started),
            },
            userId,
          );
          // Without its row there is nothing to record the run in: stop the call.
          created.catch(() => stop.abort('The generation could not be saved.'));
        }
        return created;
      };
      const signal = call.signal ? AbortSignal.any([call.signal, stop.signal]) : stop.signal;
      const context = {
        feature: runner.feature ?? 'writer',
        userId,
        subjectDocumentId: async () => (await row()).documentId,
        signal,
      };
      try {
        let result;
        if (call.onDelta) {
          // A streamed run writes its row once the first text is out: written sooner, it would
          // hold up the request to the model and the first delta.
          const stream = client.streamObject(request, context);
          for await (const delta of stream) {
            call.onDelta(delta);
            // After this turn, so the delta reaches the socket before the row's work starts.
            if (!created) setImmediate(() => void row());
          }
          result = await stream.result;
        } else {
          void row();
          result = await client.generateObject(request, context);
        }
        return toGenerationView(
          await finish((await row()).documentId, {
            status: 'succeeded',
            progress: 100,
            output: result.object,
            provider: result.provider,
            model: result.model,
            usage: result.usage,
            costEstimate: estimateCost(result.model, result.usage),
            durationMs: Date.now() - started,
          }),
        );
      } catch (error) {
        // A row that could not be written is the failure to report.
        const { documentId } = await row();
        await finish(documentId, {
          status: call.signal?.aborted ? 'canceled' : 'failed',
          error: call.signal?.aborted
            ? 'Stopped before it was finished.'
            : reportFailure(strapi, error, `run ${documentId}`),
          durationMs: Date.now() - started,
        });
        throw error;
      }
    },
  };
};

export default writersService;
export type WritersService = ReturnType<typeof writersService>;
