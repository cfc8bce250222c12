import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { describeAiError } from '../ai/errors';
import { PermanentJobError, QueueUnavailableError } from '../queue/types';

/**
 * What a stored run and an answer may say of a failure: the plugin's own words (provider, model,
 * status and a plain reason), never an SDK's message, a provider's body, a URL or a header.
 */
export const safeMessageOf = (error: unknown): string | undefined =>
  describeAiError(error) ??
  (error instanceof errors.ApplicationError ||
  error instanceof PermanentJobError ||
  error instanceof QueueUnavailableError
    ? error.message
    : undefined);

/** The error with its causes, for the server log only. */
const detailOf = (error: unknown): string => {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\ncaused by: ');
};

/**
 * Logs the whole failure under what failed (`run <id>`) and answers the text safe to store and
 * show.
 */
export const reportFailure = (strapi: Core.Strapi, error: unknown, what: string): string => {
  strapi.log.error(`[alwrity] ${what} failed: ${detailOf(error)}`);
  return safeMessageOf(error) ?? `Something went wrong (${what}); the server log has the details.`;
};
