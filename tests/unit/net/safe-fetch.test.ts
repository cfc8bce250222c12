import zlib from 'node:zlib';
import { createSafeFetcher, USER_AGENT, type SafeFetcher } from '../../../server/net/safe-fetch';
import { readRobots } from '../../../server/net/robots';
import { serve, type LoopbackServer } from '../../helpers/loopback-sites';
import { refusedConnections } from '../../helpers/loopback-guard';

/**
 * The fetcher end to end over loopback: 127.0.0.1 is allow-listed, 127.0.0.2 and [::1] are not,
 * and listeners there prove that a refused fetch never reached them.
 */

let site: LoopbackServer;
let forbidden: LoopbackServer;
let forbiddenV6: LoopbackServer;
let fetcher: SafeFetcher;
const hosts: Record<string, string> = {};

beforeAll(async () => {
  forbidden = await serve('127.0.0.2', (_, response) => response.end('secret'));
  forbiddenV6 = await serve('::1', (_, response) => response.end('secret'));
  site = await serve('127.0.0.1', (request, response) => {
    const url = new URL(request.url!, 'http://x');
    const hop = Number(url.searchParams.get('hop') ?? 0);
    switch (url.pathname) {
      case '/page':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(`<title>Café</title><p>${request.headers['user-agent']}</p>`);
      case '/to-forbidden':
        response.writeHead(302, { location: `${forbidden.origin}/secret` });
        return response.end();
      case '/to-forbidden-v6':
        response.writeHead(301, { location: `${forbiddenV6.origin}/secret` });
        return response.end();
      case '/chain':
        response.writeHead(hop % 2 ? 301 : 307, {
          location:
            hop < Number(url.searchParams.get('to'))
              ? `/chain?hop=${hop + 1}&to=${url.searchParams.get('to')}`
              : '/page',
        });
        return response.end();
      case '/gzip': {
        const html = `<p>${'compressible '.repeat(2000)}</p>`;
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return response.end(zlib.gzipSync(html));
      }
      case '/sitemap.xml.gz':
        response.writeHead(200, { 'content-type': 'application/gzip' });
        return response.end(zlib.gzipSync('<urlset><url><loc>/a</loc></url></urlset>'));
      case '/octet.xml.gz':
        response.writeHead(200, { 'content-type': 'binary/octet-stream' });
        return response.end(zlib.gzipSync('<urlset><url><loc>/b</loc></url></urlset>'));
      case '/sitemap-bomb.xml.gz':
        response.writeHead(200, { 'content-type': 'application/x-gzip' });
        return response.end(zlib.gzipSync(Buffer.alloc(3_000_000, 32)));
      case '/bomb':
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return response.end(zlib.gzipSync(Buffer.alloc(3_000_000, 32)));
      case '/big':
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end('x'.repeat(2_000_000));
      case '/latin1':
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end(
          Buffer.concat([
            Buffer.from('<meta charset="iso-8859-1"><p>'),
            Buffer.from([0x63, 0x61, 0x66, 0xe9]),
          ]),
        );
      case '/image':
        response.writeHead(200, { 'content-type': 'image/png', 'content-length': '4' });
        return response.end(Buffer.from([1, 2, 3, 4]));
      case '/silent':
        return; // never answers
      case '/slow-body':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<p>start');
        return; // the rest never comes
      case '/robots.txt':
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end(
          'User-agent: *\nDisallow: /private\nCrawl-delay: 2\nSitemap: http://127.0.0.1/sitemap.xml\nNonsense line\nFoo: bar\n',
        );
      default:
        response.writeHead(404, { 'content-type': 'text/html' });
        return response.end('<h1>Not found</h1>');
    }
  });
  hosts['rebound.test'] = '127.0.0.2';
  hosts['site.test'] = '127.0.0.1';
  fetcher = createSafeFetcher({
    allowPrivateAddresses: ['127.0.0.1'],
    resolve: async (name) => {
      if (!hosts[name]) throw new Error(`getaddrinfo ENOTFOUND ${name}`);
      return [hosts[name]];
    },
    limits: { maxBytes: 1_000_000, firstByteTimeoutMs: 300, totalTimeoutMs: 1_500 },
  });
});

afterAll(async () => {
  await fetcher.close();
  await Promise.all([site.close(), forbidden.close(), forbiddenV6.close()]);
});

describe('what is fetched', () => {
  it('answers the page, with its status, headers, timings and the plugin’s user agent', async () => {
    const page = await fetcher.fetch(`${site.origin}/page#section`);
    expect(page).toMatchObject({
      url: `${site.origin}/page`,
      finalUrl: `${site.origin}/page`,
      status: 200,
      redirects: [],
      contentType: 'text/html; charset=utf-8',
    });
    expect(page.body).toBe(`<title>Café</title><p>${USER_AGENT}</p>`);
    expect(page.timings.totalMs).toBeGreaterThanOrEqual(page.timings.ttfbMs);
  });

  it('follows up to five redirects and records each hop', async () => {
    const page = await fetcher.fetch(`${site.origin}/chain?to=4`);
    expect(page.finalUrl).toBe(`${site.origin}/page`);
    expect(page.redirects.map((hop) => hop.status)).toEqual([307, 301, 307, 301, 307]);
    expect(page.redirects[0]!.location).toBe(`${site.origin}/chain?hop=1&to=4`);
  });

  it('refuses a sixth redirect', async () => {
    await expect(fetcher.fetch(`${site.origin}/chain?to=5`)).rejects.toMatchObject({
      rule: 'redirects',
      message: expect.stringContaining('redirects more than 5 times'),
    });
  });

  it('decompresses gzip and counts the bytes on the wire apart from the decoded ones', async () => {
    const page = await fetcher.fetch(`${site.origin}/gzip`);
    expect(page.decodedBytes).toBe(`<p>${'compressible '.repeat(2000)}</p>`.length);
    expect(page.bytes).toBeLessThan(page.decodedBytes / 10);
    expect(page.body.startsWith('<p>compressible')).toBe(true);
  });

  it('unpacks a gzip file as XML when asked (a .xml.gz sitemap), and only then', async () => {
    const sitemap = await fetcher.fetch(`${site.origin}/sitemap.xml.gz`, { gzippedXml: true });
    expect(sitemap.body).toBe('<urlset><url><loc>/a</loc></url></urlset>');
    expect(sitemap.bytes).toBeLessThan(sitemap.decodedBytes + 30);
    const octets = await fetcher.fetch(`${site.origin}/octet.xml.gz`, { gzippedXml: true });
    expect(octets.body).toContain('<loc>/b</loc>');
    expect((await fetcher.fetch(`${site.origin}/sitemap.xml.gz`)).body).toBe('');
    await expect(
      fetcher.fetch(`${site.origin}/sitemap-bomb.xml.gz`, { gzippedXml: true }),
    ).rejects.toMatchObject({ rule: 'body-size' });
  });

  it('decodes the charset a meta tag declares', async () => {
    expect((await fetcher.fetch(`${site.origin}/latin1`)).body).toMatch(/café$/);
  });

  it('does not read a body that is not text', async () => {
    const page = await fetcher.fetch(`${site.origin}/image`);
    expect(page).toMatchObject({ status: 200, body: '', contentType: 'image/png', bytes: 4 });
  });

  it('answers a 404 as a page with its status', async () => {
    expect((await fetcher.fetch(`${site.origin}/missing`)).status).toBe(404);
  });
});

describe('the safeguards', () => {
  it('caps the body on the wire', async () => {
    await expect(fetcher.fetch(`${site.origin}/big`)).rejects.toMatchObject({
      rule: 'body-size',
      message: expect.stringContaining('larger than 1,000,000 bytes'),
    });
  });

  it('caps the body once decompressed (a gzip bomb)', async () => {
    await expect(fetcher.fetch(`${site.origin}/bomb`)).rejects.toMatchObject({ rule: 'body-size' });
  });

  it('gives up on a server that never answers', async () => {
    await expect(fetcher.fetch(`${site.origin}/silent`)).rejects.toMatchObject({
      rule: 'timeout',
      message: expect.stringContaining('no response within 300 ms'),
    });
  });

  it('gives up on a body that stops arriving', async () => {
    await expect(fetcher.fetch(`${site.origin}/slow-body`)).rejects.toMatchObject({
      rule: 'timeout',
    });
  });

  it.each([
    ['ftp://127.0.0.1/file', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['http://user:secret@127.0.0.1/', 'credentials'],
    ['not a url', 'invalid-url'],
    ['http://nowhere.test/', 'dns'],
  ])('refuses %s (%s)', async (url, rule) => {
    await expect(fetcher.fetch(url)).rejects.toMatchObject({ rule });
  });
});

describe('loopback addresses that are not allow-listed', () => {
  const spellings = () => [
    `http://127.0.0.2:${forbidden.port}/`,
    `http://2130706434:${forbidden.port}/`,
    `http://0x7f000002:${forbidden.port}/`,
    `http://0177.0.0.2:${forbidden.port}/`,
    `http://0x7f.0.0.2:${forbidden.port}/`,
    `http://[::ffff:127.0.0.2]:${forbidden.port}/`,
    `http://[::ffff:7f00:2]:${forbidden.port}/`,
    `http://[::1]:${forbiddenV6.port}/`,
    `http://[0:0:0:0:0:0:0:1]:${forbiddenV6.port}/`,
    `http://rebound.test:${forbidden.port}/`,
    `${site.origin}/to-forbidden`,
    `${site.origin}/to-forbidden-v6`,
  ];

  it('are refused however they are spelled, directly, through a redirect or a name', async () => {
    for (const url of spellings()) {
      await expect(fetcher.fetch(url)).rejects.toMatchObject({
        rule: 'address',
        message: expect.stringMatching(
          /(127\.0\.0\.2|::1)( \(inside [^)]+\))? is a loopback address/,
        ),
      });
    }
    expect(forbidden.connections).toBe(0);
    expect(forbiddenV6.connections).toBe(0);
    expect(refusedConnections()).toEqual([]);
  });

  it('name the page that redirected there', async () => {
    await expect(fetcher.fetch(`${site.origin}/to-forbidden`)).rejects.toThrow(
      `${forbidden.origin}/secret (redirected from ${site.origin}/to-forbidden) was not fetched`,
    );
  });
});

describe('robots.txt', () => {
  it('says what the crawler may fetch, its delay, sitemaps and unreadable lines', async () => {
    const robots = await readRobots(fetcher, site.origin);
    expect(robots.verdict(`${site.origin}/private/page`).allowed).toBe(false);
    expect(robots.verdict(`${site.origin}/public`)).toEqual({
      url: `${site.origin}/robots.txt`,
      status: 200,
      allowed: true,
      invalidLines: ['Nonsense line', 'Foo: bar'],
    });
    expect(robots.crawlDelayMs).toBe(2000);
    expect(robots.sitemaps).toEqual(['http://127.0.0.1/sitemap.xml']);
  });

  it('allows everything when there is none, and nothing when it cannot be read', async () => {
    const absent = await serve('127.0.0.1', (_, response) => {
      response.writeHead(404);
      response.end();
    });
    const broken = await serve('127.0.0.1', (_, response) => {
      response.writeHead(503);
      response.end();
    });
    expect((await readRobots(fetcher, absent.origin)).verdict(`${absent.origin}/a`).allowed).toBe(
      true,
    );
    expect((await readRobots(fetcher, broken.origin)).verdict(`${broken.origin}/a`)).toMatchObject({
      status: 503,
      allowed: false,
    });
    await Promise.all([absent.close(), broken.close()]);
  });
});
