import type { Response } from 'supertest';
import { blogReplies } from '../helpers/fake-blog';
import { asEventStream, waitForStatus } from '../helpers/jobs';
import { testConfig, useSuite } from '../helpers/suite';

/**
 * Failures are stored and answered in the plugin's own words: provider, model, status and a plain
 * reason. No key, no Authorization header and no provider response body reaches a response or a
 * stored row, even when the provider's error body echoes them.
 */

const suite = useSuite();

const KEYS = () => {
  const { providers } = testConfig(suite.fake, undefined);
  return [providers.openai.apiKey, providers.gemini.apiKey];
};
const BODY_SENTINEL = 'PROVIDER-BODY-7f3a';
/** A provider error body that quotes the key, the header and its own words. */
const echoingError = (status: number) => ({
  status,
  errorMessage: `Incorrect API key provided: sk-test-openai-key-1234 (Authorization: Bearer sk-test-openai-key-1234) ${BODY_SENTINEL}`,
});

const responses: string[] = [];
const keep = (response: Response) => {
  responses.push(JSON.stringify({ headers: response.headers, body: response.body }), response.text);
  return response;
};

/** Every row the plugin stored, and its settings in Strapi's core store. */
const storedRows = async () => {
  const uids = Object.keys(suite.strapi.contentTypes).filter((uid) =>
    uid.startsWith('plugin::alwrity.'),
  );
  const rows = await Promise.all(
    uids.map((uid) => suite.strapi.db.query(uid as never).findMany({})),
  );
  const store = await suite.strapi.db
    .query('strapi::core-store')
    .findMany({ where: { key: { $startsWith: 'plugin_alwrity' } } });
  return JSON.stringify([rows, store]);
};

describe('what a failure says', () => {
  it('answers a short writer whose provider rejects the key with a 502 in our words, and stores the same', async () => {
    suite.fake.enqueue(echoingError(401));
    const response = keep(
      await suite.app
        .as('author')
        .post('/alwrity/writers/news/generate', { input: { topic: 'A new bridge opens' } }),
    );
    expect(response.status).toBe(502);
    expect(response.body.error.message).toBe('OpenAI (gpt-4o-mini) rejected the key (HTTP 401).');
    const [row] = await suite.strapi.db
      .query('plugin::alwrity.generation')
      .findMany({ where: { kind: 'news' } });
    expect(row).toMatchObject({
      status: 'failed',
      error: 'OpenAI (gpt-4o-mini) rejected the key (HTTP 401).',
    });
  });

  it('sends a streamed writer the same safe error event', async () => {
    suite.fake.setDefault(echoingError(400));
    const response = keep(
      await asEventStream(
        suite.app
          .as('author')
          .post('/alwrity/writers/social/generate', { input: { topic: 'Spring sale' } }),
      ),
    );
    suite.fake.setDefault({ text: 'ok' });
    expect(String(response.body)).toContain('OpenAI (gpt-4o-mini) refused the request (HTTP 400).');
  });

  it('fails a queued blog post with the safe text, retried server errors included', async () => {
    suite.fake.setDefault((request) =>
      request.body?.response_format?.json_schema?.name === 'blog_outline'
        ? echoingError(500)
        : blogReplies(2)(request),
    );
    const started = keep(
      await suite.app
        .as('author')
        .post('/alwrity/writers/blog/generate', { input: { topic: 'Composting', sections: 2 } }),
    );
    const job = await waitForStatus(suite.app, started.body.data.documentId, 'failed', 30_000);
    expect(job.error).toBe('OpenAI (gpt-4o-mini) was unavailable (HTTP 500).');
    keep(await suite.app.as('author').get(`/alwrity/generations/${job.id}`).expect(200));
    keep(await suite.app.as('editor').get('/alwrity/jobs').expect(200));
    suite.fake.setDefault({ text: 'ok' });
  });

  it('keeps every key, header and provider body out of every response and stored row', async () => {
    keep(await suite.app.as('superAdmin').get('/alwrity/settings').expect(200));
    keep(
      await suite.app
        .as('superAdmin')
        .post('/alwrity/settings/test-connection', { provider: 'gemini' })
        .expect(200),
    );
    const everything = [...responses, await storedRows()].join('\n');
    expect(suite.fake.requests.length).toBeGreaterThan(3);
    for (const secret of [...KEYS(), BODY_SENTINEL, 'Bearer ', 'Incorrect API key']) {
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
