import type { Context } from 'koa';
import { describeWriters } from '../writers/catalogue';

// The catalogue never changes while Strapi runs: build its JSON Schemas once.
let catalogue: ReturnType<typeof describeWriters> | undefined;

const writersController = () => ({
  /** The writers and the JSON Schema of each one's options, for the admin's forms. */
  find(ctx: Context) {
    catalogue ??= describeWriters();
    ctx.body = { data: catalogue };
  },
});

export default writersController;
