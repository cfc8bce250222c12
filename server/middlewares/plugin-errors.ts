import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { QueueUnavailableError } from '../queue/types';
import { httpFailureOf, TooManyRequestsError, type HttpFailure } from '../utils/http-errors';
import { pluginConfig } from '../utils/plugin-config';
import { QuotaExceededError } from '../utils/quota';

const WORKER_ONLY_MESSAGE =
  "This Strapi process runs Alwrity workers only (worker: 'only'); send requests to a web process.";

const answer = (ctx: Context, failure: HttpFailure) => {
  ctx.status = failure.status;
  // Strapi's own error body, so the admin's fetch client shows the message.
  ctx.body = { data: null, error: { ...failure, details: {} } };
};

/**
 * What Strapi's error middleware has no status for: 503 when this process cannot serve the
 * plugin (a worker-only process, Redis out of reach), 502 when the model provider failed.
 */
const pluginErrors =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (pluginConfig(strapi).worker === 'only') {
      return answer(ctx, {
        status: 503,
        name: 'ServiceUnavailableError',
        message: WORKER_ONLY_MESSAGE,
      });
    }
    try {
      await next();
    } catch (error) {
      const failure = httpFailureOf(error);
      if (!failure) throw error;
      if (error instanceof QueueUnavailableError) {
        strapi.log.warn(
          `[alwrity] ${error.message} (${(error.cause as Error)?.message ?? error.cause})`,
        );
        ctx.set('Retry-After', '5');
      }
      if (error instanceof TooManyRequestsError) {
        ctx.set('Retry-After', String(Math.max(1, error.retryAfterSeconds)));
      }
      if (error instanceof QuotaExceededError) {
        ctx.set(
          'Retry-After',
          String(Math.max(1, Math.ceil((error.resetsAt.getTime() - Date.now()) / 1000))),
        );
      }
      answer(ctx, failure);
    }
  };

export default pluginErrors;
