import { analyze } from '../../analysis/seo';
import { contentCalendar, toBlocks, toHtml, toMarkdown } from '../fixtures/seo/articles';
import { useMcp } from '../helpers/mcp';
import { allowLocales } from '../helpers/permissions';
import { createUser } from '../helpers/strapi';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

const suite = useSuite({ redis: false });
const REPORT = 'plugin::alwrity.seo-report';
const ARTICLE = 'api::article.article';
const PAGE = 'api::page.page';

interface Report {
  keyphrase: string | null;
  seoScore: number;
  wordCount: number;
  analysedAt: string;
  targetTitle: string;
  assessments: { assessments: { id: string; rating: string; message: string }[] };
}
const reportOf = (documentId: string) =>
  suite.strapi.db
    .query(REPORT)
    .findOne({ where: { targetDocumentId: documentId } }) as Promise<Report | null>;
const createArticle = async (title: string, content: string) =>
  (
    await suite.strapi.documents(ARTICLE as never).create({
      data: {
        title,
        content,
        seo: { metaTitle: title, metaDescription: article.metaDescription },
      } as never,
      locale: 'en',
    })
  ).documentId;

const article = {
  title: 'Content calendar: how to plan posts your team can keep up with',
  metaDescription:
    'A content calendar keeps your team publishing steadily. Learn how to choose a cadence, plan for several teams and measure what the plan delivers.',
  slug: 'content-calendar-guide',
  keyphrase: 'content calendar',
  locale: 'en',
  baseUrl: 'https://example.com',
};

describe('POST /alwrity/seo/analyze', () => {
  it('answers the engine’s analysis, the same for markdown, HTML and blocks', async () => {
    const markdown = { ...article, content: toMarkdown(contentCalendar) };
    const { body } = await suite.app
      .as('author')
      .post('/alwrity/seo/analyze', markdown)
      .expect(200);
    expect(body.data).toEqual(analyze({ ...markdown, otherKeyphrases: [] }));
    expect(body.data.seoScore).toBeGreaterThanOrEqual(90);
    for (const content of [toHtml(contentCalendar), toBlocks(contentCalendar)]) {
      const other = await suite.app
        .as('author')
        .post('/alwrity/seo/analyze', { ...article, content })
        .expect(200);
      expect(other.body.data).toEqual(body.data);
    }
  });

  it('finds the keyphrase already used by another entry (cannibalisation)', async () => {
    await suite.strapi.db.query(REPORT).createMany({
      data: [
        {
          targetUid: 'api::article.article',
          targetDocumentId: 'a1b2c3d4e5f6g7h8i9j0k1l2',
          targetLocale: 'en',
          targetTitle: 'Calendars that work',
          keyphrase: 'Content calendars',
        },
      ],
    });
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/analyze', { ...article, content: toMarkdown(contentCalendar) })
      .expect(200);
    expect(body.data.assessments).toContainEqual(
      expect.objectContaining({
        id: 'previouslyUsedKeyphrase',
        rating: 'ok',
        // Titles of other entries are never named: the reader may not be allowed to see them.
        message: expect.stringMatching(/^Another entry already focuses on this keyphrase/),
      }),
    );
    await suite.strapi.db.query(REPORT).deleteMany({});
  });

  it('refuses a blocks body nested too deep with 400 naming the field', async () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 40; i += 1) node = { type: 'list-item', children: [node] };
    const { body } = await suite.app
      .as('author')
      .post('/alwrity/seo/analyze', { content: [{ type: 'list', children: [node] }] })
      .expect(400);
    expect(body.error.message).toMatch(/content/);
  });
});

describe('the alwrity_seo_analyze tool on Strapi’s MCP server', () => {
  const { adminToken, connect } = useMcp(suite);

  it('is listed for a token with seo.use and answers the route’s scores', async () => {
    const client = await connect(await adminToken('SEO agent', ['seo.use']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('alwrity_seo_analyze');
      const input = { ...article, content: toMarkdown(contentCalendar) };
      const result = await client.callTool({ name: 'alwrity_seo_analyze', arguments: input });
      const { body } = await suite.app.as('editor').post('/alwrity/seo/analyze', input).expect(200);
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual(body.data);
    } finally {
      await client.close();
    }
  });

  it('analyses an entry by reference under the token’s own read permission', async () => {
    const id = await createArticle('Content calendars by reference', toMarkdown(contentCalendar));
    await waitUntil('the report after create', () => reportOf(id).then((r) => r ?? undefined));
    await suite.strapi.db
      .query(REPORT)
      .update({ where: { targetDocumentId: id }, data: { keyphrase: 'content calendar' } });
    const fields = ['title', 'slug', 'description', 'content', 'cover', 'seo'];
    const reader = await connect(
      await adminToken(
        'SEO reader agent',
        ['seo.use'],
        [
          {
            action: 'plugin::content-manager.explorer.read',
            subject: ARTICLE,
            properties: { locales: ['en'], fields },
          },
        ],
      ),
    );
    const blind = await connect(await adminToken('SEO agent without reading', ['seo.use']));
    try {
      const entry = { uid: ARTICLE, documentId: id, locale: 'en' };
      const result = await reader.callTool({ name: 'alwrity_seo_analyze', arguments: { entry } });
      expect(result.isError).toBeFalsy();
      const analysis = result.structuredContent as {
        seoScore: number;
        assessments: { id: string }[];
      };
      // The entry's own keyphrase was used: its keyphrase checks ran.
      expect(analysis.assessments.map((a) => a.id)).toContain('introductionKeyphrase');
      await suite.app
        .as('superAdmin')
        .put(`/alwrity/seo/reports/${ARTICLE}/${id}`, {
          locale: 'en',
          keyphrase: 'content calendar',
        })
        .expect(200);
      const stored = await reportOf(id);
      expect(analysis.seoScore).toBe(stored!.seoScore);

      const refused = await blind.callTool({ name: 'alwrity_seo_analyze', arguments: { entry } });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain('you may read');
      const both = await reader.callTool({
        name: 'alwrity_seo_analyze',
        arguments: { entry, content: 'Some text.' },
      });
      expect(both.isError).toBe(true);
    } finally {
      await reader.close();
      await blind.close();
    }
  });

  it('is not listed for a token without seo.use', async () => {
    const client = await connect(await adminToken('Writer agent', ['writer.use']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).not.toContain('alwrity_seo_analyze');
    } finally {
      await client.close();
    }
  });
});

describe('reports of entries', () => {
  beforeAll(async () => {
    await allowLocales(suite.strapi, 'strapi-editor', 'read', ARTICLE, ['en']);
    await allowLocales(suite.strapi, 'strapi-editor', 'update', ARTICLE, ['en']);
  });

  it('lets a user who may read but not edit the entry see its report, not set its keyphrase', async () => {
    const id = await createArticle('Read-only reading', toMarkdown(contentCalendar.slice(0, 4)));
    await waitUntil('the report after create', () => reportOf(id).then((r) => r ?? undefined));
    const reader = await createUser(suite.strapi, 'Reader', {
      permissions: [
        { action: 'plugin::alwrity.seo.use' },
        {
          action: 'plugin::content-manager.explorer.read',
          subject: ARTICLE,
          properties: { locales: ['en'] },
        },
      ],
    });
    const as = (method: 'get' | 'put', url: string) =>
      suite.app.http()[method](url).set('Authorization', `Bearer ${reader.token}`);
    await as('get', `/alwrity/seo/reports/${ARTICLE}/${id}?locale=en`).expect(200);
    const before = JSON.stringify(await reportOf(id));
    const { body } = await as('put', `/alwrity/seo/reports/${ARTICLE}/${id}`)
      .send({ keyphrase: 'stolen focus', locale: 'en' })
      .expect(403);
    expect(body.error.message).toMatch(/"Update" permission/);
    expect(JSON.stringify(await reportOf(id))).toBe(before);
  });

  it('stores a report when an entry is saved, and analyses it again on the next save', async () => {
    const id = await createArticle('Content calendar basics', toMarkdown(contentCalendar));
    const first = await waitUntil('the report after create', () =>
      reportOf(id).then((r) => r ?? undefined),
    );
    expect(first).toMatchObject({ targetTitle: 'Content calendar basics', keyphrase: null });
    expect(first.wordCount).toBeGreaterThan(400);

    // The focus keyphrase, set through the route, scores the keyphrase checks.
    const { body } = await suite.app
      .as('editor')
      .put(`/alwrity/seo/reports/${ARTICLE}/${id}`, { keyphrase: 'content calendar', locale: 'en' })
      .expect(200);
    expect(body.data).toMatchObject({ keyphrase: 'content calendar', targetLocale: 'en' });
    const ids = body.data.assessments.assessments.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['keyphraseDensity', 'introductionKeyphrase']));
    const read = await suite.app
      .as('editor')
      .get(`/alwrity/seo/reports/${ARTICLE}/${id}?locale=en`);
    expect(read.body.error?.message).toBeUndefined();
    expect(read.body.data.seoScore).toBe(body.data.seoScore);

    await suite.strapi.documents(ARTICLE as never).update({
      documentId: id,
      locale: 'en',
      data: { content: toMarkdown(contentCalendar.slice(0, 3)) } as never,
    });
    const second = await waitUntil('the report after update', async () => {
      const report = await reportOf(id);
      return report && report.wordCount < 200 ? report : undefined;
    });
    // The keyphrase stays; the shorter text is judged as such.
    expect(second.keyphrase).toBe('content calendar');
    expect(second.assessments.assessments).toContainEqual(
      expect.objectContaining({ id: 'textLength', rating: 'bad' }),
    );

    await suite.strapi.documents(ARTICLE as never).delete({ documentId: id, locale: 'en' });
    await waitUntil('the report to be removed', async () => (await reportOf(id)) === null);
  });

  it('finds cannibalisation across two entries', async () => {
    const first = await createArticle('Calendars that work', toMarkdown(contentCalendar));
    const second = await createArticle('Planning posts', toMarkdown(contentCalendar));
    const focus = (id: string, keyphrase: string) =>
      suite.app
        .as('editor')
        .put(`/alwrity/seo/reports/${ARTICLE}/${id}`, { keyphrase, locale: 'en' })
        .expect(200);
    await focus(first, 'publishing rhythm');
    // Another form of the same words competes too.
    const { body } = await focus(second, 'Publishing rhythms');
    expect(body.data.assessments.assessments).toContainEqual(
      expect.objectContaining({
        id: 'previouslyUsedKeyphrase',
        rating: 'ok',
        // Titles of other entries are never named: the reader may not be allowed to see them.
        message: expect.stringMatching(/^Another entry already focuses on this keyphrase/),
      }),
    );
  });

  it('analyses the text of a dynamic zone', async () => {
    const { documentId } = await suite.strapi.documents(PAGE as never).create({
      data: {
        title: 'Plan your content',
        sections: [
          {
            __component: 'shared.rich-text',
            heading: 'Why plan',
            body: contentCalendar.map((part) => ('p' in part ? part.p : '')).join('\n\n'),
          },
          {
            __component: 'shared.quote',
            text: 'A plan is a promise to your readers.',
            author: 'An editor',
          },
          // A component inside a dynamic zone's component: read too.
          {
            __component: 'shared.faq',
            heading: 'Questions',
            items: [
              {
                question: 'How far ahead?',
                answer: 'Plan the compost heap season a quarter ahead.',
              },
            ],
          },
        ],
      } as never,
    });
    const report = await waitUntil('the page report', () =>
      reportOf(documentId).then((r) => r ?? undefined),
    );
    expect(report.wordCount).toBeGreaterThan(350);
    const withFaq = await suite.app
      .as('superAdmin')
      .put(`/alwrity/seo/reports/${PAGE}/${documentId}`, { keyphrase: 'compost heap' })
      .expect(200);
    expect(withFaq.body.data.assessments.assessments).toContainEqual(
      expect.objectContaining({
        id: 'keyphraseDensity',
        message: expect.stringMatching(/appears 1 time/),
      }),
    );
    expect(report.assessments.assessments).toContainEqual(
      expect.objectContaining({ id: 'subheadingDistribution' }),
    );
  });

  it('lists the analysed types with their detected mapping', async () => {
    const { body } = await suite.app.as('author').get('/alwrity/seo/types').expect(200);
    expect(body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          uid: ARTICLE,
          enabled: true,
          localized: true,
          mapping: expect.objectContaining({ body: ['content'], metaTitle: 'seo.metaTitle' }),
        }),
        expect.objectContaining({
          uid: PAGE,
          enabled: true,
          mapping: expect.objectContaining({ body: ['sections'] }),
        }),
      ]),
    );
  });
});

describe('the SEO overview and "Re-analyse all"', () => {
  it('re-analyses 200 entries as a job with progress, then lists them bad first with a distribution', async () => {
    const long = toMarkdown(contentCalendar);
    const short = toMarkdown(contentCalendar.slice(0, 2));
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      ids.push(await createArticle(`Bulk entry ${i}`, i % 4 === 0 ? short : long));
    }
    // Start from nothing: the saves' own analyses are dropped.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await suite.strapi.db
      .query(REPORT)
      .deleteMany({ where: { targetTitle: { $startsWith: 'Bulk entry' } } });

    const started = await suite.app
      .as('editor')
      .post('/alwrity/seo/reanalyze', { uid: ARTICLE, locale: 'en' })
      .expect(202);
    const runId = started.body.data.documentId;
    const overview = () =>
      suite.app
        .as('editor')
        .get(`/alwrity/seo/overview?uid=${ARTICLE}&locale=en&sort=seoScore&order=asc&pageSize=10`)
        .expect(200);
    const done = await waitUntil(
      'the run to finish',
      async () => {
        const { body } = await overview();
        return body.meta.run?.id === runId && body.meta.run.status === 'succeeded'
          ? body
          : undefined;
      },
      60_000,
    );
    expect(done.meta.run).toMatchObject({ progress: 100, result: { total: expect.any(Number) } });
    expect(done.meta.run.result.analysed).toBe(done.meta.run.result.total);
    expect(done.meta.pagination.total).toBeGreaterThanOrEqual(200);
    const reports = await suite.strapi.db
      .query(REPORT)
      .count({ where: { targetDocumentId: { $in: ids } } });
    expect(reports).toBe(200);
    // Bad first: the short entries lead, scores never fall down the page.
    const scores = done.data.map((row: { seoScore: number }) => row.seoScore);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(done.data[0].title).toMatch(/^Bulk entry \d+$/);
    expect(done.data[0].wordCount).toBeLessThan(100);
    const counted = done.meta.distribution.seo.reduce((sum: number, n: number) => sum + n, 0);
    expect(counted).toBe(done.meta.pagination.total);

    const bad = await suite.app
      .as('editor')
      .get(`/alwrity/seo/overview?uid=${ARTICLE}&locale=en&rating=bad&pageSize=100`)
      .expect(200);
    expect(bad.body.data.every((row: { seoScore: number }) => row.seoScore < 50)).toBe(true);
  }, 120_000);

  it('runs one "Re-analyse all" per type and locale at a time', async () => {
    const RUN = 'plugin::alwrity.seo-run';
    const running = await suite.strapi.db.query(RUN).create({
      data: {
        documentId: 'runningrun0000000000000a',
        title: 'Re-analyse Landing page',
        targetUid: PAGE,
        // Landing pages are not localized: their runs have no locale.
        targetLocale: null,
        status: 'running',
        progress: 40,
      },
    });
    const again = await suite.app
      .as('editor')
      .post('/alwrity/seo/reanalyze', { uid: PAGE })
      .expect(400);
    expect(again.body.error.message).toBe(
      'Re-analyse Landing page is already under way (40%): wait for it to finish.',
    );
    expect(await suite.strapi.db.query(RUN).count({ where: { targetUid: PAGE } })).toBe(1);
    await suite.strapi.db
      .query(RUN)
      .update({ where: { id: running.id }, data: { status: 'succeeded', progress: 100 } });
    await suite.app.as('editor').post('/alwrity/seo/reanalyze', { uid: PAGE }).expect(202);
  });

  it('lists keyphrases that several entries share, word forms together', async () => {
    const { body } = await suite.app
      .as('editor')
      .get(`/alwrity/seo/overview?uid=${ARTICLE}&locale=en`)
      .expect(200);
    expect(body.meta.sharedKeyphrases).toContainEqual({
      keyphrase: 'publishing rhythm',
      entries: expect.arrayContaining([
        expect.objectContaining({ title: 'Calendars that work' }),
        expect.objectContaining({ title: 'Planning posts' }),
      ]),
    });
  });

  it('answers 404 to a user who may read no entry of the type', async () => {
    await suite.app.as('noRole').get(`/alwrity/seo/overview?uid=${ARTICLE}`).expect(403);
    const { body } = await suite.app
      .as('author')
      .post('/alwrity/seo/reanalyze', { uid: 'api::nothing.nothing' })
      .expect(404);
    expect(body.error.message).toMatch(/api::nothing\.nothing/);
  });
});
