import { errors } from '@strapi/utils';
import { describeAiError, InvalidOutputError, ProviderError, StreamCutError } from '../ai/errors';
import { QueueUnavailableError } from '../queue/types';
import { QuotaExceededError } from './quota';

export interface HttpFailure {
  status: number;
  name: string;
  message: string;
}

/** The document changed under the request (a scheduled job moved it on): nothing was saved. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A rate limit or a budget is used up: the request may come back in `retryAfterSeconds`. */
export class TooManyRequestsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

/** The model provider failed us (after its retries), or its answer could not be used. */
const isUpstreamFailure = (error: unknown) =>
  error instanceof ProviderError ||
  error instanceof InvalidOutputError ||
  error instanceof StreamCutError;

/**
 * The status the plugin answers an error with, for the errors Strapi has no status for (502,
 * 503), and for an event stream, whose HTTP status was sent before the error happened.
 */
export const httpFailureOf = (error: unknown): HttpFailure | undefined => {
  if (error instanceof QuotaExceededError) {
    return { status: 429, name: 'TooManyRequestsError', message: error.message };
  }
  if (error instanceof TooManyRequestsError) {
    return { status: 429, name: 'TooManyRequestsError', message: error.message };
  }
  if (error instanceof ConflictError) {
    return { status: 409, name: 'ConflictError', message: error.message };
  }
  if (error instanceof QueueUnavailableError) {
    return { status: 503, name: 'ServiceUnavailableError', message: error.message };
  }
  if (isUpstreamFailure(error)) {
    return { status: 502, name: 'BadGatewayError', message: describeAiError(error)! };
  }
  return undefined;
};

/** Any error as an event stream reports it: Strapi's own errors keep their status. */
export const streamFailureOf = (error: unknown): HttpFailure => {
  const known = httpFailureOf(error);
  if (known) return known;
  if (error instanceof errors.ApplicationError) {
    return { status: 400, name: error.name, message: error.message };
  }
  return { status: 500, name: 'InternalServerError', message: 'Internal Server Error' };
};
