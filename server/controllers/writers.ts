import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { describeWriters, WRITER_IDS, WRITERS } from '../writers/catalogue';
import { getService } from '../utils/services';
import { streamFailureOf } from '../utils/http-errors';
import { openEventStream } from '../utils/sse';
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
   * Runs a short writer and answers the generation, or, when the request accepts
   * `text/event-stream`, streams `delta` events as the JSON is written, then `result` (or
   * `error`). Going away stops the model call either way.
   */
  async generate(ctx: Context) {
    const { writer } = parseInput(writerParams, ctx.params, 'writer');
    const { input } = parseInput(
      z.object({ input: WRITERS[writer].options }).strict(),
      ctx.request.body,
    );
    const writers = getService(strapi, 'writers');
    if (ctx.get('accept').includes('text/event-stream')) {
      // Refusals that need no model call still answer with their own status.
      writers.assertAvailable(writer);
      await getService(strapi, 'ai').ensureConfigured();
      const stream = openEventStream(ctx);
      const aborted = new AbortController();
      void stream.closed.then(() => aborted.abort('The client went away.'));
      // Koa pipes the stream once this handler returns: the writing goes on after it.
      void writers
        .generate(writer, input, ctx.state.user.id, {
          signal: aborted.signal,
          onDelta: (text) => stream.send('delta', { text }),
        })
        .then(
          (generation) => stream.send('result', generation),
          (error: unknown) => stream.send('error', streamFailureOf(error)),
        )
        .finally(() => stream.close());
      return;
    }
    const aborted = new AbortController();
    // The response closing before it was written means the client went away.
    ctx.res.on('close', () => {
      if (!ctx.res.writableFinished) aborted.abort('The client went away.');
    });
    ctx.body = {
      data: await writers.generate(writer, input, ctx.state.user.id, { signal: aborted.signal }),
    };
  },
});

export default writersController;
