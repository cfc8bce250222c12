import { resolveConfig } from '../../server/config';

describe('plugin config', () => {
  it('names the key of a wrong value', () => {
    expect(() => resolveConfig({ limits: { concurrency: 0 } }, {})).toThrow(
      /alwrity\.limits\.concurrency: Too small/,
    );
    expect(() => resolveConfig({ worker: 'sometimes' }, {})).toThrow(/alwrity\.worker:/);
    expect(() => resolveConfig({ redis: 'http://localhost' }, {})).toThrow(
      /alwrity\.redis: .*redis:\/\//,
    );
  });

  it("refuses worker: 'only' without Redis, which would run nothing", () => {
    expect(() => resolveConfig({ worker: 'only' }, {})).toThrow(
      /alwrity\.worker: 'only' needs Redis/,
    );
    expect(
      resolveConfig({ worker: 'only' }, { REDIS_URL: 'redis://127.0.0.1:6379' }),
    ).toMatchObject({ worker: 'only', redis: 'redis://127.0.0.1:6379' });
  });

  it('takes env defaults beneath what the config file says', () => {
    const config = resolveConfig(
      { providers: { openai: { baseURL: 'http://127.0.0.1:11434/v1' } } },
      {
        OPENAI_API_KEY: 'sk-env',
        OPENAI_BASE_URL: 'https://api.example.com/v1',
        GEMINI_API_KEY: 'g',
      },
    );
    expect(config.providers.openai).toMatchObject({
      apiKey: 'sk-env',
      baseURL: 'http://127.0.0.1:11434/v1',
    });
    expect(config.providers.gemini?.apiKey).toBe('g');
    expect(config).toMatchObject({ worker: 'on', limits: { concurrency: 4, jobAttempts: 3 } });
  });
});
