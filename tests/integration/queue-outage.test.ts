import type { SearchHit } from '../../contracts/chat';
import { indexTypes } from '../helpers/chat';
import { GENERATION, startGeneration, waitForStatus } from '../helpers/jobs';
import { REDIS_URL } from '../helpers/redis';
import { useSuite } from '../helpers/suite';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { waitUntil } from '../helpers/wait';

let proxy: TcpProxy;
beforeAll(async () => {
  const { hostname, port } = new URL(REDIS_URL);
  proxy = await startTcpProxy({ host: hostname, port: Number(port || 6379) });
});
// Registered after the proxy starts, so Strapi boots pointing at it.
const suite = useSuite({ redisUrl: () => proxy.url });
afterAll(() => proxy.close());

const generationCount = () => suite.strapi.db.query(GENERATION).count();

describe('Redis out of reach', () => {
  it('answers 503 with a clear message, writes nothing, and works again when Redis is back', async () => {
    suite.fake.setDefault({ text: 'Queued fine.' });
    const done = await startGeneration(suite.app);
    await waitForStatus(suite.app, done, 'succeeded');
    const before = await generationCount();

    await proxy.cut();
    const refused = await suite.app
      .as('superAdmin')
      .post('/alwrity/generations', { prompt: 'While Redis is away.' })
      .expect(503);
    // Not only the first call of an outage: the next ones answer at once too, none waits for Redis.
    await suite.app
      .as('superAdmin')
      .post('/alwrity/generations', { prompt: 'Still away.' })
      .expect(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body.error).toMatchObject({
      status: 503,
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(/job queue is unreachable.*Nothing was queued/),
    });
    expect(await generationCount()).toBe(before);
    // What lives in the database still answers.
    await suite.app.as('superAdmin').get(`/alwrity/jobs/${done}`).expect(200);

    await proxy.restore();
    const id = await waitUntil(
      'the queue to accept jobs again',
      async () => {
        const response = await suite.app
          .as('superAdmin')
          .post('/alwrity/generations', { prompt: 'Back again.' });
        return response.status === 202 ? (response.body.data.documentId as string) : undefined;
      },
      20_000,
      250,
    );
    await waitForStatus(suite.app, id, 'succeeded');
  });

  it('leaves a failed job failed when its retry cannot be queued, and retries it once Redis is back', async () => {
    suite.fake.enqueue({ status: 400, errorMessage: 'bad prompt' }, { text: 'Retried.' });
    const id = await startGeneration(suite.app);
    await waitForStatus(suite.app, id, 'failed');
    await proxy.cut();
    try {
      await suite.app.as('superAdmin').post(`/alwrity/jobs/${id}/retry`).expect(503);
      const { body } = await suite.app.as('superAdmin').get(`/alwrity/jobs/${id}`).expect(200);
      expect(body.data).toMatchObject({
        status: 'failed',
        error: 'OpenAI (gpt-4o-mini) refused the request (HTTP 400).',
      });
    } finally {
      await proxy.restore();
    }
    await waitUntil(
      'the retry to be accepted',
      async () =>
        (await suite.app.as('superAdmin').post(`/alwrity/jobs/${id}/retry`)).status === 200,
      20_000,
      250,
    );
    const job = await waitForStatus(suite.app, id, 'succeeded');
    expect(job.result).toEqual({ text: 'Retried.' });
  });

  it('indexes for the chatbot an entry saved while Redis was away, once the queue is back', async () => {
    const ARTICLE = 'api::article.article';
    const { rebuild } = await indexTypes(suite.app, { [ARTICLE]: true });
    // The re-index it starts would index the entry too: it is done before Redis goes.
    if (rebuild) await waitForStatus(suite.app, rebuild.documentId, 'succeeded');
    const articles = suite.strapi.documents(ARTICLE as never);
    const found = async (query: string) =>
      (
        await suite.app.as('superAdmin').post('/alwrity/chat/search', { query }).expect(200)
      ).body.data.map((hit: SearchHit) => hit.documentId) as string[];

    await proxy.cut();
    let away: { documentId: string };
    try {
      // The save itself goes through: only its index job cannot be queued.
      away = await articles.create({
        data: { title: 'Saved while Redis was away', content: 'The albatross glides for hours.' },
      } as never);
      const backlog = (await suite.strapi
        .store({ type: 'plugin', name: 'alwrity', key: 'chat-index-backlog' })
        .get({})) as Record<string, { item: { documentId: string } }>;
      expect(Object.values(backlog).map((kept) => kept.item.documentId)).toEqual([away.documentId]);
    } finally {
      await proxy.restore();
    }
    // The next save whose job gets through takes the kept one along.
    await waitUntil(
      'a save indexed again',
      async () => {
        const back = await articles.create({
          data: { title: 'Saved once Redis is back', content: 'Petrels skim the waves.' },
        } as never);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return (await found('petrels')).includes(back.documentId) || undefined;
      },
      30_000,
      250,
    );
    await waitUntil(
      'the entry saved while Redis was away',
      async () => (await found('albatross')).includes(away.documentId) || undefined,
    );
  });
});
