import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { rewriteBody } from '../../contracts/writers';
import { describeWriters, WRITER_IDS, WRITERS } from '../../writers';
import { getService } from '../utils/services';
import { answerStreamed } from '../utils/streamed-answer';
import { withSourceUrls } from '../utils/source-urls';
import { parseInput } from '../utils/validate';

const writerParams = z.object({ writer: z.enum(WRITER_IDS) });

// The catalogue never changes while Strapi runs: build its JSON Schemas once.
let catalogue: ReturnType<typeof describeWriters> | undefined;

const writersController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The writers and the JSON Schema of each one's options, for the admin's forms. */
  find(ctx: Context) {
    catalogue ??= describeWriters();
    ctx.body = { data: catalogue };
  },

  /**
   * Queues the long-form blog (202), or runs a short writer and answers the generation,
   * streaming the JSON as it is written when the request accepts `text/event-stream`.
   */
  async generate(ctx: Context) {
    const { writer } = parseInput(writerParams, ctx.params, 'writer');
    const parsed = parseInput(
      z.object({ input: WRITERS[writer].options }).strict(),
      ctx.request.body,
    );
    const input = await withSourceUrls(strapi, parsed.input);
    const writers = getService(strapi, 'writers');
    if (WRITERS[writer].mode === 'job') {
      const generation = await writers.queue(writer, input, ctx.state.user.id);
      ctx.status = 202;
      ctx.body = { data: { documentId: generation.documentId, status: 'queued' } };
      return;
    }
    // Refusals that need no model call answer with their own status, even to a stream.
    await answerStreamed(ctx, await writers.generate(writer, input, ctx.state.user.id));
  },

  /** Rewrites one field's text for the content manager's "Write with AI"; nothing is saved. */
  async rewrite(ctx: Context) {
    const body = parseInput(rewriteBody, ctx.request.body);
    await answerStreamed(ctx, await getService(strapi, 'writers').rewrite(body, ctx.state.user.id));
  },
});

export default writersController;
