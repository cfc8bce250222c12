import type { SiteFinding } from '../../analysis/site/types';
import type { AuditComparison, SiteAuditDetail } from '../../contracts/site-audits';
import { startFixtureSite, SECTION, type FixtureSite } from '../helpers/fixture-site';
import { serve, type LoopbackServer } from '../helpers/loopback-sites';
import { refusedConnections } from '../helpers/loopback-guard';
import { useMcp } from '../helpers/mcp';
import {
  siteAuditPagesRepository,
  type PageWrite,
} from '../../server/repositories/site-audit-pages';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

/**
 * The site analyzer against a fixture site on 127.0.0.1 (allow-listed in the test config), with
 * listeners on 127.0.0.2 and [::1] (not allow-listed) that must never see a request.
 */

const suite = useSuite();
const AUDIT = 'plugin::alwrity.site-audit';
const PAGE = 'plugin::alwrity.site-audit-page';

let site: FixtureSite;
let forbidden: LoopbackServer;
let forbiddenV6: LoopbackServer;
let bouncer: LoopbackServer;

beforeAll(async () => {
  site = await startFixtureSite();
  forbidden = await serve('127.0.0.2', (_, response) => response.end('<title>secret</title>'));
  forbiddenV6 = await serve('::1', (_, response) => response.end('<title>secret</title>'));
  // An allowed page that redirects to a forbidden one.
  bouncer = await serve('127.0.0.1', (_, response) => {
    response.writeHead(302, { location: `${forbidden.origin}/admin` });
    response.end();
  });
});

afterAll(async () => {
  await Promise.all([site.close(), forbidden.close(), forbiddenV6.close(), bouncer.close()]);
});

/** `rebound.test` resolves to a forbidden loopback address (the fetcher's resolver, per boot). */
const resolveRebound = () =>
  suite.strapi
    .plugin('alwrity')
    .service('fetcher')
    .useResolver(async (name: string) => {
      if (name === 'rebound.test') return ['127.0.0.2'];
      throw new Error(`getaddrinfo ENOTFOUND ${name}`);
    });

const counts = async () =>
  JSON.stringify(
    await Promise.all([suite.strapi.db.query(AUDIT).count(), suite.strapi.db.query(PAGE).count()]),
  );

const audit = (body: object, role: 'superAdmin' | 'editor' | 'author' = 'editor') =>
  suite.app.as(role).post('/alwrity/site-audits', body);

const waitForAudit = (documentId: string, status: string, timeoutMs = 60_000) =>
  waitUntil(
    `site audit ${documentId} to be ${status}`,
    async () => {
      const { body } = await suite.app.as('editor').get(`/alwrity/site-audits/${documentId}`);
      return body.data?.status === status ? (body.data as SiteAuditDetail) : undefined;
    },
    timeoutMs,
    100,
  );

const pageUrls = async (documentId: string) =>
  (
    (await suite.strapi.db
      .query(PAGE)
      .findMany({ where: { auditDocumentId: documentId }, select: ['url', 'createdAt'] })) as {
      url: string;
      createdAt: string;
    }[]
  ).map((row) => ({ url: row.url, createdAt: new Date(row.createdAt).getTime() }));

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('a page audit', () => {
  it('answers the finished audit: score, every check, Lighthouse ids, stored once', async () => {
    const { body } = await audit({ url: `${site.origin}/about`, keyphrase: 'compost' }).expect(200);
    const detail = body.data as SiteAuditDetail;
    expect(detail).toMatchObject({
      url: `${site.origin}/about`,
      host: site.origin.replace('http://', ''),
      scope: 'page',
      status: 'succeeded',
      pagesDone: 1,
    });
    expect(detail.score).toBeGreaterThan(50);
    const ids = detail.page!.checks.map((check) => check.lighthouse).filter(Boolean);
    expect(new Set(ids)).toEqual(
      new Set([
        'is-crawlable',
        'document-title',
        'meta-description',
        'http-status-code',
        'link-text',
        'crawlable-anchors',
        'robots-txt',
        'image-alt',
        'hreflang',
        'canonical',
        'structured-data',
      ]),
    );
    const { body: again } = await suite.app
      .as('editor')
      .get(`/alwrity/site-audits/${detail.documentId}`)
      .expect(200);
    expect(again.data.page.checks).toEqual(detail.page!.checks);
    const { body: list } = await suite.app
      .as('editor')
      .get(`/alwrity/site-audits?host=${encodeURIComponent(detail.host)}&scope=page`)
      .expect(200);
    expect(list.data.map((row: { documentId: string }) => row.documentId)).toContain(
      detail.documentId,
    );
  });

  it('reports a missing page as a failed http-status-code check', async () => {
    const { body } = await audit({ url: `${site.origin}/nowhere` }).expect(200);
    const status = (body.data as SiteAuditDetail).page!.checks.find(
      (check) => check.id === 'http-status-code',
    );
    expect(status).toMatchObject({ passed: false, severity: 'error' });
  });

  it.each([
    [{}, 'url'],
    [{ url: 'ftp://127.0.0.1/file' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ url: 'http://127.0.0.1/', scope: 'everything' }, 'scope'],
    [{ url: 'http://127.0.0.1/', scope: 'site', maxPages: 0 }, 'maxPages'],
    [{ url: 'http://127.0.0.1/', scope: 'site', concurrency: 99 }, 'concurrency'],
  ])('refuses %j with a 400 naming %s, writing nothing', async (body, field) => {
    const before = await counts();
    const { body: answer } = await audit(body).expect(400);
    expect(answer.error.message).toContain(field);
    expect(await counts()).toBe(before);
  });
});

describe('addresses that are not allow-listed', () => {
  const refused = () => [
    `http://127.0.0.2:${forbidden.port}/`,
    `http://2130706434:${forbidden.port}/`,
    `http://0x7f000002:${forbidden.port}/`,
    `http://0177.0.0.2:${forbidden.port}/`,
    `http://[::ffff:127.0.0.2]:${forbidden.port}/`,
    `http://[::1]:${forbiddenV6.port}/`,
    `http://rebound.test:${forbidden.port}/`,
  ];

  beforeAll(resolveRebound);

  it.each(['page', 'site'])(
    'are refused for a %s audit, directly, by any spelling and by name: 400, nothing stored or sent',
    async (scope) => {
      for (const url of refused()) {
        const before = await counts();
        const { body } = await audit({ url, scope }).expect(400);
        expect(body.error.message).toMatch(/^Invalid body: url: .*is a loopback address/);
        expect(await counts()).toBe(before);
      }
      expect(forbidden.connections + forbiddenV6.connections).toBe(0);
    },
  );

  it('are refused through a redirect from an allowed page', async () => {
    const before = await counts();
    const { body } = await audit({ url: `${bouncer.origin}/go` }).expect(400);
    expect(body.error.message).toContain(`(redirected from ${bouncer.origin}/go)`);
    expect(body.error.message).toContain('127.0.0.2 is a loopback address');
    expect(await counts()).toBe(before);
    expect(forbidden.connections).toBe(0);
    expect(refusedConnections()).toEqual([]);
  });

  it('say which rule refused them', async () => {
    const { body } = await audit({ url: `http://127.0.0.2:${forbidden.port}/` }).expect(400);
    expect(body.error.message).toContain('siteAnalyzer.allowPrivateAddresses does not allow');
    expect(body.error.details.errors[0].path).toEqual(['url']);
  });
});

describe('a crawl of the fixture site', () => {
  let crawl: SiteAuditDetail;
  let hitsBefore: Map<string, number>;

  beforeAll(async () => {
    hitsBefore = new Map(site.hits());
    const { body } = await audit({
      url: `${site.origin}/`,
      scope: 'site',
      maxPages: 600,
      concurrency: 8,
      delayMs: 0,
    }).expect(202);
    expect(body.data.status).toBe('queued');
    crawl = await waitForAudit(body.data.documentId, 'succeeded', 120_000);
  }, 150_000);

  it('visits every page once, obeys robots.txt, and stores one document a page', async () => {
    const urls = (await pageUrls(crawl.documentId)).map((row) => row.url);
    expect(urls.length).toBe(new Set(urls).size);
    // 16 pages and redirects, the 500 products, and the page robots.txt keeps out.
    expect(urls.length).toBe(517);
    expect(crawl).toMatchObject({ pagesDone: 517, pagesFound: 517 });
    const fetched = [...site.hits()].filter(([path, n]) => n !== hitsBefore.get(path));
    for (const [path, n] of fetched) {
      expect({ path, times: n - (hitsBefore.get(path) ?? 0) }).toEqual({ path, times: 1 });
    }
    expect(site.hits().has('/private/notes')).toBe(false);
    expect(urls).toContain(`${site.origin}/private/notes`);
  });

  it('finds exactly the planted site-wide issues', () => {
    const byId = Object.fromEntries(
      crawl.findings.map((finding: SiteFinding) => [
        finding.id,
        finding.items.map((item) => ({ url: pathOf(item.url), related: item.related.map(pathOf) })),
      ]),
    );
    expect(byId).toEqual({
      'broken-links': [
        { url: '/broken', related: ['/'] },
        { url: '/missing', related: ['/'] },
      ],
      'duplicate-titles': [
        { url: '/about', related: ['/contact'] },
        { url: '/contact', related: ['/about'] },
      ],
      'duplicate-descriptions': [
        { url: '/contact', related: ['/team'] },
        { url: '/team', related: ['/contact'] },
      ],
      'orphan-pages': [{ url: '/orphan', related: [] }],
      'redirect-chains': [{ url: '/chain-start', related: ['/chain-middle', '/chain-end'] }],
      'redirected-links': [
        { url: '/chain-start', related: ['/'] },
        { url: '/old-page', related: ['/'] },
      ],
      'blocked-by-robots': [{ url: '/private/notes', related: ['/'] }],
      // The English guide is named by the French one, and does not name it back.
      'hreflang-return-links': [{ url: '/en/guide', related: ['/fr/guide'] }],
    });
  });

  it('pages the pages, filtered by a failing check and by text', async () => {
    const { body } = await suite.app
      .as('editor')
      .get(`/alwrity/site-audits/${crawl.documentId}/pages?pageSize=10&q=item-1&sort=url`)
      .expect(200);
    expect(body.meta.pagination.total).toBe(111); // item-1, item-10..19, item-100..199
    expect(body.data).toHaveLength(10);
    const { body: failing } = await suite.app
      .as('editor')
      .get(`/alwrity/site-audits/${crawl.documentId}/pages?check=http-status-code`)
      .expect(200);
    expect(failing.data.map((row: { url: string }) => pathOf(row.url)).sort()).toEqual([
      '/broken',
      '/missing',
    ]);
  });

  it('exports the issues as CSV, one row an issue', async () => {
    const response = await suite.app
      .as('editor')
      .get(`/alwrity/site-audits/${crawl.documentId}/issues.csv`)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = String(response.text).trim().split('\r\n');
    expect(lines[0]).toBe('url,check,group,severity,found,fix');
    expect(
      lines.some((line) => line.startsWith(`${site.origin}/missing,broken-links,site,error`)),
    ).toBe(true);
  });
});

describe('the crawl limits', () => {
  it('fetches no more than maxPages and no deeper than maxDepth', async () => {
    const before = new Map(site.hits());
    const { body } = await audit({
      url: `${site.origin}/`,
      scope: 'site',
      maxPages: 20,
      delayMs: 0,
    }).expect(202);
    await waitForAudit(body.data.documentId, 'succeeded');
    expect((await pageUrls(body.data.documentId)).length).toBe(20);
    const pagesFetched = [...site.hits()].filter(
      ([path, n]) => n !== before.get(path) && !/robots|sitemap/.test(path),
    );
    expect(pagesFetched.length).toBeLessThanOrEqual(20);

    const { body: shallow } = await audit({
      url: `${site.origin}/`,
      scope: 'site',
      maxDepth: 0,
      delayMs: 0,
    }).expect(202);
    const done = await waitForAudit(shallow.data.documentId, 'succeeded');
    // Depth 0 is the start page and the sitemap's pages (listed there, not linked).
    const urls = (await pageUrls(done.documentId)).map((row) => pathOf(row.url));
    expect(urls).toContain('/');
    expect(urls).not.toContain(SECTION);
  });
});

describe('a site that tells /guides from /guides/', () => {
  it('audits the page behind the slash redirect, fetching each address once', async () => {
    const hits: string[] = [];
    const page = (title: string, links: string) =>
      `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1>${links}</main></body></html>`;
    const slashy = await serve('127.0.0.1', (request, response) => {
      hits.push(request.url!);
      if (request.url === '/guides') {
        response.writeHead(301, { location: '/guides/' });
        return response.end();
      }
      response.writeHead(request.url === '/' || request.url === '/guides/' ? 200 : 404, {
        'content-type': 'text/html',
      });
      response.end(
        request.url === '/'
          ? page('Home', '<a href="/guides">Guides</a>')
          : page('Guides', '<a href="/">Home</a>'),
      );
    });
    try {
      const { body } = await audit({ url: `${slashy.origin}/`, scope: 'site', delayMs: 0 }).expect(
        202,
      );
      await waitForAudit(body.data.documentId, 'succeeded');
      const stored = await suite.strapi.db.query(PAGE).findMany({
        where: { auditDocumentId: body.data.documentId, url: `${slashy.origin}/guides` },
      });
      expect(stored).toEqual([expect.objectContaining({ statusCode: 200, title: 'Guides' })]);
      expect(hits.filter((path) => path.startsWith('/guides'))).toEqual(['/guides', '/guides/']);
    } finally {
      await slashy.close();
    }
  });
});

describe('a crawl canceled or interrupted', () => {
  afterEach(() => {
    site.latencyMs = 0;
  });

  it('keeps what it crawled when canceled', async () => {
    site.latencyMs = 40;
    const { body } = await audit({
      url: `${site.origin}/`,
      scope: 'site',
      maxPages: 600,
      concurrency: 2,
      delayMs: 0,
    }).expect(202);
    const id = body.data.documentId;
    await waitUntil('ten pages', async () => (await pageUrls(id)).length >= 10, 30_000);
    await suite.app.as('editor').post(`/alwrity/site-audits/${id}/cancel`, {}).expect(200);
    const canceled = await waitForAudit(id, 'canceled');
    const kept = (await pageUrls(id)).length;
    expect(kept).toBeGreaterThanOrEqual(10);
    expect(kept).toBeLessThan(517);
    expect(canceled.issueCounts).not.toBeNull();
  });

  it('resumes after a restart without fetching finished pages again or storing any twice', async () => {
    site.latencyMs = 15;
    const before = new Map(site.hits());
    const { body } = await audit({
      url: `${site.origin}/`,
      scope: 'site',
      maxPages: 600,
      concurrency: 4,
      delayMs: 0,
    }).expect(202);
    const id = body.data.documentId;
    await waitUntil('fifty pages', async () => (await pageUrls(id)).length >= 50, 30_000);
    const storedBefore = await pageUrls(id);
    await suite.restart();
    site.latencyMs = 0;
    await waitForAudit(id, 'succeeded', 120_000);
    const rows = await pageUrls(id);
    expect(rows.length).toBe(517);
    expect(new Set(rows.map((row) => row.url)).size).toBe(517);
    // Pages stored before the restart were fetched once: the resumed run skipped them.
    expect(storedBefore.length).toBeGreaterThanOrEqual(50);
    for (const row of storedBefore) {
      const path = pathOf(row.url);
      expect({ path, times: (site.hits().get(path) ?? 0) - (before.get(path) ?? 0) }).toEqual({
        path,
        times: 1,
      });
    }
  }, 180_000);

  it('keeps a page once per audit, whoever stores it twice: the database holds the rule', async () => {
    const { body } = await audit({ url: `${site.origin}/about` }).expect(200);
    const id = body.data.documentId as string;
    const repository = siteAuditPagesRepository(suite.strapi);
    const page = (url: string): PageWrite => ({
      url,
      finalUrl: url,
      depth: 1,
      title: null,
      statusCode: 200,
      score: 100,
      error: null,
      blockedByRobots: false,
      inSitemap: false,
      checks: [],
      timings: null,
      redirects: [],
      facts: null,
    });
    // Two writers at once, each with the page the other stores, and one page twice.
    await Promise.all([
      repository.insertMany(id, [page(`${site.origin}/a`), page(`${site.origin}/b`)]),
      repository.insertMany(id, [page(`${site.origin}/b`), page(`${site.origin}/a`)]),
      repository.insertMany(id, [page(`${site.origin}/c`), page(`${site.origin}/c`)]),
    ]);
    const urls = (
      (await suite.strapi.db
        .query(PAGE)
        .findMany({ where: { auditDocumentId: id }, select: ['url'] })) as { url: string }[]
    )
      .map((row) => row.url)
      .sort();
    expect(urls).toEqual([
      `${site.origin}/a`,
      `${site.origin}/about`,
      `${site.origin}/b`,
      `${site.origin}/c`,
    ]);
    // Past the repository, the unique index itself refuses the second copy.
    const [stored] = await suite.strapi.db
      .query(PAGE)
      .findMany({ where: { auditDocumentId: id, url: `${site.origin}/a` } });
    const { id: _id, documentId: _documentId, ...copy } = stored;
    // The driver's error may come from another realm than the test's `Error`: read its words.
    const refusal = await suite.strapi.db
      .query(PAGE)
      .create({ data: { ...copy, documentId: 'x'.repeat(24) } })
      .then(
        () => 'stored a second copy',
        (error: { code?: string; message?: string }) => `${error.code} ${error.message}`,
      );
    expect(refusal).toMatch(/unique/i);
  });
});

describe('comparing two audits of a site', () => {
  const auditAbout = async () =>
    (await audit({ url: `${site.origin}/about` }).expect(200)).body.data as SiteAuditDetail;
  const compare = async (a: string, b: string) =>
    (await suite.app.as('editor').get(`/alwrity/site-audits/${a}/compare/${b}`).expect(200)).body
      .data as AuditComparison;
  const checksOf = (issues: AuditComparison['new']) => issues.map((issue) => issue.check);

  afterEach(() => {
    site.edits = {};
  });

  it('lists what is new, what was fixed and what is still open, with the score over time', async () => {
    const first = await auditAbout();
    site.edits['/about'] = { title: '' };
    const second = await auditAbout();
    site.edits = {};
    const third = await auditAbout();

    const worse = await compare(first.documentId, second.documentId);
    expect(checksOf(worse.new)).toContain('document-title');
    expect(worse.fixed).toEqual([]);
    const failing = first.page!.checks.filter((check) => !check.passed).length;
    expect(worse.totals.open).toBe(failing);

    const better = await compare(second.documentId, third.documentId);
    expect(checksOf(better.fixed)).toContain('document-title');
    expect(better.new).toEqual([]);
    expect(better.history.map((entry) => entry.documentId)).toEqual(
      expect.arrayContaining([first.documentId, second.documentId, third.documentId]),
    );
    expect(second.score!).toBeLessThan(first.score!);
  });

  it('refuses audits of two different sites with a 400 naming otherDocumentId', async () => {
    const other = await startFixtureSite({ sectionPages: 1 });
    try {
      const mine = await auditAbout();
      const theirs = (await audit({ url: `${other.origin}/about` }).expect(200)).body.data;
      const { body } = await suite.app
        .as('editor')
        .get(`/alwrity/site-audits/${mine.documentId}/compare/${theirs.documentId}`)
        .expect(400);
      expect(body.error.message).toContain('otherDocumentId');
    } finally {
      await other.close();
    }
  });
});

describe('the same fetcher reads a writer’s source URLs and the content gap’s pages', () => {
  const social = (sourceUrls: string[]) =>
    suite.app.as('editor').post('/alwrity/writers/social/generate', {
      input: { topic: 'Composting at home', networks: ['linkedin'], variants: 1, sourceUrls },
    });
  const GENERATIONS = 'plugin::alwrity.generation';
  beforeAll(resolveRebound);

  it('passes a source page’s readable text to the model', async () => {
    suite.fake.reset();
    suite.fake.enqueue({
      json: {
        posts: [{ network: 'linkedin', variants: [{ parts: ['Compost now.'], hashtags: [] }] }],
      },
    });
    await social([`${site.origin}/about`]).expect(200);
    const sent = JSON.stringify(suite.fake.requests[0]!.body);
    expect(sent).toContain(`Source: About us | Fixture Garden (${site.origin}/about)`);
    expect(sent).toContain('soil compost leaves waste worms');
    expect(sent).not.toContain('<nav>');
  });

  it('refuses a source URL that is not allow-listed: 400 naming it, no model call, nothing sent', async () => {
    suite.fake.reset();
    const before = await suite.strapi.db.query(GENERATIONS).count();
    for (const url of [
      `http://127.0.0.2:${forbidden.port}/`,
      `http://[::1]:${forbiddenV6.port}/`,
      `${bouncer.origin}/go`,
      `http://rebound.test:${forbidden.port}/`,
    ]) {
      const { body } = await social([`${site.origin}/about`, url]).expect(400);
      expect(body.error.message).toMatch(
        /^Invalid body: input\.sourceUrls\.1: .*is a loopback address/,
      );
    }
    expect(suite.fake.requests).toHaveLength(0);
    expect(await suite.strapi.db.query(GENERATIONS).count()).toBe(before);
    expect(forbidden.connections + forbiddenV6.connections).toBe(0);
  });

  it('compares an entry with a competitor page by its address, and refuses a private one', async () => {
    const text = { text: '<h2>Worms</h2><p>Worms eat kitchen waste.</p>', contentFormat: 'html' };
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/tools/content-gap', {
        ...text,
        competitors: [{ url: `${site.origin}/about` }],
      })
      .expect(200);
    expect(JSON.stringify(body.data)).toContain(`${site.origin}/about`);
    for (const url of [
      `http://127.0.0.2:${forbidden.port}/`,
      `${bouncer.origin}/go`,
      `http://rebound.test:${forbidden.port}/`,
    ]) {
      const refused = await suite.app
        .as('editor')
        .post('/alwrity/seo/tools/content-gap', {
          ...text,
          competitors: [{ html: '<p>a</p>' }, { url }],
        })
        .expect(400);
      expect(refused.body.error.message).toMatch(
        /^Invalid body: competitors\.1\.url: .*is a loopback address/,
      );
    }
    expect(forbidden.connections).toBe(0);
  });
});

describe('the alwrity_audit_page tool on Strapi’s MCP server', () => {
  const { adminToken, connect } = useMcp(suite);

  it('audits a page for a token with site-audit.run, as the route does, and stores it', async () => {
    const client = await connect(await adminToken('Audit agent', ['site-audit.run']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('alwrity_audit_page');
      const before = await suite.strapi.db.query(AUDIT).count();
      const result = await client.callTool({
        name: 'alwrity_audit_page',
        arguments: { url: `${site.origin}/about` },
      });
      expect(result.isError).toBeFalsy();
      const answer = result.structuredContent as {
        documentId: string;
        score: number;
        passed: string[];
      };
      expect(answer.passed).toContain('document-title');
      const { body } = await suite.app
        .as('superAdmin')
        .get(`/alwrity/site-audits/${answer.documentId}`)
        .expect(200);
      expect(answer.score).toBe(body.data.score);
      expect(await suite.strapi.db.query(AUDIT).count()).toBe(before + 1);
    } finally {
      await client.close();
    }
  });

  it('refuses a private address, and is not offered without site-audit.run', async () => {
    const client = await connect(await adminToken('Audit agent 2', ['site-audit.run']));
    const blind = await connect(await adminToken('SEO-only agent', ['seo.use']));
    try {
      const refused = await client.callTool({
        name: 'alwrity_audit_page',
        arguments: { url: `http://127.0.0.2:${forbidden.port}/` },
      });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain('127.0.0.2 is a loopback address');
      expect(forbidden.connections).toBe(0);
      const { tools } = await blind.listTools();
      expect(tools.map((tool) => tool.name)).not.toContain('alwrity_audit_page');
    } finally {
      await Promise.all([client.close(), blind.close()]);
    }
  });
});
