import { auditPage, CHECKS, ERROR_STATUS_CAP, PENALTY } from '../../../analysis/site';
import { contentCalendar, toHtml } from '../../fixtures/seo/articles';
import { ARTICLE_URL, brokenPage, fetched, goodArticle, html } from './fixtures';

const ROBOTS = { url: 'https://www.example.com/robots.txt', status: 200, allowed: true };
const failing = (audit: ReturnType<typeof auditPage>) =>
  audit.checks.filter((check) => !check.passed).map((check) => check.id);

describe('auditPage', () => {
  it('passes every check on a well-made article, for a score of 100', () => {
    const audit = auditPage(goodArticle(), { robots: ROBOTS, keyphrase: 'content calendar' });
    expect(failing(audit)).toEqual([]);
    expect(audit.checks.map((check) => check.id)).toEqual(CHECKS.map((check) => check.id));
    expect(audit).toMatchObject({
      url: ARTICLE_URL,
      finalUrl: ARTICLE_URL,
      status: 200,
      score: 100,
    });
  });

  it('finds every problem of the broken page, for a score of 0', () => {
    const audit = auditPage(brokenPage(), { robots: ROBOTS, keyphrase: 'content calendar' });
    expect(failing(audit)).toEqual([
      'redirects',
      'server-response-time',
      'total-time',
      'compression',
      'caching-headers',
      'hsts',
      'mixed-content',
      'is-crawlable',
      'robots-directives',
      'canonical',
      'hreflang',
      'html-lang',
      'charset',
      'viewport',
      'document-title',
      'meta-description',
      'h1',
      'heading-order',
      'image-alt',
      'link-text',
      'crawlable-anchors',
      'open-graph',
      'twitter-card',
      'structured-data',
      'word-count',
      'keyphrase',
      'text-html-ratio',
      'render-blocking-resources',
    ]);
    expect(audit.score).toBe(0);
  });

  it.each([
    [
      'a slow first byte (a warning)',
      { timings: { ttfbMs: 900, totalMs: 1200 } },
      100 - PENALTY.warning,
    ],
    [
      'no caching headers (a notice)',
      {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-encoding': 'br',
          'strict-transport-security': 'max-age=600',
        },
      },
      100 - PENALTY.notice,
    ],
    [
      'plain http (an error)',
      {
        url: 'http://www.example.com/blog/content-calendar',
        finalUrl: 'http://www.example.com/blog/content-calendar',
      },
      100 - PENALTY.error,
    ],
  ])('takes the penalty of one failure: %s', (_, overrides, score) => {
    expect(auditPage(fetched(html(), overrides)).score).toBe(score);
  });

  it('scores a title that is too long as a warning, not as a missing title', () => {
    const long =
      'Content calendar: the complete guide to planning, writing, reviewing and measuring every post';
    const audit = auditPage(
      fetched(html().replace(/<title>.*<\/title>/, `<title>${long}</title>`)),
    );
    expect(audit.checks.find((check) => check.id === 'document-title')).toMatchObject({
      passed: false,
      severity: 'warning',
    });
    expect(audit.score).toBe(100 - PENALTY.warning);
  });

  it('caps the score of a page that answered 404, however good its markup', () => {
    const audit = auditPage(fetched(html(), { status: 404 }));
    expect(failing(audit)).toEqual(['http-status-code']);
    expect(audit.score).toBe(ERROR_STATUS_CAP);
  });

  it('runs only the response and header checks on a page that is not HTML', () => {
    const pdf = fetched('', {
      url: 'https://www.example.com/files/guide.pdf',
      finalUrl: 'https://www.example.com/files/guide.pdf',
      contentType: 'application/pdf',
      headers: {
        'content-type': 'application/pdf',
        'cache-control': 'max-age=3600',
        'strict-transport-security': 'max-age=600',
      },
      bytes: 300_000,
      decodedBytes: 300_000,
    });
    const audit = auditPage(pdf, { robots: ROBOTS });
    expect(audit.checks.map((check) => check.id)).toEqual([
      'http-status-code',
      'redirects',
      'server-response-time',
      'total-time',
      'html-size',
      'compression',
      'caching-headers',
      'https',
      'hsts',
      'is-crawlable',
      'robots-txt',
      'robots-directives',
    ]);
    expect(audit.facts).toEqual({
      title: null,
      description: null,
      canonical: null,
      lang: null,
      noindex: false,
      nofollow: false,
      hreflang: [],
      links: [],
      wordCount: 0,
    });
  });

  it('treats a body without a content type as HTML when it starts like HTML', () => {
    const audit = auditPage(fetched(html(), { contentType: null }));
    expect(audit.checks.some((check) => check.id === 'document-title')).toBe(true);
  });

  it('keeps a check that throws from taking the others down', () => {
    const page = goodArticle();
    Object.defineProperty(page.headers, 'etag', {
      enumerable: true,
      get() {
        throw new Error('a header the fetcher could not decode');
      },
    });
    const audit = auditPage(page);
    expect(audit.checks.find((check) => check.id === 'caching-headers')).toMatchObject({
      passed: false,
      severity: 'notice',
      found: 'This check could not run on this page.',
    });
    expect(audit.checks).toHaveLength(CHECKS.length - 2);
    expect(audit.score).toBe(100 - PENALTY.notice);
  });

  it('lists at most 20 items per check', () => {
    const images = Array.from({ length: 30 }, (_, i) => `<img src="/gallery/${i}.jpg">`).join('');
    const check = auditPage(fetched(html({ body: `<main>${images}</main>` }))).checks.find(
      (item) => item.id === 'image-alt',
    );
    expect(check?.found).toBe('Images without an alt attribute: 30 of 30.');
    expect(check?.items).toHaveLength(20);
    expect(check?.items?.[19]).toBe('/gallery/19.jpg');
  });

  // Its speed is measured in bench/site.js; here, that a page this size is read to its end.
  it('audits a 200 KB page whole: every check, every section counted', () => {
    const sections = Array.from(
      { length: 70 },
      (_, i) => `<section><h2>Part ${i + 1}</h2>${toHtml(contentCalendar)}</section>`,
    ).join('');
    const page = fetched(
      html({
        body: `<header><nav>${'<a href="/x">Menu entry</a>'.repeat(100)}</nav></header><main><h1>Content calendars</h1>${sections}</main>`,
      }),
    );
    expect(page.body.length).toBeGreaterThan(200_000);
    const audit = auditPage(page, { keyphrase: 'content calendar' });
    const oneSection = auditPage(
      fetched(html({ body: `<main><section>${toHtml(contentCalendar)}</section></main>` })),
      { keyphrase: 'content calendar' },
    );
    const ids = (checks: { id: string }[]) => checks.map((check) => check.id);
    expect(ids(audit.checks)).toEqual(ids(oneSection.checks));
    // Every section's words are counted, to the last one.
    expect(audit.facts.wordCount).toBeGreaterThan(69 * oneSection.facts.wordCount);
  });
});

describe('the facts a crawl keeps', () => {
  it('keeps the title, description, canonical, language and language versions', () => {
    const { facts } = auditPage(goodArticle());
    expect(facts).toMatchObject({
      title: 'Content calendar: plan posts your team can keep up with',
      description: expect.stringMatching(
        /^A content calendar keeps your team publishing steadily\./,
      ),
      canonical: ARTICLE_URL,
      lang: 'en',
      noindex: false,
      nofollow: false,
      hreflang: [
        { lang: 'en', href: ARTICLE_URL },
        { lang: 'de', href: 'https://www.example.com/de/blog/redaktionsplan' },
        { lang: 'x-default', href: ARTICLE_URL },
      ],
    });
    expect(facts.wordCount).toBeGreaterThan(400);
  });

  it('normalises, deduplicates and classifies the links, leaving out the page itself', () => {
    const { facts } = auditPage(goodArticle());
    expect(facts.links).toEqual([
      { href: 'https://www.example.com/', internal: true, nofollow: false },
      { href: 'https://www.example.com/blog', internal: true, nofollow: false },
      { href: 'https://www.example.com/guides', internal: true, nofollow: false },
      { href: 'https://www.example.com/about', internal: true, nofollow: false },
      { href: 'https://www.example.com/blog/editorial-metrics', internal: true, nofollow: false },
      { href: 'https://contentmarketinginstitute.com/research', internal: false, nofollow: false },
      { href: 'https://twitter.com/example', internal: false, nofollow: true },
    ]);
  });

  it('resolves against <base href>, follows an address any link follows, and reads image maps', () => {
    const page = fetched(
      html({
        head: '<base href="https://example.com/docs/">',
        body: `<main>
          <a href="intro" rel="nofollow">Introduction</a>
          <a href="intro/">The introduction again</a>
          <a href="/pricing" rel="nofollow ugc">Pricing</a>
          <a href="https://help.example.com/">Help centre</a>
          <map name="m"><area href="contact" alt="Contact"></map>
          <a href="tel:+441234">Call</a>
        </main>`,
      }),
    );
    expect(auditPage(page).facts.links).toEqual([
      { href: 'https://example.com/docs/intro', internal: true, nofollow: false },
      { href: 'https://example.com/pricing', internal: true, nofollow: true },
      { href: 'https://help.example.com/', internal: false, nofollow: false },
      { href: 'https://example.com/docs/contact', internal: true, nofollow: false },
    ]);
  });

  it('keeps noindex and nofollow from the meta tags and the header', () => {
    expect(auditPage(brokenPage()).facts).toMatchObject({
      noindex: true,
      nofollow: true,
      lang: null,
      description: null,
    });
    const header = fetched(html(), {
      headers: { ...goodArticle().headers, 'x-robots-tag': 'googlebot: nofollow' },
    });
    expect(auditPage(header).facts).toMatchObject({ noindex: false, nofollow: true });
  });
});
