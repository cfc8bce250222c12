import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { QueueUnavailableError } from '../queue/types';
import { pluginConfig } from '../utils/plugin-config';

const WORKER_ONLY_MESSAGE =
  "This Strapi process runs Alwrity workers only (worker: 'only'); send requests to a web process.";

const answerUnavailable = (ctx: Context, message: string) => {
  ctx.status = 503;
  // Strapi's own error body, so the admin's fetch client shows the message.
  ctx.body = {
    data: null,
    error: { status: 503, name: 'ServiceUnavailableError', message, details: {} },
  };
};

/**
 * Every plugin route answers 503 (never 500) when this process cannot serve it: a worker-only
 * process, or Redis out of reach. Strapi's error middleware has no 503 of its own.
 */
const availability =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (pluginConfig(strapi).worker === 'only') return answerUnavailable(ctx, WORKER_ONLY_MESSAGE);
    try {
      await next();
    } catch (error) {
      if (!(error instanceof QueueUnavailableError)) throw error;
      strapi.log.warn(
        `[alwrity] ${error.message} (${(error.cause as Error)?.message ?? error.cause})`,
      );
      ctx.set('Retry-After', '5');
      answerUnavailable(ctx, error.message);
    }
  };

export default availability;
