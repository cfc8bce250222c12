import adminRoutes from '../../server/routes/admin';
import { waitForStatus } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';

/**
 * Bad input on every route of the route table that takes a body or a query: each case answers
 * 400 with a message naming the field, never 500, and writes nothing. A POST or PUT route added
 * later fails here until it has its entry in BODIES (or takes no body, and refuses one).
 */

const suite = useSuite({ redis: false });

interface AdminRoute {
  method: string;
  path: string;
  handler: string;
  config?: { auth?: false };
}
const routes = (adminRoutes.routes as AdminRoute[]).filter((route) => route.config?.auth !== false);
const label = (route: AdminRoute) => `${route.method} ${route.path}`;

type Path = readonly string[];
interface BodyCase {
  valid: Record<string, unknown>;
  /** A field and a value of the wrong type for it. */
  typed: [Path, unknown];
  /** A string field and its maximum length. */
  long: [Path, number];
  /** Whether `{}` is a valid body (every field optional). */
  emptyOk?: boolean;
}

const ARTICLE = 'api::article.article';
const BODIES: Record<string, BodyCase> = {
  'settings.update': {
    valid: { brandVoice: 'Plain and warm.' },
    typed: [['brandVoice'], 42],
    long: [['brandVoice'], 5000],
    emptyOk: true,
  },
  'settings.testConnection': {
    valid: { provider: 'openai' },
    typed: [['provider'], 7],
    long: [['provider'], 40],
  },
  'generations.create': {
    valid: { prompt: 'Say hello.' },
    typed: [['prompt'], 42],
    long: [['prompt'], 20_000],
  },
  'writers.generate': {
    valid: { input: { topic: 'Spring sale' } },
    typed: [['input'], 'a string'],
    long: [['input', 'topic'], 300],
  },
  'writers.rewrite': {
    valid: { text: 'Hello there.', operation: 'shorten' },
    typed: [['operation'], 1],
    long: [['text'], 50_000],
  },
  'generations.continue': {
    valid: { outline: [{ heading: 'One' }, { heading: 'Two' }] },
    typed: [['outline'], 'not a list'],
    long: [['title'], 200],
  },
  'generations.regenerateSection': {
    valid: { instructions: 'Shorter.' },
    typed: [['instructions'], 5],
    long: [['instructions'], 1000],
    emptyOk: true,
  },
  'seo.analyze': {
    valid: { content: '## Plan\n\nA content calendar helps.', keyphrase: 'content calendar' },
    typed: [['keyphrase'], 7],
    long: [['metaDescription'], 1000],
  },
  'seo.reanalyze': {
    valid: { uid: 'api::article.article' },
    typed: [['uid'], 5],
    long: [['locale'], 20],
  },
  'seo.focus': {
    valid: { keyphrase: 'content calendar' },
    typed: [['synonyms'], 'one, two'],
    long: [['keyphrase'], 200],
  },
  'seo-tools.keywords': {
    valid: { text: '## Plan\n\nA content calendar helps.', keyphrase: 'content calendar' },
    typed: [['synonyms'], 'one, two'],
    long: [['keyphrase'], 200],
  },
  'seo-tools.contentGap': {
    valid: { text: 'A content calendar helps.', competitors: [{ html: '<h2>Templates</h2>' }] },
    typed: [['competitors'], '<h2>Templates</h2>'],
    long: [['title'], 300],
  },
  'seo-tools.structuredData': {
    valid: { entry: { uid: ARTICLE, documentId: 'a1b2c3d4e5f6g7h8i9j0k1l2' }, type: 'Article' },
    typed: [['type'], 5],
    long: [['siteName'], 200],
  },
  'seo-tools.altText': {
    valid: { entry: { uid: ARTICLE, documentId: 'a1b2c3d4e5f6g7h8i9j0k1l2' } },
    typed: [['entry', 'documentId'], 5],
    long: [['entry', 'locale'], 20],
  },
  'seo-tools.setType': {
    valid: {
      enabled: true,
      mapping: {
        title: 'title',
        metaTitle: null,
        metaDescription: null,
        slug: null,
        body: [],
        images: [],
      },
    },
    typed: [['enabled'], 'yes'],
    long: [['mapping', 'title'], 100],
  },
  'site-audits.create': {
    valid: { url: 'http://127.0.0.1:9/', scope: 'site' },
    typed: [['maxPages'], 'ten'],
    long: [['keyphrase'], 100],
  },
  'site-audit-schedules.create': {
    valid: { url: 'http://127.0.0.1:9/', cron: '0 6 * * 1', timezone: 'Europe/Berlin' },
    typed: [['cron'], 5],
    long: [['keyphrase'], 100],
  },
  'site-audit-schedules.update': {
    valid: { enabled: false },
    typed: [['enabled'], 'yes'],
    long: [['keyphrase'], 100],
  },
  'calendar.create': {
    valid: { title: 'Spring sale', timezone: 'Europe/Berlin' },
    typed: [['tags'], 'sale'],
    long: [['title'], 200],
  },
  'calendar.update': {
    valid: { status: 'planned' },
    typed: [['assigneeId'], 'me'],
    long: [['brief'], 5000],
  },
  'calendar-planner.plan': {
    valid: { topics: ['Compost'], perWeek: 1, weeks: 1, start: '2030-01-07', timezone: 'UTC' },
    typed: [['perWeek'], 'three'],
    long: [['audience'], 500],
  },
  'chat.search': {
    valid: { query: 'pricing' },
    typed: [['drafts'], 'yes'],
    long: [['query'], 500],
  },
  'chat.updateIndex': {
    valid: { types: { [ARTICLE]: { enabled: false } } },
    typed: [['types', ARTICLE, 'enabled'], 'yes'],
    long: [['types', ARTICLE, 'fields'], 100],
  },
  'chat.updatePublicSettings': {
    valid: { enabled: false },
    typed: [['enabled'], 'yes'],
    long: [['types', ARTICLE, 'urlPattern'], 300],
    emptyOk: true,
  },
  'chat-sessions.create': {
    valid: { title: 'Pricing questions' },
    typed: [['title'], 7],
    long: [['title'], 120],
    emptyOk: true,
  },
  'chat-sessions.update': {
    valid: { title: 'Pricing questions' },
    typed: [['title'], 7],
    long: [['title'], 120],
  },
  'chat-sessions.send': {
    valid: { content: 'What do we charge?' },
    typed: [['drafts'], 'yes'],
    long: [['content'], 4000],
  },
  'generations.save': {
    valid: { uid: ARTICLE, mapping: { title: 'title' } },
    typed: [['mapping'], 'title'],
    long: [['locale'], 2000],
  },
};
/** List routes and a query of each kind of mistake, with the field it must name. */
const QUERIES: Record<string, [string, string][]> = {
  'jobs.find': [
    ['page=abc', 'page'],
    ['page=100000', 'page'],
    ['pageSize=0', 'pageSize'],
    ['status=exploded', 'status'],
    [`kind=${'k'.repeat(41)}`, 'kind'],
    ['surprise=1', 'surprise'],
  ],
  'seo.overview': [
    ['locale=en', 'uid'],
    ['uid=api::article.article&sort=votes', 'sort'],
    ['uid=api::article.article&rating=great', 'rating'],
    ['uid=api::article.article&pageSize=500', 'pageSize'],
    ['uid=api::article.article&surprise=1', 'surprise'],
  ],
  'site-audits.find': [
    ['scope=everything', 'scope'],
    ['status=exploded', 'status'],
    ['pageSize=101', 'pageSize'],
    ['surprise=1', 'surprise'],
  ],
  'calendar.find': [
    ['to=2026-04-01', 'from'],
    ['from=2026-04-01&to=2026-03-01', 'to'],
    ['from=soon&to=2026-03-01', 'from'],
    ['from=2026-03-01&to=2026-04-01&channel=fax', 'channel'],
    ['from=2026-03-01&to=2026-04-01&surprise=1', 'surprise'],
  ],
  'calendar-releases.find': [
    ['to=2026-04-01', 'from'],
    ['from=2026-04-01&to=2026-03-01', 'to'],
    ['from=2026-03-01&to=2026-04-01&page=2', 'page'],
  ],
  'calendar-feeds.export': [
    ['to=2026-04-01', 'from'],
    ['from=2026-04-01&to=2026-03-01', 'to'],
    ['from=2026-03-01&to=2026-04-01&status=lost', 'status'],
    ['from=2026-03-01&to=2026-04-01&page=2', 'page'],
  ],
  'site-audit-schedules.find': [
    [`host=${'h'.repeat(256)}`, 'host'],
    ['pageSize=101', 'pageSize'],
    ['surprise=1', 'surprise'],
  ],
  'site-audits.pages': [
    ['check=Not A Check', 'check'],
    ['sort=votes', 'sort'],
    ['order=sideways', 'order'],
    [`q=${'q'.repeat(201)}`, 'q'],
    ['surprise=1', 'surprise'],
  ],
  'chat-sessions.find': [
    ['pageSize=101', 'pageSize'],
    ['surprise=1', 'surprise'],
  ],
  'generations.find': [
    ['page=-1', 'page'],
    ['pageSize=101', 'pageSize'],
    ['author=nobody', 'author'],
    ['from=yesterday', 'from'],
    [`q=${'q'.repeat(201)}`, 'q'],
    ['surprise=1', 'surprise'],
  ],
};

const withValue = (body: Record<string, unknown>, path: Path, value: unknown) => {
  const copy = structuredClone(body);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    at[key] = { ...((at[key] as Record<string, unknown>) ?? {}) };
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
  return copy;
};
const nested = (depth: number): unknown => (depth ? { deeper: nested(depth - 1) } : 'bottom');

/** The cases every body route gets: a name, the raw JSON sent, and the field it must name. */
const bodyCases = (entry: BodyCase): [string, string, string][] => {
  const field = (path: Path) => path.join('.');
  return [
    ...(entry.emptyOk ? [] : ([['an empty body', '{}', '']] as [string, string, string][])),
    ['a wrong type', JSON.stringify(withValue(entry.valid, ...entry.typed)), field(entry.typed[0])],
    [
      'a string over its limit',
      JSON.stringify(withValue(entry.valid, entry.long[0], 'x'.repeat(entry.long[1] + 1))),
      field(entry.long[0]),
    ],
    [
      'a deeply nested object',
      JSON.stringify(withValue(entry.valid, entry.typed[0], nested(200))),
      field(entry.typed[0]),
    ],
    ['an unknown key', JSON.stringify({ ...entry.valid, surprise: true }), 'surprise'],
    // Strapi's body parser refuses it before any plugin code runs, with its own 400.
    [
      'a __proto__ key',
      `{"__proto__":{"polluted":true},${JSON.stringify(entry.valid).slice(1)}`,
      'forbidden prototype property',
    ],
    [
      'a constructor key',
      JSON.stringify({ ...entry.valid, constructor: { prototype: { polluted: true } } }),
      'constructor',
    ],
    ['a body that is not JSON', '{"prompt": "unfinished', ''],
  ];
};

/** Everything a request could write: the plugin's rows and its saved settings. */
const written = async () => {
  const uids = Object.keys(suite.strapi.contentTypes).filter((uid) =>
    uid.startsWith('plugin::alwrity.'),
  );
  const counts = await Promise.all(uids.map((uid) => suite.strapi.db.query(uid as never).count()));
  const settings = await suite.strapi
    .store({ type: 'plugin', name: 'alwrity', key: 'settings' })
    .get({});
  const generations = await suite.strapi.db
    .query('plugin::alwrity.generation')
    .findMany({ select: ['documentId', 'status', 'output', 'updatedAt'] });
  return JSON.stringify([counts, settings, generations]);
};

let runId: string;
const urlOf = (route: AdminRoute) =>
  `/alwrity${route.path
    .replace(/:(documentId|id)\b/, runId)
    .replace(':writer', 'social')
    .replace(':index', '0')
    .replace(':uid', 'api::article.article')
    .replace(':entryId', 'a1b2c3d4e5f6g7h8i9j0k1l2')}`;

const send = (route: AdminRoute, raw: string, query = '') =>
  suite.app
    .http()
    [route.method.toLowerCase() as 'post'](`${urlOf(route)}${query ? `?${query}` : ''}`)
    .set('Authorization', `Bearer ${suite.app.tokens.superAdmin}`)
    .set('Content-Type', 'application/json')
    .send(raw);

beforeAll(async () => {
  suite.fake.setDefault({ text: 'Done.' });
  const { body } = await suite.app
    .as('superAdmin')
    .post('/alwrity/generations', { prompt: 'A run to point at.' })
    .expect(202);
  runId = body.data.documentId;
  await waitForStatus(suite.app, runId, 'succeeded');
});

const bodyRoutes = routes.filter((route) => ['POST', 'PUT'].includes(route.method));

describe.each(bodyRoutes.map((route) => [label(route), route] as const))('%s', (_name, route) => {
  const entry = BODIES[route.handler];
  const cases: [string, string, string][] = entry
    ? bodyCases(entry)
    : [
        // A route that takes no body refuses one rather than ignore it.
        ['a body where none is taken', JSON.stringify({ surprise: true }), 'surprise'],
        ['a __proto__ key', '{"__proto__":{"polluted":true}}', 'forbidden prototype property'],
      ];

  it.each(cases)('given %s: 400 naming the field, nothing written', async (_case, raw, field) => {
    const before = await written();
    const response = await send(route, raw);
    expect({ status: response.status, message: response.body?.error?.message }).toEqual({
      status: 400,
      message: expect.stringContaining(field),
    });
    expect(await written()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.each(Object.entries(QUERIES))('GET query of %s', (handler, cases) => {
  const route = routes.find((candidate) => candidate.handler === handler)!;

  it.each(cases)('given ?%s: 400 naming %s', async (query, field) => {
    const response = await send(route, '', query);
    expect({ status: response.status, message: response.body?.error?.message }).toEqual({
      status: 400,
      message: expect.stringContaining(field),
    });
  });
});

describe('every GET route', () => {
  it.each(
    routes
      // Strapi's query parser drops `__proto__` and `constructor` keys before any plugin code.
      .filter((route) => route.method === 'GET')
      .map((route) => [label(route), route] as const),
  )('%s never answers 500 to a hostile query', async (_name, route) => {
    const response = await send(route, '', '__proto__[polluted]=1&constructor[prototype]=1');
    expect(response.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
