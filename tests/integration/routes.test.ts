import { useSuite } from '../helpers/suite';

const suite = useSuite();

describe('default grants', () => {
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

  const permissionsOf = async (code: string) => {
    const role = await suite.strapi.service('admin::role').findOne({ code });
    const rows = (await suite.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { id: role.id } } })) as {
      id: number;
      action: string;
      conditions: string[];
    }[];
    return Object.fromEntries(rows.map((row) => [row.action, row]));
  };

  it('gives Authors the generation actions with "Is creator" and keeps Strapi\'s own conditions', async () => {
    const author = await permissionsOf('strapi-author');
    expect(author['plugin::alwrity.writer.use']!.conditions).toEqual(['admin::is-creator']);
    expect(author['plugin::alwrity.generations.read']!.conditions).toEqual(['admin::is-creator']);
    expect(author['plugin::alwrity.seo.use']!.conditions).toEqual([]);
    // The admin's own Author defaults, created after the plugin booted, are untouched.
    expect(author['plugin::content-manager.explorer.update']!.conditions).toEqual([
      'admin::is-creator',
    ]);
    const editor = await permissionsOf('strapi-editor');
    expect(editor['plugin::alwrity.generations.read']!.conditions).toEqual([]);
  });

  it('grants each default once: what an admin removed stays removed, a new action is added', async () => {
    const before = await permissionsOf('strapi-author');
    await suite.strapi.db
      .query('admin::permission')
      .delete({ where: { id: before['plugin::alwrity.seo.use']!.id } });
    // As if calendar.read were new in this version: not granted yet, and not on record.
    await suite.strapi.db
      .query('admin::permission')
      .delete({ where: { id: before['plugin::alwrity.calendar.read']!.id } });
    const store = suite.strapi.store({
      type: 'plugin',
      name: 'alwrity',
      key: 'default-permissions',
    });
    const granted = (await store.get({})) as Record<string, string[]>;
    await store.set({
      value: {
        ...granted,
        'strapi-author': granted['strapi-author']!.filter(
          (action) => action !== 'plugin::alwrity.calendar.read',
        ),
      },
    });
    await suite.restart();
    const after = await permissionsOf('strapi-author');
    expect(after['plugin::alwrity.seo.use']).toBeUndefined();
    expect(after['plugin::alwrity.calendar.read']).toBeDefined();
    expect(Object.keys(after).length).toBe(Object.keys(before).length - 1);
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
    ['/alwrity/jobs?page=100000', 'page'],
    ['/alwrity/generations?page=100000', 'page'],
    ['/alwrity/generations?pageSize=101', 'pageSize'],
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
