import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GenerationView } from '../../contracts/generations';
import { estimateCost } from '../ai/pricing';
import type { WriterId } from '../../writers/catalogue';
import { WRITER_RUNNERS } from '../../writers/runners';
import { getService } from '../utils/services';
import type { RewriteBody } from '../../contracts/writers';
import { rewritePrompt } from '../../writers/prompts/rewrite';
import { BLOG_JOB } from './blog-writer';
import { toGenerationView, type GenerationRow } from './generations';

const UID = 'plugin::alwrity.generation';

/** Writers whose runs are queued jobs, and the job that runs them. */
const JOB_WRITERS: Partial<
  Record<WriterId, { name: string; titleOf(options: { topic: string }): string }>
> = { blog: { name: BLOG_JOB, titleOf: (options) => `Blog: ${options.topic}` } };

const writersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID);

  const finish = async (documentId: string, data: Record<string, unknown>) =>
    (await rows().update({
      where: { documentId },
      data: { ...data, finishedAt: new Date() },
      populate: { createdBy: { select: ['id', 'firstname', 'lastname'] } },
    })) as GenerationRow;

  return {
    /**
     * Queues a long-form writer (the blog) as a job; its generation is followed on
     * /alwrity/jobs/:id while it runs.
     */
    async queue(writer: WriterId, options: { topic: string }, userId: number) {
      const job = JOB_WRITERS[writer];
      if (!job) throw new errors.ApplicationError(`The ${writer} writer does not run as a job.`);
      await getService(strapi, 'ai').ensureConfigured();
      return getService(strapi, 'generations').createQueued(job.name, userId, {
        kind: writer,
        title: job.titleOf(options),
        input: options,
      });
    },

    /** "Write with AI" in the content manager: one field's text rewritten, nothing saved. */
    async rewrite(
      body: RewriteBody,
      userId: number,
      call: { signal?: AbortSignal; onDelta?: (text: string) => void } = {},
    ): Promise<{ text: string }> {
      const ai = getService(strapi, 'ai');
      const client = await ai.client();
      const stream = client.streamText(
        { messages: rewritePrompt(body, await getService(strapi, 'settings').brandVoice()) },
        { feature: 'writer', userId, signal: call.signal },
      );
      for await (const delta of stream) call.onDelta?.(delta);
      return { text: (await stream.result).text.trim() };
    },

    /** The writer's runner; a writer that cannot run this way is refused (501). */
    assertAvailable(writer: WriterId) {
      const runner = WRITER_RUNNERS[writer];
      if (!runner) {
        throw new errors.NotImplementedError(`The ${writer} writer is not available yet.`);
      }
      return runner;
    },

    /**
     * Runs a short writer to completion as one generation: the row is written first (so a failed
     * run is on record with its error), the answer is checked against the writer's hard limits,
     * and a limit still broken after one targeted repair fails the run rather than being cut.
     */
    async generate(
      writer: WriterId,
      options: unknown,
      userId: number,
      call: { signal?: AbortSignal; onDelta?: (text: string) => void } = {},
    ): Promise<GenerationView> {
      const runner = this.assertAvailable(writer);
      const ai = getService(strapi, 'ai');
      await ai.ensureConfigured();
      const typed = options as never;
      const started = Date.now();
      const client = await ai.client();
      const request = {
        messages: runner.prompt(typed, await getService(strapi, 'settings').brandVoice()),
        schema: runner.schema,
        schemaName: runner.schemaName,
        check: (output: unknown) => runner.check(output, typed),
      };
      let created: Promise<{ documentId: string }> | undefined;
      const stop = new AbortController();
      const row = () => {
        if (!created) {
          created = strapi.documents(UID).create({
            data: {
              kind: writer,
              title: runner.titleOf(typed).slice(0, 200),
              input: options,
              status: 'running',
              progress: 0,
              startedAt: new Date(started),
              createdBy: userId,
              updatedBy: userId,
            } as never,
          });
          // Without its row there is nothing to record the run in: stop the call.
          created.catch(() => stop.abort('The generation could not be saved.'));
        }
        return created;
      };
      const signal = call.signal ? AbortSignal.any([call.signal, stop.signal]) : stop.signal;
      const context = {
        feature: 'writer' as const,
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
            : (error as Error).message,
          durationMs: Date.now() - started,
        });
        throw error;
      }
    },
  };
};

export default writersService;
export type WritersService = ReturnType<typeof writersService>;
