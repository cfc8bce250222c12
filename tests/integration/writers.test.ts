import { GENERATION } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';

const suite = useSuite({ redis: false });

beforeEach(() => suite.fake.reset());

const variant = (text: string, hashtags: string[] = []) => ({ parts: [text], hashtags });
const postsFor = (xText: string) => ({
  posts: [
    { network: 'x', variants: [variant(xText, ['spring'])] },
    { network: 'linkedin', variants: [variant('Spring is here: our sale starts Monday.')] },
  ],
});
const input = { topic: 'Our spring sale', networks: ['x', 'linkedin'], variants: 1 };
const generate = (body: object) =>
  suite.app.as('author').post('/alwrity/writers/social/generate', body);

describe('GET /alwrity/writers', () => {
  it('lists the six writers with the JSON Schema of their options', async () => {
    const { body } = await suite.app.as('author').get('/alwrity/writers').expect(200);
    expect(body.data.map((writer: { id: string }) => writer.id)).toEqual([
      'blog',
      'news',
      'social',
      'email',
      'story',
      'video-script',
    ]);
    const social = body.data.find((writer: { id: string }) => writer.id === 'social');
    expect(social.optionsSchema.properties.networks.items.enum).toEqual([
      'x',
      'linkedin',
      'facebook',
      'instagram',
    ]);
  });
});

describe('the social writer', () => {
  it('answers the posts, saved as a succeeded generation with tokens and cost', async () => {
    suite.fake.enqueue({
      json: postsFor('Spring sale starts Monday.'),
      usage: { input: 40, output: 30 },
    });
    const { body } = await generate({ input }).expect(200);
    expect(body.data).toMatchObject({
      kind: 'social',
      status: 'succeeded',
      title: 'Social posts: Our spring sale',
      output: postsFor('Spring sale starts Monday.'),
      provider: 'openai',
      usage: { input: 40, output: 30, total: 70 },
    });
    expect(body.data.costEstimate).toBeGreaterThan(0);
    const sent = JSON.stringify(suite.fake.requests[0]!.body);
    expect(sent).toContain('Topic: Our spring sale');
    expect(sent).toContain('at most 280 characters');
    const logs = await suite.strapi.db
      .query('plugin::alwrity.audit-log')
      .findMany({ where: { subjectDocumentId: body.data.documentId } });
    expect(logs).toEqual([
      expect.objectContaining({
        action: 'generateObject',
        inputTokens: 40,
        outputTokens: 30,
        userId: suite.app.users.author.id,
      }),
    ]);
  });

  it('repairs an over-long X post with one targeted retry', async () => {
    suite.fake.enqueue(
      { json: postsFor('a'.repeat(300)) },
      { json: postsFor('Spring sale, Monday. Be there.') },
    );
    const { body } = await generate({ input }).expect(200);
    expect(body.data.output.posts[0].variants[0].parts[0]).toBe('Spring sale, Monday. Be there.');
    expect(suite.fake.requests).toHaveLength(2);
    expect(JSON.stringify(suite.fake.requests[1]!.body)).toContain(
      'posts.0.variants.0.parts.0 is 309 characters; at most 280',
    );
  });

  it('fails with a clear error, not a truncated post, when the repair is too long too', async () => {
    suite.fake.enqueue({ json: postsFor('a'.repeat(300)) }, { json: postsFor('b'.repeat(290)) });
    const { body } = await generate({ input }).expect(502);
    expect(body.error.message).toContain(
      'posts.0.variants.0.parts.0 is 299 characters; at most 280',
    );
    const [failed] = await suite.strapi.db
      .query(GENERATION)
      .findMany({ where: { kind: 'social', status: 'failed' } });
    expect(failed).toMatchObject({ output: null, error: expect.stringContaining('at most 280') });
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await suite.strapi.db.query(GENERATION).count();
    const missing = await generate({ input: { networks: ['x'] } }).expect(400);
    expect(missing.body.error.message).toContain('input.topic');
    const wrong = await generate({ input: { ...input, networks: ['myspace'] } }).expect(400);
    expect(wrong.body.error.message).toContain('input.networks.0');
    const unknown = await suite.app
      .as('author')
      .post('/alwrity/writers/poem/generate', { input })
      .expect(400);
    expect(unknown.body.error.message).toContain('writer');
    expect(await suite.strapi.db.query(GENERATION).count()).toBe(before);
    await suite.app.http().post('/alwrity/writers/social/generate').send({ input }).expect(401);
    await suite.app.as('noRole').post('/alwrity/writers/social/generate', { input }).expect(403);
  });
});
