import { gzipSync } from 'node:zlib';
import { serve, type LoopbackServer } from './loopback-sites';

/**
 * A small real-looking site on 127.0.0.1 with planted problems, for the crawl's tests, the e2e
 * and the benchmark: a sitemap index, robots.txt, redirects (one a chain), broken links,
 * duplicate titles and descriptions, an orphan page, hreflang pairs (one missing its return
 * link) and a section of `sectionPages` product pages.
 */

export interface FixtureSite extends LoopbackServer {
  /** How often each path (with its query) was requested. */
  hits(): Map<string, number>;
  /** Milliseconds each response waits before it is sent (a slow site, for cancel and restart). */
  latencyMs: number;
  /** Changes to a page from now on (an empty description drops the tag), by path. */
  edits: Record<string, Partial<Page>>;
}

export interface Page {
  title: string;
  description: string;
  lang?: string;
  body: string;
  links: string[];
  alternates?: Record<string, string>;
}

const words = (n: number, seed: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      ['compost', 'garden', 'soil', 'worms', 'kitchen', 'waste', 'heap', 'leaves', 'carbon'][
        (i * 7 + seed) % 9
      ],
  ).join(' ');

const article = (seed: number) =>
  Array.from(
    { length: 4 },
    (_, i) => `<h2>Part ${i + 1}</h2><p>${words(90, seed + i)}. ${words(12, i)}.</p>`,
  ).join('');

const html = (origin: string, path: string, page: Page) => `<!doctype html>
<html lang="${page.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
${page.description ? `<meta name="description" content="${page.description}">` : ''}
<link rel="canonical" href="${origin}${path}">
${Object.entries(page.alternates ?? {})
  .map(([lang, href]) => `<link rel="alternate" hreflang="${lang}" href="${origin}${href}">`)
  .join('\n')}
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:image" content="${origin}/cover.png">
<meta property="og:url" content="${origin}${path}">
<meta name="twitter:card" content="summary">
</head>
<body>
<nav>${page.links.map((href) => `<a href="${href}">${href.replace(/\W+/g, ' ').trim() || 'Home'} page</a>`).join(' ')}</nav>
<main><h1>${page.title}</h1>${page.body}</main>
</body>
</html>`;

export const SECTION = '/products';

export const startFixtureSite = async (
  options: { sectionPages?: number; host?: string } = {},
): Promise<FixtureSite> => {
  const sectionPages = options.sectionPages ?? 500;
  const counts = new Map<string, number>();
  const product = (n: number) => `${SECTION}/item-${n}`;
  const pages = (): Record<string, Page> => {
    const site: Record<string, Page> = {
      '/': {
        title: 'Fixture Garden: composting for everyone',
        description: 'Guides to composting at home, from the first heap to worm bins.',
        body: article(1),
        links: [
          '/about',
          '/contact',
          '/team',
          '/old-page',
          '/chain-start',
          '/missing',
          '/broken',
          '/private/notes',
          SECTION,
          '/en/guide',
          '/fr/guide',
          '/#top',
        ],
      },
      '/about': {
        title: 'About us | Fixture Garden',
        description: 'Who writes Fixture Garden and why we compost.',
        body: article(2),
        links: ['/'],
      },
      '/contact': {
        title: 'About us | Fixture Garden',
        description: 'Write to the Fixture Garden team.',
        body: article(3),
        links: ['/'],
      },
      '/team': {
        title: 'Our team | Fixture Garden',
        description: 'Write to the Fixture Garden team.',
        body: article(4),
        links: ['/'],
      },
      '/new-page': {
        title: 'The new page | Fixture Garden',
        description: 'Where the old page moved to.',
        body: article(5),
        links: ['/'],
      },
      '/chain-end': {
        title: 'End of the chain | Fixture Garden',
        description: 'Reached through two redirects.',
        body: article(6),
        links: ['/'],
      },
      '/orphan': {
        title: 'A page nobody links to | Fixture Garden',
        description: 'Listed in the sitemap, linked from nowhere.',
        body: article(7),
        links: ['/'],
      },
      '/en/guide': {
        title: 'Composting guide | Fixture Garden',
        description: 'Everything about composting, in English.',
        body: article(8),
        links: ['/', '/de/anleitung'],
        alternates: { en: '/en/guide', de: '/de/anleitung', 'x-default': '/en/guide' },
      },
      '/de/anleitung': {
        title: 'Kompostieranleitung | Fixture Garden',
        description: 'Alles über das Kompostieren, auf Deutsch.',
        lang: 'de',
        body: article(9),
        links: ['/', '/en/guide'],
        alternates: { en: '/en/guide', de: '/de/anleitung', 'x-default': '/en/guide' },
      },
      // Names the English guide as its alternate; the English guide does not name it back.
      '/fr/guide': {
        title: 'Guide du compost | Fixture Garden',
        description: 'Tout sur le compost, en français.',
        lang: 'fr',
        body: article(10),
        links: ['/'],
        alternates: { fr: '/fr/guide', en: '/en/guide' },
      },
      [SECTION]: {
        title: 'Products | Fixture Garden',
        description: 'Every compost bin and tool we have tried.',
        body: article(11),
        links: ['/', ...Array.from({ length: sectionPages }, (_, i) => product(i + 1))],
      },
    };
    // Linked from nowhere and in no sitemap: for audits of one large page (about 200 KB).
    site['/long-read'] = {
      title: 'The long read: eighteen months of composting | Fixture Garden',
      description: 'Eighteen months of notes from one compost heap, week by week.',
      body: Array.from({ length: 72 }, (_, week) => article(week * 4)).join(''),
      links: ['/', '/about'],
    };
    for (let n = 1; n <= sectionPages; n += 1) {
      site[product(n)] = {
        title: `Compost bin model ${n} | Fixture Garden`,
        description: `Our review of compost bin model ${n}: size, price and how well it composts.`,
        body: article(n),
        links: [SECTION, product((n % sectionPages) + 1)],
      };
    }
    return site;
  };

  let site: Record<string, Page> | undefined;
  const server = (await serve(options.host ?? '127.0.0.1', (request, response) => {
    const path = request.url ?? '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const origin = fixture.origin;
    site ??= pages();
    const send = () => {
      const xml = (body: string) => {
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
      };
      const gzippedXml = (body: string) => {
        response.writeHead(200, { 'content-type': 'application/gzip' });
        response.end(gzipSync(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`));
      };
      const redirect = (status: number, location: string) => {
        response.writeHead(status, { location });
        response.end();
      };
      switch (path) {
        case '/robots.txt':
          response.writeHead(200, { 'content-type': 'text/plain' });
          return response.end(
            `User-agent: *\nDisallow: /private\n\nSitemap: ${origin}/sitemap.xml\n`,
          );
        case '/sitemap.xml':
          return xml(
            `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-pages.xml.gz</loc></sitemap><sitemap><loc>${origin}/sitemap-products.xml</loc></sitemap></sitemapindex>`,
          );
        // Gzipped, as large sites serve theirs.
        case '/sitemap-pages.xml.gz':
          return gzippedXml(
            `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
              '/',
              '/about',
              '/contact',
              '/team',
              '/orphan',
              '/en/guide',
              '/de/anleitung',
            ]
              .map((p) => `<url><loc>${origin}${p}</loc></url>`)
              .join('')}</urlset>`,
          );
        case '/sitemap-products.xml':
          return xml(
            `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from({ length: Math.min(sectionPages, 50) }, (_, i) => `<url><loc>${origin}${product(i + 1)}</loc></url>`).join('')}</urlset>`,
          );
        case '/old-page':
          return redirect(301, '/new-page');
        case '/chain-start':
          return redirect(301, '/chain-middle');
        case '/chain-middle':
          return redirect(302, '/chain-end');
        case '/broken':
          response.writeHead(500, { 'content-type': 'text/html' });
          return response.end('<h1>Server error</h1>');
      }
      const page = site![path] && { ...site![path], ...fixture.edits[path] };
      if (!page) {
        response.writeHead(404, { 'content-type': 'text/html' });
        return response.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
      }
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'max-age=300',
      });
      response.end(html(origin, path, page));
    };
    if (fixture.latencyMs) setTimeout(send, fixture.latencyMs);
    else send();
  })) as FixtureSite;
  const fixture = server;
  fixture.latencyMs = 0;
  fixture.edits = {};
  fixture.hits = () => counts;
  return fixture;
};
