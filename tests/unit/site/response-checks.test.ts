import { brokenPage, checkOf, fetched, goodArticle, html, ran } from './fixtures';

const headersWithout = (...names: string[]) =>
  Object.fromEntries(
    Object.entries(goodArticle().headers).filter(([name]) => !names.includes(name)),
  );

describe('http-status-code', () => {
  it('passes a 200', () => {
    const result = checkOf(goodArticle(), 'http-status-code');
    expect(result).toMatchObject({
      passed: true,
      severity: 'error',
      lighthouse: 'http-status-code',
    });
    expect(result.found).toBe('The page answered HTTP 200.');
    expect(result.fix).toBeUndefined();
  });

  it.each([404, 410, 500, 503])('fails a %i', (status) => {
    const result = checkOf(fetched(html(), { status }), 'http-status-code');
    expect(result).toMatchObject({ passed: false, severity: 'error' });
    expect(result.found).toBe(`The page answered HTTP ${status}.`);
    expect(result.fix).toMatch(/status 200/);
  });

  it('passes a 304, which is no error (as Lighthouse)', () => {
    expect(checkOf(fetched(html(), { status: 304 }), 'http-status-code').passed).toBe(true);
  });
});

describe('redirects', () => {
  it('passes no redirect and a single one', () => {
    expect(checkOf(goodArticle(), 'redirects')).toMatchObject({
      passed: true,
      found: 'No redirects.',
    });
    const once = fetched(html(), {
      url: 'http://www.example.com/blog/content-calendar',
      redirects: [
        {
          url: 'http://www.example.com/blog/content-calendar',
          status: 301,
          location: 'https://www.example.com/blog/content-calendar',
        },
      ],
    });
    expect(checkOf(once, 'redirects')).toMatchObject({
      passed: true,
      found: 'One redirect (301) to the final address.',
    });
  });

  it('warns at two hops, listing each', () => {
    const result = checkOf(brokenPage(), 'redirects');
    expect(result).toMatchObject({
      passed: false,
      severity: 'warning',
      found: '2 redirects before the page answered.',
    });
    expect(result.items).toEqual([
      '301 http://example.com/deals → https://example.com/deals',
      '302 https://example.com/deals → https://www.example.com/deals/',
    ]);
  });
});

describe('server-response-time', () => {
  it('passes a first byte within 600 ms', () => {
    const result = checkOf(
      fetched(html(), { timings: { ttfbMs: 600, totalMs: 700 } }),
      'server-response-time',
    );
    expect(result).toMatchObject({ passed: true, found: 'The first byte came after 600 ms.' });
  });

  it('warns after 600 ms', () => {
    const result = checkOf(brokenPage(), 'server-response-time');
    expect(result).toMatchObject({
      passed: false,
      severity: 'warning',
      found: 'The first byte came after 1450 ms.',
    });
  });
});

describe('total-time', () => {
  it('passes a fast response and notes a slow one', () => {
    expect(checkOf(goodArticle(), 'total-time')).toMatchObject({
      passed: true,
      found: 'The whole response took 340 ms.',
    });
    expect(checkOf(brokenPage(), 'total-time')).toMatchObject({
      passed: false,
      severity: 'notice',
    });
  });
});

describe('html-size', () => {
  it('passes a small page', () => {
    const page = fetched(html(), { bytes: 2048, decodedBytes: 8192 });
    expect(checkOf(page, 'html-size')).toMatchObject({
      passed: true,
      found: 'The body is 8 KB (2 KB transferred).',
    });
  });

  it('warns above 500 KB decoded', () => {
    const page = fetched(html(), { bytes: 90_000, decodedBytes: 600 * 1024 });
    const result = checkOf(page, 'html-size');
    expect(result).toMatchObject({
      passed: false,
      severity: 'warning',
      found: 'The body is 600 KB (87.9 KB transferred).',
    });
    expect(result.fix).toMatch(/under 500 KB/);
  });
});

describe('compression', () => {
  it.each(['gzip', 'br', 'deflate', 'zstd'])('passes a %s body', (encoding) => {
    const page = fetched(html(), {
      headers: { ...goodArticle().headers, 'content-encoding': encoding },
    });
    expect(checkOf(page, 'compression')).toMatchObject({
      passed: true,
      found: `The body was sent compressed (${encoding}).`,
    });
  });

  it('passes an uncompressed body of 1 KB or less', () => {
    const page = fetched('<p>Hi</p>', {
      headers: headersWithout('content-encoding'),
      decodedBytes: 1024,
    });
    expect(checkOf(page, 'compression').passed).toBe(true);
  });

  it('fails an uncompressed larger body', () => {
    const result = checkOf(brokenPage(), 'compression');
    expect(result).toMatchObject({ passed: false, severity: 'warning' });
    expect(result.found).toMatch(/^The 4\.\d KB body was sent uncompressed\.$/);
  });
});

describe('caching-headers', () => {
  it('passes with Cache-Control or a validator, listing them', () => {
    const result = checkOf(goodArticle(), 'caching-headers');
    expect(result.passed).toBe(true);
    expect(result.items).toEqual(['cache-control: public, max-age=300', 'etag: "5f2c-1a"']);
    const lastModified = fetched(html(), {
      headers: {
        ...headersWithout('cache-control', 'etag'),
        'last-modified': 'Tue, 01 Oct 2024 08:00:00 GMT',
      },
    });
    expect(checkOf(lastModified, 'caching-headers').found).toBe('Caching headers: last-modified.');
  });

  it('notes a response without any', () => {
    expect(checkOf(brokenPage(), 'caching-headers')).toMatchObject({
      passed: false,
      severity: 'notice',
    });
  });
});

describe('https', () => {
  it('passes an HTTPS page', () => {
    expect(checkOf(goodArticle(), 'https')).toMatchObject({ passed: true, severity: 'error' });
  });

  it('fails a page on http://', () => {
    const url = 'http://www.example.com/blog/content-calendar';
    const result = checkOf(fetched(html(), { url, finalUrl: url }), 'https');
    expect(result).toMatchObject({
      passed: false,
      found: 'The page is served over HTTP.',
      items: [url],
    });
  });
});

describe('hsts', () => {
  it('passes a lasting max-age', () => {
    expect(checkOf(goodArticle(), 'hsts').passed).toBe(true);
  });

  it('fails without the header or with max-age=0', () => {
    expect(checkOf(brokenPage(), 'hsts')).toMatchObject({
      passed: false,
      found: 'The page sends no HSTS header.',
    });
    const off = fetched(html(), {
      headers: { ...goodArticle().headers, 'strict-transport-security': 'max-age=0' },
    });
    expect(checkOf(off, 'hsts').passed).toBe(false);
  });

  it('does not apply to a page on http://', () => {
    const url = 'http://www.example.com/';
    expect(ran(fetched(html(), { url, finalUrl: url }), 'hsts')).toBe(false);
  });
});

describe('mixed-content', () => {
  it('passes when everything loads over HTTPS', () => {
    expect(checkOf(goodArticle(), 'mixed-content').passed).toBe(true);
  });

  it('lists the scripts, styles, images and frames loaded over http://', () => {
    const result = checkOf(brokenPage(), 'mixed-content');
    expect(result).toMatchObject({ passed: false, severity: 'warning' });
    expect(result.items).toEqual([
      'http://cdn.example.net/tracker.js',
      'http://cdn.example.net/deal.jpg',
      'http://video.example.net/embed/42',
      'http://cdn.example.net/base.css',
    ]);
  });

  it('reads srcset candidates and ignores links to http:// pages', () => {
    const page = fetched(
      html({
        body: `<p><img alt="Chart" src="/chart.png" srcset="/chart-2x.png 2x, http://img.example.net/chart-3x.png 3x"></p>
        <p><a href="http://partner.example.net/">Our partner's site</a></p>`,
      }),
    );
    expect(checkOf(page, 'mixed-content').items).toEqual(['http://img.example.net/chart-3x.png']);
  });

  it('does not apply to a page on http://', () => {
    const url = 'http://www.example.com/';
    expect(ran(fetched(html(), { url, finalUrl: url }), 'mixed-content')).toBe(false);
  });
});
