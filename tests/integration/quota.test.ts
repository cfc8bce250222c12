import { useSuite } from '../helpers/suite';

/** `limits.dailyQuotaPerRole`: tokens per user per UTC day, by role, counted from the audit log. */

const suite = useSuite({
  redis: false,
  config: {
    limits: {
      retryBaseMs: 10,
      retryMaxMs: 2000,
      requestTimeoutMs: 5000,
      streamIdleTimeoutMs: 2000,
      dailyQuotaPerRole: { 'strapi-author': 50 },
    },
  },
});

const news = { headline: 'A bridge opens', lead: 'The bridge opened today.', body: 'More soon.' };
const writeNews = (role: 'author' | 'editor' | 'superAdmin') =>
  suite.app.as(role).post('/alwrity/writers/news/generate', { input: { topic: 'A new bridge' } });

const count = (uid: string) => suite.strapi.db.query(uid as never).count({});
const GENERATION = 'plugin::alwrity.generation';
const AUDIT_LOG = 'plugin::alwrity.audit-log';

describe('daily quotas per role', () => {
  it('shows an Author their quota, then lets them spend it', async () => {
    const before = await suite.app.as('author').get('/alwrity/usage/me').expect(200);
    expect(before.body.data).toMatchObject({ usedTokens: 0, quota: 50, remaining: 50 });
    expect(before.body.data.resetsAt).toMatch(/T00:00:00\.000Z$/);

    suite.fake.enqueue({ json: news, usage: { input: 30, output: 30 } });
    await writeNews('author').expect(200);
  });

  it('refuses the Author with 429 and when it resets once the quota is used, writing nothing', async () => {
    const rows = [await count(GENERATION), await count(AUDIT_LOG)];
    const calls = suite.fake.requests.length;
    const refused = await writeNews('author').expect(429);
    const { resetsAt } = (await suite.app.as('author').get('/alwrity/usage/me')).body.data;
    expect(refused.body.error.message).toBe(
      `You have used 60 of your 50 AI tokens for today. The quota resets at ${resetsAt.replace('.000Z', 'Z')} (midnight UTC).`,
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await suite.app
      .as('author')
      .post('/alwrity/writers/blog/generate', { input: { topic: 'Composting' } })
      .expect(429);
    await suite.app
      .as('author')
      .post('/alwrity/rewrite', { text: 'Hello', operation: 'shorten' })
      .expect(429);
    expect([await count(GENERATION), await count(AUDIT_LOG)]).toEqual(rows);
    expect(suite.fake.requests.length).toBe(calls);
  });

  it('counts usage from the audit log', async () => {
    const { body } = await suite.app.as('author').get('/alwrity/usage/me').expect(200);
    const logged = (await suite.strapi.db
      .query(AUDIT_LOG)
      .findMany({ where: { userId: suite.app.users.author.id } })) as { totalTokens: number }[];
    expect(body.data).toMatchObject({
      usedTokens: logged.reduce((sum, row) => sum + row.totalTokens, 0),
      quota: 50,
      remaining: 0,
    });
    expect(body.data.usedTokens).toBe(60);
  });

  it('leaves roles without a quota, the super admin among them, unlimited', async () => {
    for (const role of ['editor', 'superAdmin'] as const) {
      suite.fake.enqueue({ json: news, usage: { input: 500, output: 500 } });
      await writeNews(role).expect(200);
      suite.fake.enqueue({ json: news });
      await writeNews(role).expect(200);
      const { body } = await suite.app.as(role).get('/alwrity/usage/me').expect(200);
      expect(body.data).toMatchObject({ quota: null, remaining: null });
      expect(body.data.usedTokens).toBeGreaterThanOrEqual(1000);
    }
  });
});
