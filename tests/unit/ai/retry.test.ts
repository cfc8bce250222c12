import { ProviderError } from '../../../server/ai/errors';
import { parseRetryDelay } from '../../../server/ai/gemini-adapter';
import { backoffDelay, parseRetryAfter } from '../../../server/ai/retry';

const policy = { maxRetries: 3, baseMs: 100, maxMs: 5000 };

describe('backoff', () => {
  it('waits as long as the provider asked, capped by the policy', () => {
    const asked = new ProviderError('slow down', {
      provider: 'openai',
      status: 429,
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(backoffDelay(0, policy, asked)).toBe(2000);
    const greedy = new ProviderError('later', {
      provider: 'openai',
      status: 429,
      retryable: true,
      retryAfterMs: 60_000,
    });
    expect(backoffDelay(0, policy, greedy)).toBe(5000);
  });

  it('grows exponentially with jitter between half and all of the ceiling', () => {
    expect(backoffDelay(0, policy, new Error('x'), () => 0)).toBe(50);
    expect(backoffDelay(0, policy, new Error('x'), () => 1)).toBe(100);
    expect(backoffDelay(3, policy, new Error('x'), () => 1)).toBe(800);
    expect(backoffDelay(10, policy, new Error('x'), () => 1)).toBe(5000);
  });
});

describe('Retry-After parsing', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(
      parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT')),
    ).toBe(5000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it("reads Gemini's RetryInfo from its error body", () => {
    const body = JSON.stringify({
      error: {
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }],
      },
    });
    expect(parseRetryDelay(body)).toBe(7000);
    expect(parseRetryDelay('{"error":{}}')).toBeUndefined();
  });
});
