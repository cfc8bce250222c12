import type { ProviderName } from '../../contracts/config';

export const PROVIDER_LABELS: Record<ProviderName, string> = { openai: 'OpenAI', gemini: 'Gemini' };

/**
 * A provider's HTTP status in plain words. Error texts are built from these, never from what the
 * provider answered: its bodies can echo keys, headers and prompts.
 */
export const reasonForStatus = (status: number): string => {
  if (status === 401 || status === 403) return 'rejected the key';
  if (status === 404) return 'does not know this model or endpoint';
  if (status === 408) return 'timed out';
  if (status === 413) return 'refused a request this large';
  if (status === 429) return 'rate limited the request';
  if (status >= 500) return 'was unavailable';
  return 'refused the request';
};

/** `OpenAI rate limited the request (HTTP 429).` */
export const statusMessage = (provider: ProviderName, status: number) =>
  `${PROVIDER_LABELS[provider]} ${reasonForStatus(status)} (HTTP ${status}).`;

/**
 * A model call failed; `retryable` drives backoff, `fallback` drives switching providers. Its
 * message is safe to store and show; the SDK's own error stays in `cause`, for the server log.
 */
export class ProviderError extends Error {
  readonly provider: ProviderName;
  /** The model asked for, once the client knows it. */
  model?: string;
  readonly status?: number;
  readonly retryable: boolean;
  /** Milliseconds the provider asked us to wait (Retry-After / RetryInfo). */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    options: {
      provider: ProviderName;
      status?: number;
      retryable: boolean;
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.provider = options.provider;
    this.status = options.status;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** No key configured: explains where to put one instead of failing obscurely. */
export class ProviderNotConfiguredError extends Error {
  constructor(provider?: ProviderName) {
    super(
      provider
        ? `The ${provider} provider has no API key. Add one in Settings → Alwrity, or set ${
            provider === 'openai' ? 'OPENAI_API_KEY' : 'GEMINI_API_KEY'
          } in the environment.`
        : 'No AI provider is configured. Add an OpenAI or Gemini API key in Settings → Alwrity, or set OPENAI_API_KEY / GEMINI_API_KEY in the environment.',
    );
    this.name = 'ProviderNotConfiguredError';
  }
}

/** The stream broke after text had arrived: the text so far is kept, not thrown away. */
export class StreamCutError extends Error {
  readonly partial: string;
  constructor(partial: string, cause?: unknown) {
    super(
      `The model's stream was cut after ${partial.length} characters${
        cause instanceof ProviderError ? `: ${cause.message}` : '.'
      }`,
      { cause },
    );
    this.name = 'StreamCutError';
    this.partial = partial;
  }
}

/** The model's JSON did not match the schema, even after one repair attempt. */
export class InvalidOutputError extends Error {
  readonly text: string;
  constructor(message: string, text: string) {
    super(message);
    this.name = 'InvalidOutputError';
    this.text = text;
  }
}

export class AbortedError extends Error {
  constructor(reason?: unknown) {
    super(typeof reason === 'string' ? reason : 'The call was aborted.');
    this.name = 'AbortError';
  }
}

export const isAbortError = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'AbortError' ||
    error.name === 'APIUserAbortError' ||
    error instanceof AbortedError);

/**
 * What may be stored and shown of a model call's failure: provider, model, status and a plain
 * reason for ours; undefined for anything else, whose message nobody vetted.
 */
export const describeAiError = (error: unknown): string | undefined => {
  if (error instanceof ProviderError) {
    return error.model ? error.message.replace(/^(\S+)/, `$1 (${error.model})`) : error.message;
  }
  if (
    error instanceof StreamCutError ||
    error instanceof InvalidOutputError ||
    error instanceof ProviderNotConfiguredError
  ) {
    return error.message;
  }
  if (isAbortError(error)) return 'Stopped before it was finished.';
  return undefined;
};
