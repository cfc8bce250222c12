import { ProviderError, isAbortError } from './errors';

export interface RetryPolicy {
  maxRetries: number;
  baseMs: number;
  maxMs: number;
}

/** Exponential backoff with full jitter, but never sooner than the provider asked for. */
export const backoffDelay = (
  attempt: number,
  policy: RetryPolicy,
  error: unknown,
  random = Math.random,
) => {
  const asked = error instanceof ProviderError ? error.retryAfterMs : undefined;
  if (asked !== undefined) return Math.min(asked, policy.maxMs);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
};

export const isRetryable = (error: unknown): boolean =>
  !isAbortError(error) && error instanceof ProviderError && error.retryable;

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Runs `attempt` until it succeeds, fails for good, or the retries run out. */
export const withRetries = async <T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> => {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.maxRetries || !isRetryable(error)) throw error;
      await sleep(backoffDelay(n, policy, error), signal);
    }
  }
};

/** Reads `Retry-After` as seconds or an HTTP date. */
export const parseRetryAfter = (
  value: string | null | undefined,
  now = Date.now(),
): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

/** Transient by HTTP status: rate limits, timeouts and server errors. */
export const isTransientStatus = (status: number | undefined): boolean =>
  status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
