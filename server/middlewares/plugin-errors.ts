import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { InvalidOutputError, ProviderError, StreamCutError } from '../ai/errors';
import { QueueUnavailableError } from '../queue/types';
import { pluginConfig } from '../utils/plugin-config';

const WORKER_ONLY_MESSAGE =
  "This Strapi process runs Alwrity workers only (worker: 'only'); send requests to a web process.";

const answer = (ctx: Context, status: 502 | 503, message: string) => {
  ctx.status = status;
  // Strapi's own error body, so the admin's fetch client shows the message.
  ctx.body = {
    data: null,
    error: {
      status,
      name: status === 502 ? 'BadGatewayError' : 'ServiceUnavailableError',
      message,
      details: {},
    },
  };
};

/** The model provider failed us (after its retries), or its answer could not be used. */
const isUpstreamFailure = (error: unknown) =>
  error instanceof ProviderError ||
  error instanceof InvalidOutputError ||
  error instanceof StreamCutError;

/**
 * What Strapi's error middleware has no status for: 503 when this process cannot serve the
 * plugin (a worker-only process, Redis out of reach), 502 when the model provider failed.
 */
const pluginErrors =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (pluginConfig(strapi).worker === 'only') return answer(ctx, 503, WORKER_ONLY_MESSAGE);
    try {
      await next();
    } catch (error) {
      if (error instanceof QueueUnavailableError) {
        strapi.log.warn(
          `[alwrity] ${error.message} (${(error.cause as Error)?.message ?? error.cause})`,
        );
        ctx.set('Retry-After', '5');
        return answer(ctx, 503, error.message);
      }
      if (isUpstreamFailure(error)) return answer(ctx, 502, (error as Error).message);
      throw error;
    }
  };

export default pluginErrors;
