import { useSuite } from '../helpers/suite';

/**
 * A key goes only where it was meant to go: one from the environment with the base URL the
 * server set, one saved in the settings page to the base URL it was saved with.
 */

const ENV_KEY = 'sk-env-key-from-the-environment-4321';
const SAVED_KEY = 'sk-saved-key-from-the-page-8765';

describe('a key from the environment', () => {
  const suite = useSuite({
    redis: false,
    config: { providers: {} },
    env: (fake) => ({ OPENAI_API_KEY: ENV_KEY, OPENAI_BASE_URL: fake.openaiBaseURL }),
  });

  it('locks its base URL and organization with it, and says which field', async () => {
    const { body } = await suite.app.as('superAdmin').get('/alwrity/settings').expect(200);
    expect(body.data.providers.openai).toMatchObject({
      apiKey: { source: 'env', locked: true, value: '…4321' },
      baseURL: { source: 'env', locked: true, value: suite.fake.openaiBaseURL },
      organization: { locked: true },
    });
    for (const [field, value] of [
      ['baseURL', 'http://127.0.0.2:9/v1'],
      ['organization', 'org-elsewhere'],
    ] as const) {
      const refused = await suite.app
        .as('superAdmin')
        .put('/alwrity/settings', { providers: { openai: { [field]: value } } })
        .expect(400);
      expect(refused.body.error.message).toContain(`providers.openai.${field}`);
      expect(refused.body.error.message).toContain('locked with the API key');
    }
  });

  it('is never sent to a base URL saved in the page', async () => {
    // A base URL saved before the key came from the environment (or written to the store).
    await suite.strapi
      .store({ type: 'plugin', name: 'alwrity', key: 'settings' })
      .set({ value: { providers: { openai: { baseURL: 'http://127.0.0.2:9/v1' } } } });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the settings read is cached 1 s
    const { body } = await suite.app
      .as('superAdmin')
      .post('/alwrity/settings/test-connection', { provider: 'openai' })
      .expect(200);
    expect(body.data.ok).toBe(true);
    expect(suite.fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${ENV_KEY}`);
  });
});

describe('a key saved in the settings page', () => {
  const suite = useSuite({ redis: false, config: { providers: {} } });
  const save = (openai: object) =>
    suite.app.as('superAdmin').put('/alwrity/settings', { providers: { openai } });

  it('keeps working while its base URL stays, even when the page sends it again', async () => {
    await save({ apiKey: SAVED_KEY, baseURL: suite.fake.openaiBaseURL }).expect(200);
    const again = await save({ baseURL: suite.fake.openaiBaseURL, organization: null }).expect(200);
    expect(again.body.data.providers.openai).toMatchObject({
      configured: true,
      apiKey: { value: '…8765', source: 'saved' },
    });
    const { body } = await suite.app
      .as('superAdmin')
      .post('/alwrity/settings/test-connection', { provider: 'openai' })
      .expect(200);
    expect(body.data.ok).toBe(true);
    expect(suite.fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${SAVED_KEY}`);
  });

  it('is cleared when its base URL changes alone, and the test sends it nowhere', async () => {
    const before = suite.fake.requests.length;
    const moved = await save({ baseURL: 'http://127.0.0.2:9/v1' }).expect(200);
    expect(moved.body.data.providers.openai).toMatchObject({
      configured: false,
      apiKey: { value: null },
      baseURL: { value: 'http://127.0.0.2:9/v1', source: 'saved' },
    });
    const stored = (await suite.strapi
      .store({ type: 'plugin', name: 'alwrity', key: 'settings' })
      .get({})) as { providers: { openai: Record<string, unknown> } };
    expect(stored.providers.openai.apiKey).toBeUndefined();
    const { body } = await suite.app
      .as('superAdmin')
      .post('/alwrity/settings/test-connection', { provider: 'openai' })
      .expect(200);
    expect(body.data.ok).toBe(false);
    expect(body.data.error).toMatch(/no API key/);
    expect(suite.fake.requests.length).toBe(before);
  });

  it('goes with a new base URL when both are given in one request', async () => {
    const both = await save({ apiKey: SAVED_KEY, baseURL: suite.fake.openaiBaseURL }).expect(200);
    expect(both.body.data.providers.openai.configured).toBe(true);
  });

  it('has a maximum length for every field, naming the field', async () => {
    for (const [openai, field] of [
      [{ apiKey: `sk-${'x'.repeat(600)}` }, 'providers.openai.apiKey'],
      [{ baseURL: `http://127.0.0.1/${'p'.repeat(2100)}` }, 'providers.openai.baseURL'],
      [{ organization: 'o'.repeat(300) }, 'providers.openai.organization'],
      [{ models: { writer: 'm'.repeat(300) } }, 'providers.openai.models.writer'],
    ] as const) {
      const refused = await save(openai).expect(400);
      expect(refused.body.error.message).toContain(field);
    }
  });
});
