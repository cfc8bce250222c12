import { Frontier } from '../../../analysis/site/frontier';

const SITE = 'https://www.example.com';

describe('the crawl frontier', () => {
  it('hands out pages breadth first, same site only, each address once', () => {
    const frontier = new Frontier(`${SITE}/`, { maxPages: 100, maxDepth: 3 });
    expect(frontier.add(`${SITE}/`, 0)).toBe(true);
    expect(frontier.next()).toEqual({ url: `${SITE}/`, href: `${SITE}/`, depth: 0 });
    frontier.complete(`${SITE}/`);
    expect(frontier.add('/deep/a', 2, `${SITE}/`)).toBe(true);
    expect(frontier.add('/b', 1, `${SITE}/`)).toBe(true);
    // The same page however it is spelled, and other sites, are not queued.
    expect(frontier.add('/b/?utm_source=mail#top', 1, `${SITE}/`)).toBe(false);
    expect(frontier.add('https://elsewhere.example/', 1)).toBe(false);
    expect(frontier.next()?.url).toBe(`${SITE}/b`);
    expect(frontier.next()?.url).toBe(`${SITE}/deep/a`);
    expect(frontier.next()).toBeNull();
  });

  it('fetches an address as it was found, and judges it by its normal form', () => {
    const frontier = new Frontier(`${SITE}/`, { maxPages: 10, maxDepth: 3 });
    frontier.add('/blog/?page=2&a=1#comments', 1, `${SITE}/`);
    expect(frontier.next()).toEqual({
      url: `${SITE}/blog?a=1&page=2`,
      href: `${SITE}/blog/?page=2&a=1`,
      depth: 1,
    });
  });

  it('keeps to the depth and page limits, and skips what an earlier run finished', () => {
    const frontier = new Frontier(`${SITE}/`, { maxPages: 3, maxDepth: 1 });
    frontier.markDone(`${SITE}/done`);
    expect(frontier.add(`${SITE}/done`, 1)).toBe(false);
    expect(frontier.add(`${SITE}/too-deep`, 2)).toBe(false);
    expect(frontier.add(`${SITE}/a`, 1)).toBe(true);
    expect(frontier.add(`${SITE}/b`, 1)).toBe(true);
    expect(frontier.add(`${SITE}/c`, 1)).toBe(false);
    expect(frontier.found).toBe(3);
    expect(frontier.finished).toBe(1);
  });
});
