import { useSuite } from '../helpers/suite';

const suite = useSuite({ redis: false });

const story = (title: string) => ({ title, synopsis: 'A short synopsis.', story: 'Once...' });
const social = {
  posts: [{ network: 'linkedin', variants: [{ parts: ['Spring is here.'], hashtags: [] }] }],
};

const run = async (role: 'author' | 'editor', writer: string, topic: string, answer: object) => {
  suite.fake.enqueue({ json: answer });
  const response = await suite.app.as(role).post(`/alwrity/writers/${writer}/generate`, {
    input: { topic, ...(writer === 'social' ? { variants: 1 } : {}) },
  });
  return response.body.data?.documentId as string | undefined;
};

// The Editor reads everyone's runs (an Author only their own: see route-matrix.test.ts).
const history = (query = '') => suite.app.as('editor').get(`/alwrity/generations${query}`);

const ids: Record<string, string> = {};

beforeAll(async () => {
  ids.first = (await run('author', 'story', 'A fox and a lantern', story('The Fox')))!;
  ids.second = (await run('editor', 'social', 'Our SPRING sale', social))!;
  ids.third = (await run('author', 'story', 'The spring thaw', story('Thaw')))!;
  // A failed run is history too.
  suite.fake.enqueue({ text: 'not json' }, { text: 'still not json' });
  await suite.app
    .as('editor')
    .post('/alwrity/writers/story/generate', { input: { topic: 'Broken tale' } })
    .expect(502);
});

describe('the generation history', () => {
  it('lists runs newest first, paged, without their input and output', async () => {
    const { body } = await history('?pageSize=2').expect(200);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 2, total: 4, pageCount: 2 });
    expect(body.data.map((row: { title: string }) => row.title)).toEqual([
      'Story: Broken tale',
      'Story: The spring thaw',
    ]);
    expect(body.data[0]).not.toHaveProperty('output');
    expect(body.data[0]).not.toHaveProperty('input');
    const next = await history('?pageSize=2&page=2').expect(200);
    expect(next.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([
      ids.second,
      ids.first,
    ]);
  });

  it('filters by writer, status, author, title and date', async () => {
    const titles = async (query: string) =>
      (await history(query).expect(200)).body.data.map((row: { title: string }) => row.title);
    expect(await titles('?kind=social')).toEqual(['Social posts: Our SPRING sale']);
    expect(await titles('?status=failed')).toEqual(['Story: Broken tale']);
    expect(await titles(`?author=${suite.app.users.editor.id}`)).toEqual([
      'Story: Broken tale',
      'Social posts: Our SPRING sale',
    ]);
    expect(await titles('?q=spring')).toEqual([
      'Story: The spring thaw',
      'Social posts: Our SPRING sale',
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await titles(`?from=${today}&to=${today}`)).toHaveLength(4);
    expect(await titles(`?from=${tomorrow}`)).toEqual([]);
    expect(await titles(`?to=${yesterday}`)).toEqual([]);
  });

  it('opens one generation with its input, output and author', async () => {
    const { body } = await suite.app
      .as('editor')
      .get(`/alwrity/generations/${ids.second}`)
      .expect(200);
    expect(body.data).toMatchObject({
      documentId: ids.second,
      kind: 'social',
      status: 'succeeded',
      input: { topic: 'Our SPRING sale' },
      output: social,
      author: { id: suite.app.users.editor.id, name: 'editor Tester' },
    });
    await suite.app.as('author').get('/alwrity/generations/abcdefghij0123456789xyza').expect(404);
  });

  it('refuses bad queries with a 400 naming the field, and users without generations.read', async () => {
    const bad = await history('?status=done').expect(400);
    expect(bad.body.error.message).toContain('status');
    expect((await history('?pageSize=500').expect(400)).body.error.message).toContain('pageSize');
    expect((await history('?sort=title').expect(400)).body.error.message).toContain('sort');
    expect((await history('?from=yesterday').expect(400)).body.error.message).toContain('from');
    await suite.app.as('author').get('/alwrity/generations/NOT-AN-ID').expect(400);
    await suite.app.as('noRole').get('/alwrity/generations').expect(403);
    await suite.app.http().get('/alwrity/generations').expect(401);
  });
});
