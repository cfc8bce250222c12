import { normalizeUrl, sameSite } from '../../../analysis/site';

describe('normalizeUrl', () => {
  it.each([
    [
      'resolves a relative path against the base',
      '../guides/plan',
      'https://example.com/blog/post',
      'https://example.com/guides/plan',
    ],
    [
      'resolves a protocol-relative address',
      '//cdn.example.com/a',
      'https://example.com/',
      'https://cdn.example.com/a',
    ],
    [
      'lower-cases the scheme and host',
      'HTTPS://WWW.Example.COM/About',
      undefined,
      'https://www.example.com/About',
    ],
    ['drops the default ports', 'https://example.com:443/a', undefined, 'https://example.com/a'],
    ['drops the default http port', 'http://example.com:80/a', undefined, 'http://example.com/a'],
    ['keeps other ports', 'http://localhost:1337/admin', undefined, 'http://localhost:1337/admin'],
    ['drops the fragment', 'https://example.com/a#section-2', undefined, 'https://example.com/a'],
    ['keeps the root slash', 'https://example.com', undefined, 'https://example.com/'],
    [
      'removes a trailing slash elsewhere',
      'https://example.com/blog/',
      undefined,
      'https://example.com/blog',
    ],
    [
      'collapses repeated slashes',
      'https://example.com//blog///post//',
      undefined,
      'https://example.com/blog/post',
    ],
    [
      'resolves dot segments',
      'https://example.com/a/./b/../c',
      undefined,
      'https://example.com/a/c',
    ],
    [
      'strips tracking parameters',
      'https://example.com/a?utm_source=news&utm_MEDIUM=mail&gclid=1&fbclid=2&msclkid=3&mc_cid=4&mc_eid=5&_ga=6&yclid=7&igshid=8&id=9',
      undefined,
      'https://example.com/a?id=9',
    ],
    ['drops an empty query', 'https://example.com/a?', undefined, 'https://example.com/a'],
    [
      'drops a query of only tracking parameters',
      'https://example.com/a?utm_campaign=spring',
      undefined,
      'https://example.com/a',
    ],
    [
      'sorts parameters by name, keeping repeated names in order',
      'https://example.com/s?q=b&page=2&color=red&color=blue',
      undefined,
      'https://example.com/s?color=red&color=blue&page=2&q=b',
    ],
    [
      'decodes escaped unreserved characters',
      'https://example.com/%7Euser/%61bc?x=%2D%5F',
      undefined,
      'https://example.com/~user/abc?x=-_',
    ],
    [
      'upper-cases other escapes',
      'https://example.com/caf%c3%a9?q=a%2fb',
      undefined,
      'https://example.com/caf%C3%A9?q=a%2Fb',
    ],
    [
      'encodes what the parser encodes, once',
      'https://example.com/a b/é',
      undefined,
      'https://example.com/a%20b/%C3%A9',
    ],
    [
      'converts an international host to punycode',
      'https://bücher.example/',
      undefined,
      'https://xn--bcher-kva.example/',
    ],
  ])('%s', (_, href, base, expected) => {
    expect(normalizeUrl(href, base)).toBe(expected);
  });

  it('spells two ways of writing one page the same', () => {
    expect(normalizeUrl('https://Example.com:443/a//b/?utm_source=x&b=2&a=1#top')).toBe(
      normalizeUrl('https://example.com/a/b?a=1&b=2'),
    );
  });

  it.each([
    ['mailto:editors@example.com'],
    ['javascript:void(0)'],
    ['tel:+441234567'],
    ['ftp://example.com/file'],
    ['data:text/plain,hi'],
    ['https://user:secret@example.com/'],
    ['https://user@example.com/'],
    ['http://[::1'],
    ['/relative/without/base'],
  ])('refuses %s', (href) => {
    expect(normalizeUrl(href)).toBeNull();
  });

  it('refuses a fragment-only link without a base, and resolves it to the page with one', () => {
    expect(normalizeUrl('#top')).toBeNull();
    expect(normalizeUrl('#top', 'https://example.com/blog/')).toBe('https://example.com/blog');
  });
});

describe('sameSite', () => {
  it.each([
    ['https://example.com/a', 'https://www.example.com/b', true],
    ['http://example.com/a', 'https://example.com/b', true],
    ['https://WWW.example.com', 'https://example.com', true],
    ['https://blog.example.com', 'https://example.com', false],
    ['https://example.com', 'https://example.org', false],
    ['http://localhost:1337', 'http://localhost:3000', false],
    ['not a url', 'https://example.com', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(sameSite(a, b)).toBe(expected);
  });
});
