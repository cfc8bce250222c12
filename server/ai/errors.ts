import type { ProviderName } from '../../contracts/config';

/** A model call failed; `retryable` drives backoff, `fallback` drives switching providers. */
export class ProviderError extends Error {
  readonly provider: ProviderName;
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
      `The model's stream was cut after ${partial.length} characters: ${
        cause instanceof Error ? cause.message : String(cause ?? 'connection closed')
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
