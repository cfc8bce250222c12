import { joinRedirects } from '../../../analysis/site/redirect-chains';
import { siteFindings } from '../../../analysis/site';
import type { PageFacts, PageRecord } from '../../../analysis/site';

const SITE = 'https://www.example.com';
const at = (path: string) => (path.startsWith('http') ? path : `${SITE}${path}`);

const facts = (
  overrides: Partial<Omit<PageFacts, 'links'>> & { links?: string[] } = {},
): PageFacts => ({
  title: null,
  description: null,
  canonical: null,
  lang: 'en',
  noindex: false,
  nofollow: false,
  hreflang: [],
  wordCount: 500,
  ...overrides,
  links: (overrides.links ?? []).map((href) => ({
    href: at(href),
    internal: !href.startsWith('http'),
    nofollow: false,
  })),
});

const record = (path: string, overrides: Partial<PageRecord> = {}): PageRecord => ({
  url: at(path),
  finalUrl: at(path),
  status: 200,
  redirects: [],
  blockedByRobots: false,
  inSitemap: false,
  ...overrides,
});

/** A small site with one of each problem. */
const site = (): PageRecord[] => [
  record('/', {
    inSitemap: true,
    facts: facts({
      title: 'Example: content planning for teams',
      links: [
        '/blog',
        '/about',
        '/old-pricing',
        '/missing',
        '/contact',
        '/admin',
        'https://partner.example.org/',
      ],
    }),
  }),
  record('/blog', {
    inSitemap: true,
    facts: facts({ title: 'Blog', links: ['/', '/blog/a', '/blog/b'] }),
  }),
  record('/blog/a', {
    facts: facts({
      title: 'Content calendar guide',
      description: 'Plan your posts.',
      hreflang: [
        { lang: 'en', href: at('/blog/a') },
        { lang: 'de', href: at('/de/blog/a') },
      ],
      links: ['/blog', '/de/blog/a'],
    }),
  }),
  record('/blog/b', {
    facts: facts({
      title: '  content   Calendar GUIDE ',
      description: 'plan your posts.',
      links: ['/blog', '/missing'],
    }),
  }),
  record('/de/blog/a', {
    inSitemap: true,
    facts: facts({
      lang: 'de',
      title: 'Redaktionsplan',
      hreflang: [{ lang: 'de', href: at('/de/blog/a') }],
      links: ['/blog'],
    }),
  }),
  record('/about', { facts: facts({ title: 'About us', links: ['/'] }) }),
  record('/old-pricing', {
    finalUrl: at('/pricing'),
    redirects: [
      { url: at('/old-pricing'), status: 301, location: '/pricing-2023' },
      { url: at('/pricing-2023'), status: 301, location: '/pricing' },
    ],
    facts: facts({ title: 'Pricing', links: ['/'] }),
  }),
  record('/missing', { status: 404, facts: facts({ title: 'Blog' }) }),
  record('/contact', { status: 0, error: 'ECONNRESET' }),
  record('/admin', { status: 0, blockedByRobots: true }),
  record('https://partner.example.org/', { status: 500 }),
  record('/orphan', {
    inSitemap: true,
    facts: facts({ title: 'A page nobody links to', links: ['/'] }),
  }),
  record('/landing-copy', {
    facts: facts({ title: 'Content calendar guide', canonical: at('/blog/a') }),
  }),
  record('/print/blog-a', { facts: facts({ title: 'Content calendar guide', noindex: true }) }),
  record('/sitemap-redirect', {
    inSitemap: true,
    finalUrl: at('/about'),
    redirects: [{ url: at('/sitemap-redirect'), status: 301, location: '/about' }],
  }),
];

const findingsOf = (records: PageRecord[]) => siteFindings(records, { startUrl: `${SITE}/` });
const itemsOf = (records: PageRecord[], id: string) =>
  findingsOf(records)
    .filter((finding) => finding.id === id)
    .map((finding) => finding.items);

describe('siteFindings', () => {
  it('lists the findings in a fixed order, with their severities', () => {
    expect(findingsOf(site()).map(({ id, severity }) => [id, severity])).toEqual([
      ['broken-links', 'error'],
      ['duplicate-titles', 'warning'],
      ['duplicate-descriptions', 'notice'],
      ['orphan-pages', 'warning'],
      ['redirect-chains', 'warning'],
      ['redirected-links', 'notice'],
      ['blocked-by-robots', 'notice'],
      ['hreflang-return-links', 'warning'],
    ]);
  });

  it('finds links to addresses that failed, with the pages that link to them', () => {
    const [broken] = findingsOf(site());
    expect(broken!.found).toBe(
      'Links lead to 3 addresses that answered with an error or not at all.',
    );
    expect(broken!.items).toEqual([
      { url: 'https://partner.example.org/', related: [`${SITE}/`] },
      { url: `${SITE}/contact`, related: [`${SITE}/`] },
      { url: `${SITE}/missing`, related: [`${SITE}/`, `${SITE}/blog/b`] },
    ]);
  });

  it('finds duplicate titles and descriptions among pages meant to be originals', () => {
    const pair = [
      { url: `${SITE}/blog/a`, related: [`${SITE}/blog/b`] },
      { url: `${SITE}/blog/b`, related: [`${SITE}/blog/a`] },
    ];
    expect(itemsOf(site(), 'duplicate-titles')).toEqual([pair]);
    expect(itemsOf(site(), 'duplicate-descriptions')).toEqual([pair]);
  });

  it('finds sitemap pages no page links to, sparing the start page and redirects to linked pages', () => {
    expect(itemsOf(site(), 'orphan-pages')).toEqual([[{ url: `${SITE}/orphan`, related: [] }]]);
  });

  it('finds redirect chains and internal links to redirects', () => {
    expect(itemsOf(site(), 'redirect-chains')).toEqual([
      [{ url: `${SITE}/old-pricing`, related: [`${SITE}/pricing-2023`, `${SITE}/pricing`] }],
    ]);
    expect(itemsOf(site(), 'redirected-links')).toEqual([
      [{ url: `${SITE}/old-pricing`, related: [`${SITE}/`] }],
    ]);
  });

  it('finds pages robots.txt blocks, with the pages linking to them', () => {
    expect(itemsOf(site(), 'blocked-by-robots')).toEqual([
      [{ url: `${SITE}/admin`, related: [`${SITE}/`] }],
    ]);
  });

  it('finds language versions that do not link back', () => {
    expect(itemsOf(site(), 'hreflang-return-links')).toEqual([
      [{ url: `${SITE}/de/blog/a`, related: [`${SITE}/blog/a`] }],
    ]);
    const confirmed = site().map((page) =>
      page.url === `${SITE}/de/blog/a`
        ? {
            ...page,
            facts: {
              ...page.facts!,
              hreflang: [...page.facts!.hreflang, { lang: 'en', href: `${SITE}/blog/a/` }],
            },
          }
        : page,
    );
    expect(itemsOf(confirmed, 'hreflang-return-links')).toEqual([]);
  });

  it('gives the same answer whatever order the pages come in, from a one-pass iterable', () => {
    function* once(records: PageRecord[]) {
      yield* records;
    }
    const forward = siteFindings(once(site()), { startUrl: SITE });
    const backward = siteFindings(once(site().reverse()), { startUrl: SITE });
    expect(backward).toEqual(forward);
  });

  it('keeps the first 20 linking pages of an address, sorted', () => {
    const linking = Array.from({ length: 30 }, (_, i) =>
      record(`/posts/${String(i).padStart(2, '0')}`, {
        facts: facts({ title: `Post ${i}`, links: ['/missing'] }),
      }),
    );
    const records = [...linking.reverse(), record('/missing', { status: 404 })];
    const [broken] = siteFindings(records);
    expect(broken!.items[0]!.related).toHaveLength(20);
    expect(broken!.items[0]!.related[0]).toBe(`${SITE}/posts/00`);
    expect(broken!.items[0]!.related[19]).toBe(`${SITE}/posts/19`);
  });

  it('finds nothing on a healthy site', () => {
    const healthy = [
      record('/', {
        inSitemap: true,
        facts: facts({ title: 'Home', description: 'Welcome.', links: ['/a'] }),
      }),
      record('/a', {
        inSitemap: true,
        facts: facts({ title: 'A', description: 'About A.', links: ['/'] }),
      }),
    ];
    expect(siteFindings(healthy, { startUrl: SITE })).toEqual([]);
  });
});

describe('joinRedirects', () => {
  const hop = (url: string, status: number, location: string): PageRecord => ({
    url,
    finalUrl: url,
    status,
    redirects: [{ url, status, location }],
    blockedByRobots: false,
    inSitemap: false,
  });
  const page = (url: string, status = 200): PageRecord => ({
    url,
    finalUrl: url,
    status,
    redirects: [],
    blockedByRobots: false,
    inSitemap: true,
  });

  it('gives each redirect its whole chain and where it ends, once per crawled hop', () => {
    const joined = joinRedirects([
      hop(`${SITE}/a`, 301, `${SITE}/b`),
      hop(`${SITE}/b`, 302, `${SITE}/c`),
      page(`${SITE}/c`, 404),
    ]);
    expect(joined[0]).toEqual({
      url: `${SITE}/a`,
      finalUrl: `${SITE}/c`,
      status: 404,
      redirects: [
        { url: `${SITE}/a`, status: 301, location: `${SITE}/b` },
        { url: `${SITE}/b`, status: 302, location: `${SITE}/c` },
      ],
      blockedByRobots: false,
      inSitemap: false,
    });
    expect(joined[1]!.redirects).toHaveLength(1);
    expect(joined[2]).toEqual(page(`${SITE}/c`, 404));
  });

  it('stops at a loop, and at a hop the crawl never reached', () => {
    const [loop] = joinRedirects([
      hop(`${SITE}/x`, 301, `${SITE}/y`),
      hop(`${SITE}/y`, 301, `${SITE}/x`),
    ]);
    expect(loop!.redirects.map((entry) => entry.url)).toEqual([`${SITE}/x`, `${SITE}/y`]);
    expect(loop!.status).toBe(301);
    const [away] = joinRedirects([hop(`${SITE}/out`, 301, 'https://elsewhere.example/')]);
    expect(away).toMatchObject({ finalUrl: 'https://elsewhere.example/', status: 301 });
  });
});
