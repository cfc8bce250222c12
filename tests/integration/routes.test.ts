import { useSuite } from '../helpers/suite';

const suite = useSuite();

interface RouteCase {
  method: 'get' | 'post' | 'put';
  path: string;
  body?: object;
  /** Status for a user holding the permission. */
  ok: number;
}

/** Every plugin route, with a request that succeeds for the super admin. */
const routes = (jobId: string): RouteCase[] => [
  { method: 'get', path: '/alwrity/settings', ok: 200 },
  { method: 'put', path: '/alwrity/settings', body: { fallbackProvider: 'gemini' }, ok: 200 },
  {
    method: 'post',
    path: '/alwrity/settings/test-connection',
    body: { provider: 'openai' },
    ok: 200,
  },
  { method: 'get', path: '/alwrity/jobs', ok: 200 },
  { method: 'get', path: `/alwrity/jobs/${jobId}`, ok: 200 },
  { method: 'get', path: `/alwrity/jobs/${jobId}/events`, ok: 200 },
  { method: 'post', path: `/alwrity/jobs/${jobId}/retry`, ok: 200 },
  { method: 'post', path: `/alwrity/jobs/${jobId}/cancel`, ok: 200 },
  { method: 'post', path: '/alwrity/generations', body: { prompt: 'Say hello' }, ok: 202 },
  // The board's page itself is guarded by the session cookie (see board.test.ts).
  { method: 'post', path: '/alwrity/board/session', ok: 200 },
  { method: 'get', path: '/alwrity/writers', ok: 200 },
];

describe('every plugin route sits behind authentication and its RBAC action', () => {
  let jobId: string;

  beforeAll(async () => {
    // A finished job to read, retry and then cancel.
    suite.fake.setDefault({ text: 'Done.' });
    const created = await suite.app
      .as('superAdmin')
      .post('/alwrity/generations', { prompt: 'First' })
      .expect(202);
    jobId = created.body.data.documentId;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const { body } = await suite.app.as('superAdmin').get(`/alwrity/jobs/${jobId}`);
      if (body.data?.status === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Retry needs a failed or canceled job: slow the next run so cancel finds it queued or running.
    suite.fake.setDefault({ text: 'Again.', firstTokenDelayMs: 3000 });
    await suite.strapi.db
      .query('plugin::alwrity.generation')
      .update({ where: { documentId: jobId }, data: { status: 'failed' } });
  });

  it('answers 401 to a request without a token', async () => {
    for (const route of routes(jobId)) {
      const response = await suite.app
        .http()
        [route.method](route.path)
        .send(route.body ?? {});
      expect({ route: route.path, status: response.status }).toEqual({
        route: route.path,
        status: 401,
      });
    }
  });

  it('answers 403 to a user whose role holds none of the plugin actions', async () => {
    for (const route of routes(jobId)) {
      const response = await suite.app.as('noRole')[route.method](route.path, route.body);
      expect({ route: route.path, status: response.status }).toEqual({
        route: route.path,
        status: 403,
      });
    }
  });

  it('answers the super admin, who holds every action', async () => {
    for (const route of routes(jobId)) {
      const response = route.path.endsWith('/events')
        ? // An event stream of a failed job sends its snapshot and ends.
          await suite.app
            .as('superAdmin')
            .get(route.path)
            .buffer(true)
            .parse((res, done) => {
              let text = '';
              res.on('data', (chunk: Buffer) => (text += chunk.toString()));
              res.on('end', () => done(null, text));
            })
        : await suite.app.as('superAdmin')[route.method](route.path, route.body);
      expect({ route: route.path, status: response.status }).toEqual({
        route: route.path,
        status: route.ok,
      });
    }
  });

  it('gives Editors every action but settings, and Authors the writer but not jobs or settings', async () => {
    await suite.app.as('editor').get('/alwrity/jobs').expect(200);
    await suite.app.as('editor').get('/alwrity/settings').expect(403);
    await suite.app.as('editor').post('/alwrity/generations', { prompt: 'Editor' }).expect(202);
    await suite.app.as('author').post('/alwrity/generations', { prompt: 'Author' }).expect(202);
    await suite.app.as('author').get('/alwrity/jobs').expect(403);
    await suite.app
      .as('author')
      .put('/alwrity/settings', { defaultProvider: 'gemini' })
      .expect(403);
  });
});

describe('bad input gets a 400 that names the field, and writes nothing', () => {
  it.each([
    [
      'put',
      '/alwrity/settings',
      { providers: { openai: { baseURL: 'not a url' } } },
      'providers.openai.baseURL',
    ],
    ['put', '/alwrity/settings', { defaultProvider: 'anthropic' }, 'defaultProvider'],
    ['put', '/alwrity/settings', { surprise: true }, 'surprise'],
    ['post', '/alwrity/settings/test-connection', { provider: 'nope' }, 'provider'],
    ['post', '/alwrity/generations', {}, 'prompt'],
    ['post', '/alwrity/generations', { prompt: 'x', maxOutputTokens: -1 }, 'maxOutputTokens'],
  ] as const)('%s %s %j → names %s', async (method, path, body, field) => {
    const before = await suite.strapi.db.query('plugin::alwrity.generation').count({});
    const response = await suite.app.as('superAdmin')[method](path, body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
    expect(await suite.strapi.db.query('plugin::alwrity.generation').count({})).toBe(before);
  });

  it.each([
    ['/alwrity/jobs?page=0', 'page'],
    ['/alwrity/jobs?pageSize=1000', 'pageSize'],
    ['/alwrity/jobs?status=exploded', 'status'],
    ['/alwrity/jobs/NOT-AN-ID', 'id'],
  ])('GET %s → names %s', async (path, field) => {
    const response = await suite.app.as('superAdmin').get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
  });

  it('answers 404 for a job id that does not exist', async () => {
    await suite.app.as('superAdmin').get('/alwrity/jobs/abcdefghijklmnopqrstuvwx').expect(404);
  });
});
