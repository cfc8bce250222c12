import type { SearchHit } from '../../contracts/chat';
import { addArticleRole, articleReader } from '../helpers/permissions';
import { indexTypes } from '../helpers/chat';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

/** The content index: kept in sync with entries by the Document Service middleware, searched under the caller's read permissions. */

const suite = useSuite();
const ARTICLE = 'api::article.article';
const PAGE = 'api::page.page';

const articles = () => suite.strapi.documents(ARTICLE as never);
const pages = () => suite.strapi.documents(PAGE as never);

const search = async (token: string, body: Record<string, unknown>) =>
  (
    await suite.app
      .http()
      .post('/alwrity/chat/search')
      .set('Authorization', `Bearer ${token}`)
      .send(body)
      .expect(200)
  ).body.data as SearchHit[];

const superSearch = (query: string, extra: Record<string, unknown> = {}) =>
  search(suite.app.tokens.superAdmin, { query, ...extra });

/** Waits until the index answers `query` as `check` wants (jobs run a moment after a save). */
const eventually = (what: string, query: string, check: (hits: SearchHit[]) => boolean) =>
  waitUntil(what, async () => {
    const hits = await superSearch(query);
    return check(hits) ? hits : undefined;
  });

beforeAll(async () => {
  await indexTypes(suite.app, { [ARTICLE]: true, [PAGE]: true });
});

describe('the content index settings', () => {
  it('names the type and field at fault', async () => {
    const unknownField = await suite.app
      .as('superAdmin')
      .put('/alwrity/chat/index', { types: { [ARTICLE]: { enabled: true, fields: ['cover'] } } })
      .expect(400);
    expect(unknownField.body.error.message).toContain(`types.${ARTICLE}.fields`);
    const unknownType = await suite.app
      .as('superAdmin')
      .put('/alwrity/chat/index', { types: { 'api::nothing.nothing': { enabled: true } } })
      .expect(400);
    expect(unknownType.body.error.message).toContain('types.api::nothing.nothing');
  });

  it('shows what is indexed, with the text fields each type offers', async () => {
    const view = (await suite.app.as('superAdmin').get('/alwrity/chat/index').expect(200)).body
      .data;
    const article = view.types.find((type: { uid: string }) => type.uid === ARTICLE);
    expect(article).toMatchObject({ enabled: true, fields: null });
    expect(article.candidates).toEqual(
      expect.arrayContaining(['title', 'description', 'content', 'seo']),
    );
    expect(article.candidates).not.toContain('cover');
  });
});

describe('keeping the index in sync', () => {
  it('indexes a new entry, re-indexes an update, and forgets the old text', async () => {
    const created = await articles().create({
      data: {
        title: 'Pricing plans explained',
        content: '## Tiers\n\nOur starter tier costs nine euros a month.',
      },
    } as never);
    const found = await eventually('the new article', 'starter tier', (hits) =>
      hits.some((hit) => hit.documentId === created.documentId),
    );
    expect(found[0]).toMatchObject({
      uid: ARTICLE,
      documentId: created.documentId,
      locale: 'en',
      status: 'draft',
      field: 'content',
      title: 'Pricing plans explained',
      link: `/admin/content-manager/collection-types/${ARTICLE}/${created.documentId}?plugins[i18n][locale]=en`,
    });
    expect(found[0]!.text).toContain('Tiers\nOur starter tier costs nine euros a month.');

    await articles().update({
      documentId: created.documentId,
      data: { content: 'The premium bundle includes priority support.' },
    } as never);
    await eventually('the updated text', 'premium bundle', (hits) =>
      hits.some((hit) => hit.documentId === created.documentId),
    );
    const old = await superSearch('starter tier');
    expect(old.filter((hit) => hit.documentId === created.documentId)).toEqual([]);
  });

  it('re-indexes an entry changed inside a longer transaction once it commits', async () => {
    const created = await articles().create({
      data: { title: 'Lighthouse keeper log', content: 'The lamp burns whale oil.' },
    } as never);
    await eventually('the lighthouse', 'whale oil', (hits) =>
      hits.some((hit) => hit.documentId === created.documentId),
    );
    await suite.strapi.db.transaction(async () => {
      await articles().update({
        documentId: created.documentId,
        data: { content: 'The lamp now runs on kerosene.' },
      } as never);
      // Longer than an index job's debounce: one started at the save would read the old text.
      await new Promise((resolve) => setTimeout(resolve, 1200));
    });
    await eventually('the committed text', 'kerosene', (hits) =>
      hits.some((hit) => hit.documentId === created.documentId),
    );
    const old = await superSearch('whale oil');
    expect(old.filter((hit) => hit.documentId === created.documentId)).toEqual([]);
  });

  it('labels published text, searches drafts only when asked, and follows unpublish and delete', async () => {
    const created = await articles().create({
      data: { title: 'Onboarding checklist', description: 'Invite your colleagues first.' },
    } as never);
    const ours = (hits: SearchHit[]) => hits.filter((hit) => hit.documentId === created.documentId);
    await eventually('the draft', 'colleagues', (hits) => ours(hits).length > 0);
    expect(ours(await superSearch('colleagues', { drafts: false }))).toEqual([]);

    await articles().publish({ documentId: created.documentId } as never);
    // The draft says what the published version says: one passage, the published one.
    const published = await eventually('the published version', 'colleagues', (hits) =>
      ours(hits).some((hit) => hit.status === 'published'),
    );
    expect(ours(published)).toEqual([expect.objectContaining({ status: 'published' })]);
    expect(ours(await superSearch('colleagues', { drafts: false }))).toHaveLength(1);

    // A draft that differs is its own passage again, labelled as such.
    await articles().update({
      documentId: created.documentId,
      data: { description: 'Invite your colleagues first, then your clients.' },
    } as never);
    const both = await eventually('the new draft beside the published text', 'colleagues', (hits) =>
      ['draft', 'published'].every((status) => ours(hits).some((hit) => hit.status === status)),
    );
    expect(ours(both).find((hit) => hit.status === 'draft')!.text).toContain('clients');
    const onlyPublished = ours(await superSearch('colleagues', { drafts: false }));
    expect(onlyPublished.map((hit) => hit.text)).toEqual(['Invite your colleagues first.']);

    await articles().unpublish({ documentId: created.documentId } as never);
    await eventually('the published version gone', 'colleagues', (hits) =>
      hits.every((hit) => hit.documentId !== created.documentId || hit.status === 'draft'),
    );
    expect(
      (await superSearch('colleagues')).some((hit) => hit.documentId === created.documentId),
    ).toBe(true);

    await articles().delete({ documentId: created.documentId } as never);
    await eventually('the deleted entry gone', 'colleagues', (hits) =>
      hits.every((hit) => hit.documentId !== created.documentId),
    );
  });

  it('reads text inside dynamic zones and components, with the path a citation names', async () => {
    const page = await pages().create({
      data: {
        title: 'Help centre',
        sections: [
          { __component: 'shared.quote', text: 'Support answers within one hour.' },
          {
            __component: 'shared.faq',
            items: [{ question: 'Can I export invoices?', answer: 'Yes, as CSV from billing.' }],
          },
        ],
      },
    } as never);
    const hits = await eventually('the page sections', 'invoices billing', (found) =>
      found.some((hit) => hit.documentId === page.documentId),
    );
    expect(hits.find((hit) => hit.documentId === page.documentId)!.field).toMatch(
      /^sections\[1\]\.items\[0\]\.(question|answer)$/,
    );
  });
});

describe('retrieval under the caller’s read permissions', () => {
  it('never shows a Page to a user who may read Articles only', async () => {
    await pages().create({ data: { title: 'Secret roadmap zeppelin' } } as never);
    await articles().create({ data: { title: 'Public zeppelin story' } } as never);
    await eventually('both zeppelins', 'zeppelin', (hits) => hits.length >= 2);
    const reader = await articleReader(suite.strapi, 'Article reader');
    const hits = await search(reader.token, { query: 'zeppelin' });
    expect(hits.map((hit) => hit.title)).toEqual(['Public zeppelin story']);
  });

  it('limits an "Is creator" reader to their own entries', async () => {
    const own = await articleReader(suite.strapi, 'Own articles', ['admin::is-creator']);
    const mine = await articles().create({
      data: { title: 'Walrus migration notes', createdBy: own.id, updatedBy: own.id },
    } as never);
    await articles().create({ data: { title: 'Walrus feeding guide' } } as never);
    await eventually('both walruses', 'walrus', (hits) => hits.length >= 2);
    const hits = await search(own.token, { query: 'walrus' });
    expect(hits.map((hit) => hit.documentId)).toEqual([mine.documentId]);
  });

  it('matches and names an entry by its title only for a reader who may read the title', async () => {
    const reader = await articleReader(suite.strapi, 'Content reader', [], ['content']);
    const entry = await articles().create({
      data: { title: 'Narwhal tusk facts', content: 'Their ivory grows in a left-handed spiral.' },
    } as never);
    await eventually('the narwhal', 'narwhal', (hits) =>
      hits.some((hit) => hit.documentId === entry.documentId),
    );
    expect(await search(reader.token, { query: 'narwhal' })).toEqual([]);
    const hits = await search(reader.token, { query: 'ivory spiral' });
    expect(hits.map((hit) => [hit.documentId, hit.title, hit.field])).toEqual([
      [entry.documentId, entry.documentId, 'content'],
    ]);
  });

  it('gives each entry the fields of the roles whose conditions it meets', async () => {
    // Titles of every Article, and all of their own: others' text stays out of reach.
    const user = await articleReader(suite.strapi, 'Two roles', [], ['title']);
    await addArticleRole(suite.strapi, user.id, ['admin::is-creator']);
    const mine = await articles().create({
      data: {
        title: 'Otter den survey',
        content: 'Sea otters wrap themselves in kelp to sleep.',
        createdBy: user.id,
        updatedBy: user.id,
      },
    } as never);
    await articles().create({
      data: { title: 'Otter pup census', content: 'Pups float on kelp while their mothers dive.' },
    } as never);
    await eventually('both otters', 'kelp', (hits) => hits.length >= 2);
    const hits = await search(user.token, { query: 'kelp' });
    expect(hits.map((hit) => [hit.documentId, hit.title])).toEqual([
      [mine.documentId, 'Otter den survey'],
    ]);
  });

  it('answers 403 without chat.use and 400 naming a bad field', async () => {
    await suite.app.as('noRole').post('/alwrity/chat/search', { query: 'walrus' }).expect(403);
    const bad = await suite.app
      .as('superAdmin')
      .post('/alwrity/chat/search', { query: 'walrus', limit: 500 })
      .expect(400);
    expect(bad.body.error.message).toContain('limit');
  });
});

describe('"Re-index all"', () => {
  it('indexes 1,000 entries as a job with progress, and drops what no longer exists', async () => {
    await indexTypes(suite.app, { [ARTICLE]: false });
    for (let i = 0; i < 1000; i += 1) {
      await articles().create({
        data: { title: `Catalogue entry ${i}`, description: `Item number ${i} of the archive.` },
      } as never);
    }
    const enabled = await indexTypes(suite.app, { [ARTICLE]: true });
    const job = enabled.rebuild!.documentId;
    const done = await waitUntil(
      'the re-index job',
      async () => {
        const view = (await suite.app.as('superAdmin').get(`/alwrity/jobs/${job}`).expect(200)).body
          .data;
        return ['succeeded', 'failed'].includes(view.status) ? view : undefined;
      },
      120_000,
      250,
    );
    expect(done).toMatchObject({ status: 'succeeded', progress: 100 });
    const view = (await suite.app.as('superAdmin').get('/alwrity/chat/index').expect(200)).body
      .data;
    const article = view.types.find((type: { uid: string }) => type.uid === ARTICLE);
    expect(article.documents).toBeGreaterThanOrEqual(1000);
    const hits = await superSearch('Catalogue entry 777');
    expect(hits[0]).toMatchObject({ title: 'Catalogue entry 777' });

    // Removed behind the Document Service's back: only a full re-index can notice.
    await suite.strapi.db
      .query(ARTICLE as never)
      .deleteMany({ where: { documentId: hits[0]!.documentId } });
    const again = await suite.app.as('superAdmin').post('/alwrity/chat/index/rebuild').expect(202);
    await waitUntil(
      'the second re-index',
      async () => {
        const view = (
          await suite.app
            .as('superAdmin')
            .get(`/alwrity/jobs/${again.body.data.documentId}`)
            .expect(200)
        ).body.data;
        return view.status === 'succeeded';
      },
      60_000,
      250,
    );
    const after = await superSearch('Catalogue entry 777');
    expect(after.map((hit) => hit.title)).not.toContain('Catalogue entry 777');
  }, 180_000);
});
