import type { RobotsVerdict } from '../../../analysis/site';
import {
  ARTICLE_URL,
  brokenPage,
  checkOf,
  fetched,
  germanArticle,
  goodArticle,
  goodHead,
  GERMAN_URL,
  html,
  ran,
} from './fixtures';

const ROBOTS_URL = 'https://www.example.com/robots.txt';
const robots = (verdict: Partial<RobotsVerdict> = {}): RobotsVerdict => ({
  url: ROBOTS_URL,
  status: 200,
  allowed: true,
  ...verdict,
});
const withHeaders = (headers: Record<string, string>, body = html()) =>
  fetched(body, { headers: { ...goodArticle().headers, ...headers } });
/** The good article with its canonical link replaced. */
const withCanonical = (tags: string) =>
  fetched(html({ head: goodHead().replace(/<link rel="canonical"[^>]*>/, tags) }));

describe('is-crawlable', () => {
  it('passes a page nothing blocks', () => {
    const result = checkOf(goodArticle(), 'is-crawlable', { robots: robots() });
    expect(result).toMatchObject({ passed: true, severity: 'error', lighthouse: 'is-crawlable' });
  });

  it('fails a meta robots noindex', () => {
    const result = checkOf(brokenPage(), 'is-crawlable');
    expect(result).toMatchObject({ passed: false, items: ['<meta name="robots">: noindex'] });
  });

  it.each([
    ['noindex', 'X-Robots-Tag: noindex'],
    ['none', 'X-Robots-Tag: none'],
    ['googlebot: noindex, nofollow', 'X-Robots-Tag: googlebot: noindex'],
    ['unavailable_after: 2001-01-01', 'X-Robots-Tag: unavailable_after: 2001-01-01'],
  ])('fails X-Robots-Tag: %s', (header, item) => {
    const result = checkOf(withHeaders({ 'x-robots-tag': header }), 'is-crawlable');
    expect(result.passed).toBe(false);
    expect(result.items).toEqual([item]);
  });

  it.each([
    ['bingbot: noindex'],
    ['unavailable_after: 2999-01-01'],
    ['max-snippet: 50, noarchive'],
  ])('passes X-Robots-Tag: %s (not for Google, or not yet)', (header) => {
    expect(checkOf(withHeaders({ 'x-robots-tag': header }), 'is-crawlable').passed).toBe(true);
  });

  it('fails a <meta name="googlebot" content="noindex">, not one for another crawler', () => {
    const google = fetched(html({ extraHead: '<meta name="googlebot" content="noindex">' }));
    expect(checkOf(google, 'is-crawlable').items).toEqual(['<meta name="googlebot">: noindex']);
    const bing = fetched(html({ extraHead: '<meta name="bingbot" content="noindex">' }));
    expect(checkOf(bing, 'is-crawlable').passed).toBe(true);
  });

  it('fails an address robots.txt disallows', () => {
    const result = checkOf(goodArticle(), 'is-crawlable', { robots: robots({ allowed: false }) });
    expect(result.items).toEqual([`${ROBOTS_URL} disallows this address`]);
  });

  it('reads the header of a page that is not HTML', () => {
    const pdf = fetched('', {
      contentType: 'application/pdf',
      headers: { 'content-type': 'application/pdf', 'x-robots-tag': 'noindex' },
    });
    expect(checkOf(pdf, 'is-crawlable').passed).toBe(false);
  });
});

describe('robots-txt', () => {
  it('passes a valid robots.txt and a missing one', () => {
    expect(checkOf(goodArticle(), 'robots-txt', { robots: robots() })).toMatchObject({
      passed: true,
      lighthouse: 'robots-txt',
      found: `${ROBOTS_URL} is valid.`,
    });
    expect(checkOf(goodArticle(), 'robots-txt', { robots: robots({ status: 404 }) }).found).toBe(
      'There is no robots.txt (HTTP 404): every address may be crawled.',
    );
  });

  it.each([500, 503, 429])('fails a robots.txt that answered %i', (status) => {
    const result = checkOf(goodArticle(), 'robots-txt', { robots: robots({ status }) });
    expect(result).toMatchObject({
      passed: false,
      found: `${ROBOTS_URL} answered HTTP ${status}.`,
    });
  });

  it('fails a robots.txt that could not be fetched', () => {
    const result = checkOf(goodArticle(), 'robots-txt', { robots: robots({ status: 0 }) });
    expect(result.found).toBe(`${ROBOTS_URL} could not be fetched.`);
  });

  it('fails invalid lines, listing them', () => {
    const invalidLines = ['Disalow: /admin', 'Allow admin'];
    const result = checkOf(goodArticle(), 'robots-txt', { robots: robots({ invalidLines }) });
    expect(result).toMatchObject({ passed: false, items: invalidLines });
    expect(result.found).toBe(`2 lines of ${ROBOTS_URL} cannot be read.`);
  });

  it('does not run without a robots.txt verdict', () => {
    expect(ran(goodArticle(), 'robots-txt')).toBe(false);
  });
});

describe('robots-directives', () => {
  it('passes a page without limiting directives, listing those it has', () => {
    expect(checkOf(goodArticle(), 'robots-directives').found).toBe(
      'The page sets no robots directives.',
    );
    const result = checkOf(
      withHeaders({ 'x-robots-tag': 'noarchive, max-image-preview:large' }),
      'robots-directives',
    );
    expect(result.passed).toBe(true);
    expect(result.items).toEqual([
      'X-Robots-Tag: noarchive',
      'X-Robots-Tag: max-image-preview: large',
    ]);
  });

  it('fails nofollow, nosnippet and max-snippet:0', () => {
    expect(checkOf(brokenPage(), 'robots-directives').items).toEqual([
      '<meta name="robots">: nofollow',
    ]);
    const page = fetched(
      html({ extraHead: '<meta name="robots" content="nosnippet, max-snippet:0">' }),
    );
    expect(checkOf(page, 'robots-directives').items).toEqual([
      '<meta name="robots">: nosnippet',
      '<meta name="robots">: max-snippet: 0',
    ]);
  });
});

describe('canonical', () => {
  it('passes a self-referencing canonical', () => {
    const result = checkOf(goodArticle(), 'canonical');
    expect(result).toMatchObject({
      passed: true,
      lighthouse: 'canonical',
      found: 'The canonical link points to the page itself.',
      items: [ARTICLE_URL],
    });
  });

  it('passes a canonical that points to another page of the site, saying so', () => {
    const result = checkOf(
      withCanonical(
        '<link rel="canonical" href="https://www.example.com/guides/content-calendar">',
      ),
      'canonical',
    );
    expect(result.passed).toBe(true);
    expect(result.found).toBe(
      'The canonical link points to another page: https://www.example.com/guides/content-calendar.',
    );
  });

  it('passes a page without one (as Lighthouse: not applicable)', () => {
    expect(checkOf(withCanonical(''), 'canonical').passed).toBe(true);
  });

  it('reads the Link header', () => {
    const page = fetched(html({ head: goodHead().replace(/<link rel="canonical"[^>]*>/, '') }), {
      headers: { ...goodArticle().headers, link: `<${ARTICLE_URL}>; rel="canonical"` },
    });
    expect(checkOf(page, 'canonical').found).toBe('The canonical link points to the page itself.');
  });

  it('ignores a canonical link in <body>', () => {
    const page = fetched(
      html({
        head: goodHead().replace(/<link rel="canonical"[^>]*>/, ''),
        body: '<main><link rel="canonical" href="/"><p>Text</p></main>',
      }),
    );
    expect(checkOf(page, 'canonical').found).toMatch(/names no canonical/);
  });

  it.each([
    [
      'a relative address',
      '<link rel="canonical" href="/blog/content-calendar">',
      'The canonical address "/blog/content-calendar" is relative.',
    ],
    [
      'an invalid address',
      '<link rel="canonical" href="https://exa mple.com/">',
      'The canonical address "https://exa mple.com/" is not a valid URL.',
    ],
    [
      'conflicting addresses',
      `<link rel="canonical" href="${ARTICLE_URL}"><link rel="canonical" href="https://www.example.com/blog/calendar">`,
      'The page names 2 different canonical addresses.',
    ],
    [
      'another site',
      '<link rel="canonical" href="https://medium.com/@example/content-calendar">',
      'The canonical link points to another site: https://medium.com/@example/content-calendar.',
    ],
    [
      'the home page',
      '<link rel="canonical" href="https://www.example.com/">',
      'The canonical link points to the home page, not to an equivalent of this page.',
    ],
  ])('fails %s', (_, tags, found) => {
    const result = checkOf(withCanonical(tags), 'canonical');
    expect(result).toMatchObject({ passed: false, severity: 'warning', found });
    expect(result.fix).toBeTruthy();
  });

  it('fails a canonical pointing at another language version', () => {
    const page = fetched(
      html({
        head: goodHead().replace(
          /<link rel="canonical"[^>]*>/,
          `<link rel="canonical" href="${ARTICLE_URL}">`,
        ),
      }),
      {
        url: GERMAN_URL,
        finalUrl: GERMAN_URL,
      },
    );
    expect(checkOf(page, 'canonical').found).toBe(
      `The canonical link points to another language version: ${ARTICLE_URL}.`,
    );
  });

  it('lets the home page name itself', () => {
    const home = 'https://www.example.com/';
    const page = fetched(html({ head: `<link rel="canonical" href="${home}">` }), {
      url: home,
      finalUrl: home,
    });
    expect(checkOf(page, 'canonical').found).toBe('The canonical link points to the page itself.');
  });
});

describe('hreflang', () => {
  it('passes valid language versions and notes the x-default', () => {
    const result = checkOf(goodArticle(), 'hreflang');
    expect(result).toMatchObject({ passed: true, lighthouse: 'hreflang' });
    expect(result.found).toBe('3 language versions (en, de, x-default), with an x-default.');
  });

  it('passes a page without language versions', () => {
    const page = fetched(html({ head: '<title>A page in one language only</title>' }));
    expect(checkOf(page, 'hreflang').found).toBe('The page lists no language versions (hreflang).');
  });

  it('fails invalid codes, relative hrefs and links in <body>', () => {
    const page = fetched(
      html({
        head: `<link rel="alternate" hreflang="en-UK" href="https://www.example.com/uk/">
          <link rel="alternate" hreflang="jp" href="https://www.example.com/ja/">
          <link rel="alternate" hreflang="en_US" href="https://www.example.com/us/">
          <link rel="alternate" hreflang="pt-BR" href="/br/">
          <link rel="alternate" hreflang="zh-Hant-TW" href="https://www.example.com/tw/">
          <link rel="alternate" hreflang="es-419" href="https://www.example.com/latam/">`,
        body: '<main><link rel="alternate" hreflang="fr" href="https://www.example.com/fr/"></main>',
      }),
    );
    const result = checkOf(page, 'hreflang');
    expect(result.passed).toBe(false);
    expect(result.found).toBe(
      '7 language versions (en-UK, jp, en_US, pt-BR, zh-Hant-TW, es-419, fr), without an x-default.',
    );
    expect(result.items).toEqual([
      'en-UK: not a valid language code',
      'jp: not a valid language code',
      'en_US: not a valid language code',
      'pt-BR: relative href "/br/"',
      'fr: in <body>, where search engines ignore it',
    ]);
  });

  it('reads language versions from the Link header', () => {
    const page = fetched(html({ head: '<title>Content calendars for teams</title>' }), {
      headers: {
        ...goodArticle().headers,
        link: '<https://www.example.com/de/>; rel="alternate"; hreflang="de", <https://www.example.com/>; rel="alternate"; hreflang="x-default"',
      },
    });
    expect(checkOf(page, 'hreflang').found).toBe(
      '2 language versions (de, x-default), with an x-default.',
    );
  });
});

describe('html-lang', () => {
  it('passes a valid lang', () => {
    expect(checkOf(germanArticle(), 'html-lang')).toMatchObject({
      passed: true,
      found: 'The page declares its language: de-DE.',
    });
  });

  it('fails a missing or invalid lang', () => {
    expect(checkOf(brokenPage(), 'html-lang')).toMatchObject({
      passed: false,
      found: 'The <html> element has no lang attribute.',
    });
    expect(checkOf(fetched(html({ lang: 'english' })), 'html-lang').found).toBe(
      'lang="english" is not a valid language code.',
    );
  });
});

describe('charset', () => {
  const plainHtml = { 'content-type': 'text/html' };
  it('passes a charset in the Content-Type header', () => {
    expect(checkOf(goodArticle(), 'charset').found).toBe('The Content-Type header declares utf-8.');
  });

  it('passes an early <meta charset> or http-equiv', () => {
    const meta = fetched(html({ head: '<meta charset="UTF-8"><title>Plans</title>' }), {
      contentType: 'text/html',
      headers: plainHtml,
    });
    expect(checkOf(meta, 'charset').found).toBe('A <meta> tag declares UTF-8.');
    const equiv = fetched(
      html({ head: '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' }),
      {
        contentType: 'text/html',
        headers: plainHtml,
      },
    );
    expect(checkOf(equiv, 'charset').found).toBe('A <meta> tag declares iso-8859-1.');
  });

  it('fails a <meta charset> after the first 1024 bytes, and no declaration at all', () => {
    const late = fetched(
      html({ head: `<title>${'Plans '.repeat(200)}</title><meta charset="utf-8">` }),
      {
        contentType: 'text/html',
        headers: plainHtml,
      },
    );
    expect(checkOf(late, 'charset')).toMatchObject({
      passed: false,
      found: 'The <meta> declaring utf-8 comes after the first 1024 bytes.',
    });
    expect(checkOf(brokenPage(), 'charset').found).toBe(
      'Neither the Content-Type header nor a <meta> tag declares the encoding.',
    );
  });
});

describe('viewport', () => {
  it('passes a viewport with a width', () => {
    expect(checkOf(goodArticle(), 'viewport').passed).toBe(true);
  });

  it('fails a missing viewport and one without width or initial-scale', () => {
    expect(checkOf(brokenPage(), 'viewport').found).toBe('The page has no <meta name="viewport">.');
    const page = fetched(html({ head: '<meta name="viewport" content="user-scalable=yes">' }));
    expect(checkOf(page, 'viewport')).toMatchObject({
      passed: false,
      found: 'The viewport "user-scalable=yes" sets neither width nor initial-scale.',
    });
  });
});
