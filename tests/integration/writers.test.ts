import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asEventStream, GENERATION, parseEvents } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

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
  it('lists every writer of the registry with the JSON Schema of its options', async () => {
    const { body } = await suite.app.as('author').get('/alwrity/writers').expect(200);
    expect(body.data.map((writer: { id: string }) => writer.id)).toEqual([
      'blog',
      'news',
      'social',
      'email',
      'story',
      'video-script',
      'faq',
      'seo-meta',
      'seo-keywords',
      'content-gap',
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

describe('the other short writers', () => {
  const answers: Record<string, object> = {
    'seo-meta': {
      variants: [
        {
          metaTitle: 'Night library: open until 2 a.m.',
          metaDescription:
            'The city opened a night library on Main Street that stays open until 2 a.m., for shift workers and night owls. See the hours and how to borrow.',
        },
        {
          metaTitle: 'A library for the night shift',
          metaDescription:
            'Shift workers can now borrow books until 2 a.m.: the new night library on Main Street explains its hours, its rules and how to get a library card.',
        },
      ],
    },
    news: {
      headline: 'City opens its first night library',
      lead: 'The city opened a library that stays open until 2 a.m. on Monday, to serve shift workers.',
      body: 'The library, on Main Street, ... [QUOTE NEEDED: the librarian on opening night]',
    },
    email: {
      subjectLines: ['Spring sale: 20% off', 'Our spring sale starts Monday'],
      preheader: 'Everything in the spring range, this week only.',
      body: 'Hello,\n\nOur spring sale starts Monday.',
      callToAction: 'Shop the sale',
    },
    story: {
      title: 'The Fox and the Lantern',
      synopsis: 'A fox borrows a lantern. He learns what light is for.',
      story: 'Once, in a wood with no moon, ...',
    },
    'video-script': {
      titleOptions: ['Brewing tea right', 'Tea in 8 minutes', 'The only tea guide you need'],
      hook: 'You have been brewing tea wrong.',
      chapters: [
        { timestamp: '0:00', title: 'Intro', script: 'Hi.', bRoll: ['kettle'] },
        { timestamp: '1:30', title: 'Water', script: 'Heat it.', bRoll: [] },
        { timestamp: '4:10', title: 'Steeping', script: 'Wait.', bRoll: ['timer'] },
      ],
      description: 'How to brew tea.',
      tags: ['tea', 'how to'],
    },
    faq: {
      title: 'Night library: your questions',
      items: [
        { question: 'When is it open?', answer: 'Every night until 2 a.m.' },
        { question: 'Who can borrow books?', answer: 'Anyone with a city library card.' },
      ],
    },
  };
  const options: Record<string, object> = {
    email: { subjectVariants: 2 },
    faq: { questions: 2 },
    'seo-meta': { variants: 2 },
  };

  it.each(Object.keys(answers))('%s answers its structured output', async (writer) => {
    suite.fake.enqueue({ json: answers[writer] });
    const { body } = await suite.app
      .as('author')
      .post(`/alwrity/writers/${writer}/generate`, {
        input: { topic: 'A topic to write about', ...options[writer] },
      })
      .expect(200);
    expect(body.data).toMatchObject({ kind: writer, status: 'succeeded', output: answers[writer] });
    expect(suite.fake.requests).toHaveLength(1);
  });

  it('holds a video script to YouTube chapter rules, with one repair', async () => {
    const script = answers['video-script'] as { chapters: { timestamp: string }[] };
    const late = {
      ...script,
      chapters: [{ ...script.chapters[0], timestamp: '0:05' }, ...script.chapters.slice(1)],
    };
    suite.fake.enqueue({ json: late }, { json: script });
    await suite.app
      .as('author')
      .post('/alwrity/writers/video-script/generate', { input: { topic: 'Tea' } })
      .expect(200);
    expect(JSON.stringify(suite.fake.requests[1]!.body)).toContain(
      'chapters.0.timestamp must be 0:00',
    );
  });
});

/** The social writer asked for an event stream, read whole. */
const streamSocial = () => asEventStream(generate({ input }));

describe('streaming a short writer', () => {
  it('sends the JSON as it is written, then the saved generation', async () => {
    suite.fake.enqueue({ json: postsFor('Spring sale starts Monday.'), chunkDelayMs: 5 });
    const response = await streamSocial().expect(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = parseEvents(String(response.body));
    const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text);
    expect(deltas.length).toBeGreaterThan(3);
    expect(JSON.parse(deltas.join(''))).toEqual(postsFor('Spring sale starts Monday.'));
    expect(events.at(-1)).toMatchObject({
      event: 'result',
      data: { status: 'succeeded', output: postsFor('Spring sale starts Monday.') },
    });
  });

  it('reports a limit still broken after the repair as an error event', async () => {
    suite.fake.enqueue({ json: postsFor('a'.repeat(300)) }, { json: postsFor('b'.repeat(290)) });
    const response = await streamSocial();
    expect(parseEvents(String(response.body)).at(-1)).toMatchObject({
      event: 'error',
      data: { status: 502, message: expect.stringContaining('at most 280') },
    });
  });

  it('stops the provider call when the reader goes away', async () => {
    const server = suite.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      suite.fake.enqueue({
        json: postsFor('one two three four five six seven'),
        chunkDelayMs: 300,
      });
      // A plain request, destroyed after the first event: the reader closing the tab.
      const first = await new Promise<string>((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/alwrity/writers/social/generate',
            headers: {
              Authorization: `Bearer ${suite.app.tokens.author}`,
              'Content-Type': 'application/json',
              Accept: 'text/event-stream',
            },
          },
          (response) =>
            response.once('data', (chunk: Buffer) => {
              request.destroy();
              resolve(chunk.toString());
            }),
        );
        request.on('error', reject);
        request.end(JSON.stringify({ input }));
      });
      expect(first).toContain('event: delta');
      await suite.fake.waitFor((requests) => requests[0]?.closedEarly === true);
      // Recorded as stopped by its reader, not as a failure.
      await waitUntil('the stopped run to be recorded', async () => {
        const [stopped] = await suite.strapi.db
          .query(GENERATION)
          .findMany({ where: { kind: 'social' }, orderBy: { createdAt: 'desc' }, limit: 1 });
        return stopped.status === 'canceled' && stopped.error === 'Stopped before it was finished.';
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the brand voice', () => {
  it('is saved in settings and carried by every writer prompt until cleared', async () => {
    const voice = 'We write plainly and warmly. British spelling.';
    const saved = await suite.app
      .as('superAdmin')
      .put('/alwrity/settings', { brandVoice: voice })
      .expect(200);
    expect(saved.body.data.brandVoice).toBe(voice);
    suite.fake.enqueue({ json: postsFor('Spring sale starts Monday.') });
    await generate({ input }).expect(200);
    expect(JSON.stringify(suite.fake.requests[0]!.body)).toContain(voice);

    await suite.app.as('superAdmin').put('/alwrity/settings', { brandVoice: null }).expect(200);
    suite.fake.enqueue({ json: postsFor('Spring sale starts Monday.') });
    await generate({ input }).expect(200);
    expect(JSON.stringify(suite.fake.requests[1]!.body)).not.toContain(voice);

    const tooLong = await suite.app
      .as('superAdmin')
      .put('/alwrity/settings', { brandVoice: 'x'.repeat(5001) })
      .expect(400);
    expect(tooLong.body.error.message).toContain('brandVoice');
  });
});

describe('POST /alwrity/rewrite', () => {
  it('rewrites one field for "Write with AI", streamed or whole, saving nothing', async () => {
    suite.fake.enqueue({ text: 'Bonjour tout le monde.' });
    const generations = await suite.strapi.db.query(GENERATION).count();
    const { body } = await suite.app
      .as('author')
      .post('/alwrity/rewrite', { text: 'Hello everyone.', operation: 'translate', locale: 'fr' })
      .expect(200);
    expect(body.data).toEqual({ text: 'Bonjour tout le monde.' });
    const brief = JSON.stringify(suite.fake.requests[0]!.body);
    expect(brief).toContain('locale \\"fr\\"');
    expect(brief).toContain('Hello everyone.');
    expect(await suite.strapi.db.query(GENERATION).count()).toBe(generations);

    suite.fake.enqueue({ text: 'Hi all, and welcome.' });
    const streamed = await asEventStream(
      suite.app
        .as('author')
        .post('/alwrity/rewrite', { text: 'Hello everyone.', operation: 'tone', tone: 'witty' }),
    ).expect(200);
    const events = parseEvents(String(streamed.body));
    expect(
      events
        .filter((e) => e.event === 'delta')
        .map((e) => e.data.text)
        .join(''),
    ).toBe('Hi all, and welcome.');
    expect(events.at(-1)).toEqual({ event: 'result', data: { text: 'Hi all, and welcome.' } });
  });

  it('answers 400 naming the missing tone or locale', async () => {
    const tone = await suite.app
      .as('author')
      .post('/alwrity/rewrite', { text: 'Hello.', operation: 'tone' })
      .expect(400);
    expect(tone.body.error.message).toContain('tone: is required');
    const locale = await suite.app
      .as('author')
      .post('/alwrity/rewrite', { text: 'Hello.', operation: 'translate' })
      .expect(400);
    expect(locale.body.error.message).toContain('locale: is required');
    await suite.app
      .as('noRole')
      .post('/alwrity/rewrite', { text: 'Hi', operation: 'expand' })
      .expect(403);
  });
});
