import { GENERATION } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';

// What the README's first command gives: no key anywhere, no Redis.
const suite = useSuite({ redis: false, config: { providers: {} } });

describe('without any AI provider', () => {
  it('refuses an AI action with a 400 that says where to add a key, and writes nothing', async () => {
    const refused = await suite.app
      .as('superAdmin')
      .post('/alwrity/generations', { prompt: 'Say hello' })
      .expect(400);
    expect(refused.body.error.message).toMatch(
      /No AI provider is configured\. Add an OpenAI or Gemini API key in Settings → Alwrity/,
    );
    expect(await suite.strapi.db.query(GENERATION).count()).toBe(0);
  });

  it('names the provider asked for when only that one is missing', async () => {
    const refused = await suite.app
      .as('superAdmin')
      .post('/alwrity/generations', { prompt: 'Say hello', provider: 'gemini' })
      .expect(400);
    expect(refused.body.error.message).toContain('GEMINI_API_KEY');
  });

  it('still serves the panels: settings, jobs and writers answer 200', async () => {
    const { body } = await suite.app.as('superAdmin').get('/alwrity/settings').expect(200);
    expect(body.data.providers.openai.configured).toBe(false);
    await suite.app.as('superAdmin').get('/alwrity/jobs').expect(200);
    await suite.app.as('superAdmin').get('/alwrity/writers').expect(200);
  });
});
