import { allowLocales } from '../helpers/permissions';
import { useSuite } from '../helpers/suite';

const suite = useSuite({ redis: false });

const ARTICLE = 'api::article.article';
const article = {
  headline: 'City opens a new composting centre',
  lead: 'The city opened its first composting centre on Monday, taking in food waste from 10,000 homes.',
  body: '## What changes\n\nFood waste goes in the **green** bin.\n\n- Fruit\n- Vegetables',
};

const newsGeneration = async () => {
  suite.fake.enqueue({ json: article });
  const { body } = await suite.app
    .as('author')
    .post('/alwrity/writers/news/generate', { input: { topic: 'The new composting centre' } })
    .expect(200);
  return body.data.documentId as string;
};

const mapping = {
  title: 'title',
  slug: 'slug',
  description: 'description',
  content: 'body',
  'seo.metaTitle': 'title',
};

const CREATE = 'plugin::content-manager.explorer.create';
const authorCreate = async () => {
  const role = await suite.strapi.service('admin::role').findOne({ code: 'strapi-author' });
  return { role: role.id, action: CREATE, subject: ARTICLE };
};
/** What an administrator does by ticking locales for the Author role's "Create" on Article. */
const grantAuthorLocales = (locales: string[]) =>
  allowLocales(suite.strapi, 'strapi-author', 'create', ARTICLE, locales);

beforeAll(async () => {
  await suite.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
  await grantAuthorLocales(['en', 'fr']);
});

describe('GET /alwrity/save-targets', () => {
  it('lists Article with its text fields and the mapping detected from their names', async () => {
    const { body } = await suite.app.as('author').get('/alwrity/save-targets').expect(200);
    const target = body.data.find((t: { uid: string }) => t.uid === ARTICLE);
    expect(target).toMatchObject({
      displayName: 'Article',
      remembered: false,
      mapping: {
        title: 'title',
        slug: 'slug',
        description: 'description',
        content: 'body',
        'seo.metaTitle': 'metaTitle',
        'seo.metaDescription': 'metaDescription',
      },
    });
    expect(target.locales.map((l: { code: string }) => l.code).sort()).toEqual(['en', 'fr']);
    expect(target.fields.map((f: { path: string }) => f.path)).toEqual([
      'title',
      'slug',
      'description',
      'content',
      'seo.metaTitle',
      'seo.metaDescription',
    ]);
  });
});

describe('POST /alwrity/generations/:documentId/save', () => {
  it('creates a draft Article in the requested locale with the mapped fields', async () => {
    const id = await newsGeneration();
    const { body } = await suite.app
      .as('author')
      .post(`/alwrity/generations/${id}/save`, { uid: ARTICLE, locale: 'fr', mapping })
      .expect(201);
    expect(body.data).toEqual({ uid: ARTICLE, documentId: expect.any(String), locale: 'fr' });

    const documents = suite.strapi.documents(ARTICLE);
    const draft = await documents.findOne({
      documentId: body.data.documentId,
      locale: 'fr',
      status: 'draft',
      populate: ['seo', 'createdBy'],
    });
    expect(draft).toMatchObject({
      title: article.headline,
      slug: 'city-opens-a-new-composting-centre',
      description: article.lead,
      content: `${article.lead}\n\n${article.body}`,
      seo: { metaTitle: article.headline },
      publishedAt: null,
      locale: 'fr',
      createdBy: expect.objectContaining({ id: suite.app.users.author.id }),
    });
    // A draft only: nothing published, nothing in the default locale.
    expect(
      await documents.findOne({
        documentId: body.data.documentId,
        locale: 'fr',
        status: 'published',
      }),
    ).toBeNull();
    expect(await documents.findOne({ documentId: body.data.documentId, locale: 'en' })).toBeNull();

    const generation = await suite.app.as('author').get(`/alwrity/generations/${id}`).expect(200);
    expect(generation.body.data.target).toEqual(body.data);

    // The mapping is remembered for the type.
    const targets = await suite.app.as('author').get('/alwrity/save-targets').expect(200);
    expect(targets.body.data.find((t: { uid: string }) => t.uid === ARTICLE)).toMatchObject({
      mapping,
      remembered: true,
    });
  });

  it('refuses (403) a user without the content manager create permission on Article', async () => {
    const id = await newsGeneration();
    const creates = await authorCreate();
    const removed = await suite.strapi.db.query('admin::permission').findMany({ where: creates });
    expect(removed.length).toBeGreaterThan(0);
    await suite.strapi.db.query('admin::permission').deleteMany({ where: creates });
    try {
      const before = await suite.strapi.db.query(ARTICLE).count();
      const { body } = await suite.app
        .as('author')
        .post(`/alwrity/generations/${id}/save`, { uid: ARTICLE, locale: 'en', mapping })
        .expect(403);
      expect(body.error.message).toMatch(/"Create" permission on Article/);
      expect(await suite.strapi.db.query(ARTICLE).count()).toBe(before);
      const targets = await suite.app.as('author').get('/alwrity/save-targets').expect(200);
      expect(targets.body.data.map((t: { uid: string }) => t.uid)).not.toContain(ARTICLE);
    } finally {
      for (const { action, subject, properties, conditions } of removed) {
        await suite.strapi.db.query('admin::permission').create({
          data: { action, subject, properties, conditions, role: creates.role },
        });
      }
    }
  });

  it('refuses (403) a locale the user may not create entries in', async () => {
    const id = await newsGeneration();
    await grantAuthorLocales(['en']);
    try {
      const { body } = await suite.app
        .as('author')
        .post(`/alwrity/generations/${id}/save`, { uid: ARTICLE, locale: 'fr', mapping })
        .expect(403);
      expect(body.error.message).toMatch(/in the fr locale/);
    } finally {
      await grantAuthorLocales(['en', 'fr']);
    }
  });

  it('answers 400 naming the field for a bad body, an unknown field or a missing piece', async () => {
    const id = await newsGeneration();
    const save = (body: object) =>
      suite.app.as('author').post(`/alwrity/generations/${id}/save`, body).expect(400);
    expect((await save({ uid: 'article', mapping })).body.error.message).toMatch(/uid/);
    expect((await save({ uid: ARTICLE, mapping: {} })).body.error.message).toMatch(/mapping/);
    expect(
      (await save({ uid: ARTICLE, mapping: { subtitle: 'title' } })).body.error.message,
    ).toMatch(/mapping\.subtitle: Article has no text field/);
    expect(
      (
        await save({
          uid: ARTICLE,
          mapping: { title: 'title', 'seo.metaDescription': 'metaDescription' },
        })
      ).body.error.message,
    ).toMatch(/this generation has no metaDescription/);
    expect((await save({ uid: ARTICLE, locale: 'de', mapping })).body.error.message).toMatch(
      /locale: de is not one of/,
    );
  });

  it('answers 404 for an unknown generation', async () => {
    await suite.app
      .as('author')
      .post('/alwrity/generations/abcdefghijklmnopqrstuvwx/save', { uid: ARTICLE, mapping })
      .expect(404);
  });
});
