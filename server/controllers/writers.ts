import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { describeWriters, WRITER_IDS, WRITERS } from '../writers/catalogue';
import { getService } from '../utils/services';
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

  /** Runs a short writer and answers the generation; closing the request stops the model call. */
  async generate(ctx: Context) {
    const { writer } = parseInput(writerParams, ctx.params, 'writer');
    const { input } = parseInput(
      z.object({ input: WRITERS[writer].options }).strict(),
      ctx.request.body,
    );
    const aborted = new AbortController();
    // The response closing before it was written means the client went away.
    ctx.res.on('close', () => {
      if (!ctx.res.writableFinished) aborted.abort('The client went away.');
    });
    ctx.body = {
      data: await getService(strapi, 'writers').generate(
        writer,
        input,
        ctx.state.user.id,
        aborted.signal,
      ),
    };
  },
});

export default writersController;
