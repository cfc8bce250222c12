import { useSuite } from '../helpers/suite';

const OPENAI_KEY = 'sk-live-SECRET-openai-key-9876';
const GEMINI_KEY = 'gemini-SECRET-key-5432';

// No provider in the config file: everything comes from the settings page.
const suite = useSuite({ config: { providers: {} } });

/** Every response body and header this test has seen, to search for leaked keys. */
const seen: string[] = [];
const record = <T extends { body: unknown; headers: unknown }>(response: T) => {
  seen.push(JSON.stringify(response.body), JSON.stringify(response.headers));
  return response;
};

describe('settings saved from the admin', () => {
  it('start empty: no provider configured, and AI actions explain how to add a key', async () => {
    const { body } = record(await suite.app.as('superAdmin').get('/alwrity/settings').expect(200));
    expect(body.data.providers.openai).toMatchObject({
      configured: false,
      apiKey: { value: null, locked: false },
    });
    const refused = record(
      await suite.app.as('superAdmin').post('/alwrity/generations', { prompt: 'Hi' }).expect(400),
    );
    expect(refused.body.error.message).toMatch(/Settings → Alwrity.*OPENAI_API_KEY/);
  });

  it('saves keys encrypted, shows only their last 4 characters, and uses them', async () => {
    const saved = record(
      await suite.app
        .as('superAdmin')
        .put('/alwrity/settings', {
          providers: {
            openai: {
              apiKey: OPENAI_KEY,
              baseURL: suite.fake.openaiBaseURL,
              models: { writer: 'gpt-test-writer' },
            },
            gemini: { apiKey: GEMINI_KEY, baseURL: suite.fake.geminiBaseURL },
          },
          fallbackProvider: 'gemini',
        })
        .expect(200),
    );
    expect(saved.body.data.providers.openai).toMatchObject({
      configured: true,
      apiKey: { value: '…9876', source: 'saved', locked: false },
      models: { writer: { value: 'gpt-test-writer', source: 'saved' } },
    });
    expect(saved.body.data.fallbackProvider).toMatchObject({ value: 'gemini', source: 'saved' });

    // At rest: sealed, not plaintext.
    const stored = JSON.stringify(
      await suite.strapi.store({ type: 'plugin', name: 'alwrity', key: 'settings' }).get({}),
    );
    expect(stored).not.toContain(OPENAI_KEY);
    expect(stored).not.toContain(GEMINI_KEY);
    expect(stored).toMatch(/"apiKey":"v1\./);

    // In use: the fake server receives the real key.
    const test = record(
      await suite.app
        .as('superAdmin')
        .post('/alwrity/settings/test-connection', { provider: 'openai' })
        .expect(200),
    );
    expect(test.body.data).toMatchObject({ ok: true, provider: 'openai' });
    expect(suite.fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    const gemini = record(
      await suite.app
        .as('superAdmin')
        .post('/alwrity/settings/test-connection', { provider: 'gemini' })
        .expect(200),
    );
    expect(gemini.body.data).toMatchObject({ ok: true, provider: 'gemini' });
    expect(suite.fake.requests.at(-1)!.headers['x-goog-api-key']).toBe(GEMINI_KEY);
  });

  it('reports a failed connection test with the provider error instead of throwing', async () => {
    await suite.app
      .as('superAdmin')
      .put('/alwrity/settings', {
        providers: { openai: { apiKey: OPENAI_KEY, baseURL: 'http://127.0.0.1:9/v1' } },
      })
      .expect(200);
    const { body } = record(
      await suite.app
        .as('superAdmin')
        .post('/alwrity/settings/test-connection', { provider: 'openai' })
        .expect(200),
    );
    expect(body.data).toMatchObject({ ok: false, error: 'OpenAI could not be reached.' });
    await suite.app
      .as('superAdmin')
      .put('/alwrity/settings', {
        providers: { openai: { apiKey: OPENAI_KEY, baseURL: suite.fake.openaiBaseURL } },
      })
      .expect(200);
  });

  it('clears a saved key with null', async () => {
    await suite.app
      .as('superAdmin')
      .put('/alwrity/settings', { providers: { gemini: { apiKey: null } } })
      .expect(200);
    const { body } = record(await suite.app.as('superAdmin').get('/alwrity/settings').expect(200));
    expect(body.data.providers.gemini).toMatchObject({
      configured: false,
      apiKey: { value: null },
    });
    expect(body.data.providers.openai.configured).toBe(true);
  });

  it('never sends a saved key back in any response', () => {
    const everything = seen.join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(OPENAI_KEY);
    expect(everything).not.toContain(GEMINI_KEY);
    expect(everything).not.toContain('SECRET');
  });
});
