import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IS_CREATOR } from '../../contracts/permissions';
import { contentCalendar, toMarkdown } from '../fixtures/seo/articles';
import { allowLocales } from '../helpers/permissions';
import { createUser } from '../helpers/strapi';
import { useSuite } from '../helpers/suite';

const suite = useSuite({ redis: false });
const ARTICLE = 'api::article.article';
const AUDIT = 'plugin::alwrity.audit-log';
// A 1×1 PNG.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const createArticle = async (data: Record<string, unknown>, createdBy?: number) =>
  (
    await suite.strapi.documents(ARTICLE as never).create({
      data: { ...data, ...(createdBy ? { createdBy, updatedBy: createdBy } : {}) } as never,
      locale: 'en',
    })
  ).documentId;

const OTHERS = [
  '## Newsletters\n\nA newsletter goes out every week with one clear story per issue and a link to the blog.',
  '## Social media\n\nSocial media posts need a rhythm of their own: short posts, one image and a link.',
  '## Meetings\n\nAn editorial meeting reviews what the team published. Keep the meeting short and the notes shared.',
];

let guide: string;

beforeAll(async () => {
  guide = await createArticle({
    title: 'Content calendar: how to plan posts your team can keep up with',
    slug: 'content-calendar-guide',
    content: toMarkdown(contentCalendar),
    seo: {
      metaTitle: 'Content calendar: plan posts your team can keep up with',
      metaDescription: 'A content calendar keeps your team publishing steadily.',
    },
  });
  for (const [i, content] of OTHERS.entries()) {
    await createArticle({ title: `Other ${i}`, content });
  }
  await allowLocales(suite.strapi, 'strapi-editor', 'read', ARTICLE, ['en']);
  await allowLocales(suite.strapi, 'strapi-editor', 'update', ARTICLE, ['en']);
}, 60_000);

describe('POST /alwrity/seo/tools/keywords', () => {
  it('analyses an entry: its stored keyphrase, terms, and TF-IDF against the other Articles', async () => {
    await suite.app
      .as('editor')
      .put(`/alwrity/seo/reports/${ARTICLE}/${guide}`, {
        keyphrase: 'content calendar',
        locale: 'en',
      })
      .expect(200);
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/keywords', {
        entry: { uid: ARTICLE, documentId: guide, locale: 'en' },
      })
      .expect(200);
    expect(body.data).toMatchObject({
      title: 'Content calendar: how to plan posts your team can keep up with',
      language: 'en',
      keyphrase: { text: 'content calendar', occurrences: 4, inTitle: true, inIntroduction: true },
      corpusDocuments: 3,
    });
    expect(body.data.terms.two[0].term).toBe('content calendar');
    expect(body.data.distinctive[0]).toMatchObject({ term: 'calendar', documents: 0, score: 100 });
  });

  it('compares only with the entries the user may read ("Is creator")', async () => {
    const creator = await createUser(suite.strapi, 'Tools Creator', {
      permissions: [
        { action: 'plugin::alwrity.seo.use' },
        {
          action: 'plugin::content-manager.explorer.read',
          subject: ARTICLE,
          conditions: [IS_CREATOR],
          properties: {
            locales: ['en'],
            fields: ['title', 'slug', 'description', 'content', 'cover', 'seo'],
          },
        },
      ],
    });
    const own = await createArticle(
      { title: 'Mine', content: 'A content calendar of my own, with plans.' },
      creator.id,
    );
    const send = (body: object) =>
      suite.app
        .http()
        .post('/alwrity/seo/tools/keywords')
        .set('Authorization', `Bearer ${creator.token}`)
        .send(body);
    const text = { text: toMarkdown(contentCalendar), keyphrase: 'content calendar', locale: 'en' };
    const { body } = await send({ ...text, compareWith: ARTICLE }).expect(200);
    // Only their own Article counts: not the guide, not the three others.
    expect(body.data.corpusDocuments).toBe(1);
    // The guide is not theirs to read.
    const refused = await send({ entry: { uid: ARTICLE, documentId: guide } });
    expect(refused.status).toBe(404);
    const mine = await send({ entry: { uid: ARTICLE, documentId: own } }).expect(200);
    expect(mine.body.data.corpusDocuments).toBe(0);
    expect(mine.body.data.distinctive).toBeNull();
  });

  it('reads only the fields the user may read: no body, no terms from it', async () => {
    const titlesOnly = await createUser(suite.strapi, 'Titles Only', {
      permissions: [
        { action: 'plugin::alwrity.seo.use' },
        {
          action: 'plugin::content-manager.explorer.read',
          subject: ARTICLE,
          properties: { locales: ['en'], fields: ['title', 'slug'] },
        },
      ],
    });
    const send = (url: string, body: object) =>
      suite.app
        .http()
        .post(url)
        .set('Authorization', `Bearer ${titlesOnly.token}`)
        .send(body)
        .expect(200);
    const entry = { uid: ARTICLE, documentId: guide, locale: 'en' };
    const { body } = await send('/alwrity/seo/tools/keywords', {
      entry,
      keyphrase: 'content calendar',
    });
    expect(body.data.wordCount).toBe(0);
    expect(body.data.corpusDocuments).toBeGreaterThanOrEqual(3);
    expect(body.data.terms.one).toEqual([]);
    // The other entries' bodies are hidden from this user too: nothing to compare.
    expect(body.data.distinctive).toEqual([]);
    const structured = await send('/alwrity/seo/tools/structured-data', { entry, type: 'Article' });
    expect(structured.body.data.jsonLd.headline).toMatch(/^Content calendar/);
    expect(structured.body.data.jsonLd).not.toHaveProperty('description');
  });

  it('analyses a pasted text without comparing it; 400 for both or neither subject', async () => {
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/keywords', {
        text: '<h2>Plan</h2><p>Plan the plan.</p>',
        keyphrase: 'plan',
      })
      .expect(200);
    expect(body.data).toMatchObject({
      corpusDocuments: 0,
      distinctive: null,
      keyphrase: { occurrences: 3 },
    });
    const both = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/keywords', {
        text: 'x',
        entry: { uid: ARTICLE, documentId: guide },
      })
      .expect(400);
    expect(both.body.error.message).toContain('entry: give either an entry or a text');
  });
});

describe('POST /alwrity/seo/tools/content-gap and its AI summary', () => {
  it('finds what the pasted competitor pages cover that the entry lacks', async () => {
    const page = (heading: string, text: string) =>
      `<h1>Rival</h1><h2>${heading}</h2><p>${text}</p><h2>Approval workflow</h2><p>An approval workflow and another approval workflow.</p>`;
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/content-gap', {
        entry: { uid: ARTICLE, documentId: guide, locale: 'en' },
        competitors: [
          { label: 'rival-a', html: page('Calendar templates', 'A template and a template.') },
          { html: page('Free templates', 'Templates, templates.') },
        ],
      })
      .expect(200);
    expect(body.data.pages.map((p: { label: string }) => p.label)).toEqual(['rival-a', 'Page 2']);
    expect(body.data.headings.map((h: { heading: string }) => h.heading)).toContain(
      'Approval workflow',
    );
    expect(body.data.terms.map((t: { term: string }) => t.term)).toEqual(
      expect.arrayContaining(['approval workflow', 'template']),
    );

    // The summary: the unlisted content-gap writer, on the SEO feature's model, audited.
    suite.fake.enqueue({
      json: {
        summary: 'Add a template and an approval workflow.',
        additions: [{ heading: 'Templates', why: 'Both rivals offer one.', points: ['A sheet'] }],
      },
    });
    const advice = await suite.app
      .as('editor')
      .post('/alwrity/writers/content-gap/generate', {
        input: {
          topic: body.data.title,
          sourceNotes: 'Headings the competitors have: Approval workflow',
        },
      })
      .expect(200);
    expect(advice.body.data.output.additions[0].heading).toBe('Templates');
    const audit = await suite.strapi.db.query(AUDIT).findOne({ orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ feature: 'seo', outcome: 'success' });
  });

  it('refuses more than five pages and an empty page, naming the field', async () => {
    const six = Array.from({ length: 6 }, () => ({ html: '<p>x</p>' }));
    const tooMany = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/content-gap', { text: 'x', competitors: six })
      .expect(400);
    expect(tooMany.body.error.message).toContain('competitors');
    const empty = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/content-gap', { text: 'x', competitors: [{ html: '' }] })
      .expect(400);
    expect(empty.body.error.message).toContain('competitors.0.html');
  });
});

describe('POST /alwrity/seo/tools/structured-data', () => {
  it('builds Article JSON-LD and social tags from the entry, dated once published', async () => {
    const ask = () =>
      suite.app
        .as('editor')
        .post('/alwrity/seo/tools/structured-data', {
          entry: { uid: ARTICLE, documentId: guide, locale: 'en' },
          type: 'Article',
          baseUrl: 'https://example.com',
          urlPattern: '/blog/{slug}',
          siteName: 'Example',
        })
        .expect(200);
    const draft = await ask();
    expect(draft.body.data.jsonLd).toMatchObject({
      '@type': 'Article',
      headline: 'Content calendar: how to plan posts your team can keep up with',
      mainEntityOfPage: 'https://example.com/blog/content-calendar-guide',
      description: 'A content calendar keeps your team publishing steadily.',
      publisher: { name: 'Example' },
    });
    expect(draft.body.data.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['datePublished', 'image']),
    );
    expect(draft.body.data.social.tags).toContainEqual({
      property: 'og:url',
      content: 'https://example.com/blog/content-calendar-guide',
    });
    await suite.strapi
      .documents(ARTICLE as never)
      .publish({ documentId: guide, locale: 'en' } as never);
    const published = await ask();
    expect(published.body.data.jsonLd.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(published.body.data.issues.map((i: { path: string }) => i.path)).not.toContain(
      'datePublished',
    );
  });

  it('an FAQPage without question headings is an error naming mainEntity; a price needs its currency', async () => {
    const faq = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/structured-data', {
        entry: { uid: ARTICLE, documentId: guide },
        type: 'FAQPage',
      })
      .expect(200);
    expect(faq.body.data.issues).toContainEqual(
      expect.objectContaining({ path: 'mainEntity', severity: 'error' }),
    );
    const price = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/structured-data', {
        entry: { uid: ARTICLE, documentId: guide },
        type: 'Product',
        offer: { price: '12,50' },
      })
      .expect(400);
    expect(price.body.error.message).toContain('offer.price');
    const pattern = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/structured-data', {
        entry: { uid: ARTICLE, documentId: guide },
        type: 'Article',
        baseUrl: 'https://example.com',
        urlPattern: '//[{slug}',
      })
      .expect(400);
    expect(pattern.body.error.message).toContain('urlPattern');
  });
});

describe('POST /alwrity/seo/tools/alt-text', () => {
  it("describes the entry's images without alt text through the model's vision input", async () => {
    const upload = await suite.app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${suite.app.tokens.superAdmin}`)
      .attach('files', PIXEL, { filename: 'compost-bin.png', contentType: 'image/png' })
      .expect(201);
    const file = upload.body[0];
    const withImage = await createArticle({
      title: 'Composting at home',
      content: 'Compost your kitchen waste in a bin.',
      cover: file.id,
    });
    suite.fake.reset();
    suite.fake.enqueue({ json: { alt: 'A green compost bin full of kitchen scraps' } });
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/alt-text', {
        entry: { uid: ARTICLE, documentId: withImage, locale: 'en' },
      })
      .expect(200);
    expect(body.data).toEqual({
      withAlt: 0,
      images: [
        {
          fileId: file.id,
          name: 'compost-bin.png',
          url: file.url,
          suggestion: 'A green compost bin full of kitchen scraps',
          error: null,
        },
      ],
    });
    const sent = suite.fake.requests[0]!.body.messages[1].content;
    // The file as the media library stores it (it may re-encode an upload).
    const stored = await readFile(path.join(suite.strapi.dirs.static.public, file.url));
    expect(sent[1]).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${stored.toString('base64')}` },
    });
    expect(sent[0].text).toContain('Composting at home');

    // Applied through the media library's own route; the next request has nothing to describe.
    await suite.app
      .as('superAdmin')
      .put(`/upload/files/${file.id}`, {
        fileInfo: { alternativeText: body.data.images[0].suggestion },
      })
      .expect(200);
    const again = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/alt-text', { entry: { uid: ARTICLE, documentId: withImage } })
      .expect(200);
    expect(again.body.data).toEqual({ withAlt: 1, images: [] });
    expect(suite.fake.requests).toHaveLength(1);
  });

  it('a model call that fails is that image’s error, not the request’s', async () => {
    const upload = await suite.app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${suite.app.tokens.superAdmin}`)
      .attach('files', PIXEL, { filename: 'worm-bin.png', contentType: 'image/png' })
      .expect(201);
    const entry = await createArticle({
      title: 'Worms',
      content: 'Worms.',
      cover: upload.body[0].id,
    });
    suite.fake.reset();
    suite.fake.enqueue({ status: 400, errorMessage: 'This model does not read images.' });
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/alt-text', { entry: { uid: ARTICLE, documentId: entry } })
      .expect(200);
    expect(body.data.images[0]).toMatchObject({ fileId: upload.body[0].id, suggestion: null });
    expect(body.data.images[0].error).toEqual(expect.any(String));
  });

  it('says why an image cannot be described instead of calling the model', async () => {
    const upload = await suite.app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${suite.app.tokens.superAdmin}`)
      .attach('files', Buffer.from('%PDF-1.4'), {
        filename: 'brochure.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    const entry = await createArticle({
      title: 'Brochure',
      content: 'Read it.',
      cover: upload.body[0].id,
    });
    suite.fake.reset();
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/alt-text', { entry: { uid: ARTICLE, documentId: entry } })
      .expect(200);
    expect(body.data.images[0]).toMatchObject({
      suggestion: null,
      error: expect.stringContaining('not a picture'),
    });
    expect(suite.fake.requests).toHaveLength(0);
  });
});

describe('PUT /alwrity/seo/types/:uid', () => {
  const mapping = {
    title: 'title',
    metaTitle: 'seo.metaTitle',
    metaDescription: null,
    slug: 'slug',
    body: ['content'],
    images: [],
  };

  it('saves whether a type is analysed and its mapping; a field that does not exist is a 400', async () => {
    const { body } = await suite.app
      .as('superAdmin')
      .put(`/alwrity/seo/types/${ARTICLE}`, { enabled: true, mapping })
      .expect(200);
    expect(body.data).toMatchObject({ uid: ARTICLE, enabled: true, remembered: true, mapping });
    const types = await suite.app.as('editor').get('/alwrity/seo/types').expect(200);
    expect(types.body.data.find((type: { uid: string }) => type.uid === ARTICLE).mapping).toEqual(
      mapping,
    );

    const wrong = await suite.app
      .as('superAdmin')
      .put(`/alwrity/seo/types/${ARTICLE}`, {
        enabled: true,
        mapping: { ...mapping, body: ['content', 'summary'] },
      })
      .expect(400);
    expect(wrong.body.error.message).toContain('mapping.body.1: summary is not a text');

    await suite.app
      .as('superAdmin')
      .put(`/alwrity/seo/types/${ARTICLE}`, { enabled: false, mapping })
      .expect(200);
    const off = await suite.app.as('editor').post('/alwrity/seo/tools/structured-data', {
      entry: { uid: ARTICLE, documentId: guide },
      type: 'Article',
    });
    expect(off.status).toBe(400);
    expect(off.body.error.message).toContain('not enabled');
    await suite.app
      .as('superAdmin')
      .put(`/alwrity/seo/types/${ARTICLE}`, { enabled: true, mapping })
      .expect(200);
  });
});
