import { auditPage } from '../../../analysis/site';
import type { AuditOptions, CheckResult, FetchedPage } from '../../../analysis/site';
import { contentCalendar, redaktionsplan, toHtml } from '../../fixtures/seo/articles';

/**
 * Real-looking pages for the page audit: a well-made English article, a German one, and a page
 * with every problem the checks know. Cases change one thing of these with `html()` or `fetched()`.
 */

export const ARTICLE_URL = 'https://www.example.com/blog/content-calendar';
export const GERMAN_URL = 'https://www.example.com/de/blog/redaktionsplan';

/** A response as the fetcher gives it: HTTPS, fast, compressed, cacheable; override what a case needs. */
export const fetched = (body: string, overrides: Partial<FetchedPage> = {}): FetchedPage => ({
  url: ARTICLE_URL,
  finalUrl: ARTICLE_URL,
  status: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-encoding': 'br',
    'cache-control': 'public, max-age=300',
    etag: '"5f2c-1a"',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
  },
  redirects: [],
  timings: { ttfbMs: 120, totalMs: 340 },
  bytes: Math.round(body.length / 4),
  decodedBytes: body.length,
  contentType: 'text/html; charset=utf-8',
  body,
  ...overrides,
});

export interface ArticleParts {
  lang?: string;
  /** Everything in <head>; replaces the good head when given. */
  head?: string;
  /** Added at the end of <head>. */
  extraHead?: string;
  body?: string;
}

const ARTICLE_JSON_LD = {
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'BlogPosting',
      headline: 'Content calendar: how to plan posts your team can keep up with',
      image: ['https://www.example.com/uploads/calendar-wall.jpg'],
      datePublished: '2024-03-04',
      dateModified: '2024-05-10',
      author: { '@type': 'Person', name: 'Dana Whitfield' },
    },
    {
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://www.example.com/' },
        { '@type': 'ListItem', position: 2, name: 'Blog', item: 'https://www.example.com/blog' },
      ],
    },
  ],
};

const ENGLISH = {
  url: ARTICLE_URL,
  title: 'Content calendar: plan posts your team can keep up with',
  description:
    'A content calendar keeps your team publishing steadily. Learn how to choose a cadence, plan for several teams and measure results.',
};

/** The head of a well-made article: every tag the checks look for, done right. */
export const goodHead = ({ url, title, description } = ENGLISH) => `
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <meta name="description" content="${description}">
    <link rel="canonical" href="${url}">
    <link rel="alternate" hreflang="en" href="${ARTICLE_URL}">
    <link rel="alternate" hreflang="de" href="${GERMAN_URL}">
    <link rel="alternate" hreflang="x-default" href="${ARTICLE_URL}">
    <meta property="og:title" content="${title}">
    <meta property="og:description" content="${description}">
    <meta property="og:image" content="https://www.example.com/uploads/calendar-wall.jpg">
    <meta property="og:url" content="${url}">
    <meta name="twitter:card" content="summary_large_image">
    <link rel="stylesheet" href="/assets/site.css">
    <link rel="stylesheet" href="/assets/print.css" media="print">
    <script src="/assets/app.js" defer></script>
    <script type="module" src="/assets/search.js"></script>
    <script type="application/ld+json">${JSON.stringify(ARTICLE_JSON_LD)}</script>`;

export const GOOD_BODY = `
    <header>
      <a href="/" class="logo"><img src="/logo.svg" alt="Example"></a>
      <nav><a href="/blog">Blog</a> <a href="/guides/">Guides</a> <a href="/about?utm_source=nav">About us</a></nav>
    </header>
    <main>
      <article>
        <h1>Content calendar: how to plan posts your team can keep up with</h1>
        ${toHtml(contentCalendar)}
      </article>
    </main>
    <footer>
      <a href="https://twitter.com/example" rel="nofollow me">Example on X</a>
      <a href="mailto:editors@example.com">Write to the editors</a>
      <a href="#top">Back to the top</a>
    </footer>`;

/** A whole document from its parts; the good article when none are given. */
export const html = ({
  lang = 'en',
  head = goodHead(),
  extraHead = '',
  body = GOOD_BODY,
}: ArticleParts = {}) =>
  `<!DOCTYPE html>
<html${lang ? ` lang="${lang}"` : ''}>
  <head>${head}${extraHead}
  </head>
  <body>${body}
  </body>
</html>`;

export const goodArticle = () => fetched(html());

/** The German article: its links say "hier", "mehr" and "Read more", and one "ici" (French). */
export const germanArticle = () =>
  fetched(
    html({
      lang: 'de-DE',
      head: goodHead({
        url: GERMAN_URL,
        title: 'Redaktionsplan: So planen Teams ihre Beiträge',
        description:
          'Ein Redaktionsplan zeigt, was Ihr Team wann veröffentlicht. So finden Sie den richtigen Rhythmus und messen, was der Plan bringt.',
      }),
      body: `
    <main>
      <h1>Redaktionsplan: So planen Teams ihre Beiträge</h1>
      ${toHtml(redaktionsplan)}
      <p>Die Vorlage gibt es <a href="/de/vorlagen/redaktionsplan">hier</a>, weitere Tipps <a href="/de/blog">mehr …</a>.</p>
      <p><a href="/blog/content-calendar">Read more</a> · <a href="/fr/blog/calendrier">ici</a></p>
    </main>`,
    }),
    { url: GERMAN_URL, finalUrl: GERMAN_URL },
  );

/** A page with every problem the checks know (on HTTPS, so that mixed content can show). */
export const BROKEN_URL = 'https://www.example.com/deals/';

export const brokenPage = () =>
  fetched(
    `<html>
  <head>
    <title>Deals</title>
    <meta name="robots" content="noindex, nofollow">
    <link rel="canonical" href="/">
    <link rel="alternate" hreflang="en-UK" href="/en-uk/deals">
    <link rel="stylesheet" href="http://cdn.example.net/base.css">
    <link rel="stylesheet" href="/css/theme.css">
    <link rel="stylesheet" href="/css/fonts.css">
    <script src="http://cdn.example.net/tracker.js"></script>
    <script>window.__STATE__ = ${JSON.stringify({ products: Array.from({ length: 80 }, (_, i) => ({ id: i, name: `Product ${i}`, price: 9.99 + i })) })};</script>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product", "name": "Widget"}</script>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",}</script>
  </head>
  <body>
    <h2>Welcome</h2>
    <h4>Today's deals</h4>
    <img src="/banner.jpg">
    <img src="http://cdn.example.net/deal.jpg" alt="">
    <p>Great deals every day. <a href="/deals/today">click here</a> <a href="javascript:void(0)">Open the menu</a> <a>Placeholder</a> <a href="https://www.example.com/shop">https://www.example.com/shop</a></p>
    <iframe src="http://video.example.net/embed/42"></iframe>
  </body>
</html>`,
    {
      url: 'http://example.com/deals',
      finalUrl: BROKEN_URL,
      redirects: [
        { url: 'http://example.com/deals', status: 301, location: 'https://example.com/deals' },
        { url: 'https://example.com/deals', status: 302, location: BROKEN_URL },
      ],
      headers: { 'content-type': 'text/html' },
      contentType: 'text/html',
      timings: { ttfbMs: 1450, totalMs: 3900 },
    },
  );

/** The result of one check on a page; fails the test when the check did not run. */
export const checkOf = (page: FetchedPage, id: string, options?: AuditOptions): CheckResult => {
  const result = auditPage(page, options).checks.find((check) => check.id === id);
  if (!result) throw new Error(`${id} did not run on ${page.finalUrl}`);
  return result;
};

/** Whether a check ran at all (a check that does not apply is left out). */
export const ran = (page: FetchedPage, id: string, options?: AuditOptions) =>
  auditPage(page, options).checks.some((check) => check.id === id);
