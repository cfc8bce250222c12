import { NOT_FOUND_ANSWER, type PublicAnswer, type SearchHit } from '../../contracts/chat';
import { asEventStream, parseEvents } from '../helpers/jobs';
import { indexTypes } from '../helpers/chat';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

/**
 * The site assistant on the Content API: off until enabled, behind the users-permissions action
 * an admin grants the Public role, published text of opted-in types only, cited by public URL,
 * rate limited per address in Redis, within a daily token budget.
 */

const suite = useSuite();
const ARTICLE = 'api::article.article';
const PAGE = 'api::page.page';
const ACTION = 'plugin::alwrity.public-ask.ask';

const ask = (body: object) => suite.app.http().post('/api/alwrity/ask').send(body);

const setPublic = (settings: object) =>
  suite.app.as('superAdmin').put('/alwrity/chat/public', settings).expect(200);

const grantPublic = async () => {
  const role = await suite.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  await suite.strapi.db
    .query('plugin::users-permissions.permission')
    .create({ data: { action: ACTION, role: role.id } });
};

/** What the model was sent last. */
const lastPrompt = () =>
  JSON.stringify(suite.fake.requests.filter((each) => each.kind === 'chat').at(-1)?.body ?? {});

beforeAll(async () => {
  await indexTypes(suite.app, { [ARTICLE]: true, [PAGE]: true });
  const documents = suite.strapi.documents(ARTICLE as never);
  const published = await documents.create({
    data: {
      title: 'Opening hours',
      slug: 'opening-hours',
      content: 'Our support desk is open from eight to six on weekdays.',
    },
  } as never);
  await documents.publish({ documentId: published.documentId } as never);
  // The draft says something the published version does not.
  await documents.update({
    documentId: published.documentId,
    data: { content: 'Secret draft: the support desk will close on weekdays from March.' },
  } as never);
  await documents.create({
    data: { title: 'Unreleased desk plans', content: 'Draft only: a support desk in Lisbon.' },
  } as never);
  const page = await suite.strapi
    .documents(PAGE as never)
    .create({ data: { title: 'Support desk staffing page', slug: 'staffing' } } as never);
  await suite.strapi.documents(PAGE as never).publish({ documentId: page.documentId } as never);
  await waitUntil('the entries indexed', async () => {
    const { body } = await suite.app
      .as('superAdmin')
      .post('/alwrity/chat/search', { query: 'support desk weekdays', limit: 20 });
    const hits = body.data as SearchHit[];
    return (
      (hits.some((hit) => hit.text.includes('Secret draft')) &&
        hits.some((hit) => hit.status === 'published' && hit.uid === ARTICLE) &&
        hits.some((hit) => hit.uid === PAGE)) ||
      undefined
    );
  });
});

describe('POST /api/alwrity/ask', () => {
  it('answers 403 until the users-permissions action is granted, then 404 while it is off', async () => {
    await ask({ question: 'When is the support desk open?' }).expect(403);
    await grantPublic();
    const off = await ask({ question: 'When is the support desk open?' }).expect(404);
    expect(off.body.error.message).toContain('not enabled');
  });

  it('answers from published text of opted-in types only, citing public URLs', async () => {
    await setPublic({ enabled: true, types: { [ARTICLE]: { urlPattern: '/blog/{slug}' } } });
    suite.fake.enqueue({ text: 'The desk is open from eight to six on weekdays [1].' });
    const { body } = await ask({ question: 'When is the support desk open?' }).expect(200);
    const answer = body.data as PublicAnswer;
    expect(answer.answer).toBe('The desk is open from eight to six on weekdays [1].');
    expect(answer.citations).toEqual([
      { n: 1, title: 'Opening hours', type: 'Article', locale: 'en', url: '/blog/opening-hours' },
    ]);
    const prompt = lastPrompt();
    expect(prompt).toContain('from eight to six on weekdays');
    expect(prompt).not.toContain('Secret draft');
    expect(prompt).not.toContain('Lisbon');
    expect(prompt).not.toContain('staffing');
  });

  it('streams when asked, and says so without a model call when nothing published matches', async () => {
    const calls = suite.fake.requests.length;
    const response = await asEventStream(ask({ question: 'Do you sell zeppelins?' })).expect(200);
    const events = parseEvents(response.body as string);
    expect(events.map((event) => event.event)).toEqual(['citations', 'delta', 'result']);
    expect((events.at(-1)!.data as PublicAnswer).answer).toBe(NOT_FOUND_ANSWER);
    expect(suite.fake.requests.length).toBe(calls);
  });

  it('names a bad field, and a question over the set length', async () => {
    const missing = await ask({}).expect(400);
    expect(missing.body.error.message).toContain('question');
    await setPublic({ questionMax: 20 });
    const long = await ask({ question: 'A question far longer than twenty characters?' }).expect(
      400,
    );
    expect(long.body.error.message).toContain('at most 20');
    await setPublic({ questionMax: 500 });
  });

  it('refuses past the rate limit with 429 and Retry-After', async () => {
    await setPublic({ perIpPerMinute: 2 });
    suite.fake.setDefault({ text: 'Eight to six [1].' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await ask({ question: 'support desk hours?' })).status);
    }
    // Requests before this test count too (same address): at least the last ones are refused.
    expect(statuses.at(-1)).toBe(429);
    const refused = await ask({ question: 'support desk hours?' }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    await setPublic({ perIpPerMinute: 1000 });
  });

  it('stops for the day once the token budget is spent', async () => {
    await setPublic({ dailyTokenBudget: 1 });
    const refused = await ask({ question: 'support desk hours?' }).expect(429);
    expect(refused.body.error.message).toContain('today');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
