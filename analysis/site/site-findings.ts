import { plural } from '../seo/assessments/assessment';
import { normalizeUrl } from './normalize-url';
import type { PageRecord, SiteFinding } from './types';

/** The most related addresses an item lists, as many as a check's items. */
export const RELATED_MAX = 20;

/**
 * Adds `value` to a sorted list that keeps only its `max` smallest values: the same list whatever
 * order the pages came in, in bounded memory however many pages link to one address.
 */
const addSorted = (list: string[], value: string, max = RELATED_MAX) => {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  if (list[low] === value || low >= max) return;
  list.splice(low, 0, value);
  if (list.length > max) list.pop();
};

const byUrl = (a: { url: string }, b: { url: string }) =>
  a.url < b.url ? -1 : a.url > b.url ? 1 : 0;

/** What is kept of a crawled page once its record has been read. */
interface Visited {
  final: string;
  broken: boolean;
  redirected: boolean;
  /** The addresses after the first, when it took two hops or more. */
  chain?: string[];
  inSitemap: boolean;
  blocked: boolean;
  audited: boolean;
}

/** An address some page links to. */
interface Target {
  /** The first linking pages, sorted. */
  from: string[];
  internal: boolean;
}

const keyOf = (text: string | null) => text?.toLowerCase().replace(/\s+/g, ' ').trim() || null;

const addToGroup = (groups: Map<string, Set<string>>, key: string | null, url: string) => {
  if (!key) return;
  const group = groups.get(key);
  if (group) group.add(url);
  else groups.set(key, new Set([url]));
};

/** Each page of a group of two or more, with the others of its group. */
const duplicateItems = (groups: Map<string, Set<string>>) =>
  [...groups.values()]
    .filter((group) => group.size > 1)
    .flatMap((group) => {
      const urls = [...group].sort();
      return urls.map((url) => ({
        url,
        related: urls.filter((other) => other !== url).slice(0, RELATED_MAX),
      }));
    });

const finding = (
  id: SiteFinding['id'],
  severity: SiteFinding['severity'],
  items: SiteFinding['items'],
  found: (count: number) => string,
  fix: string,
): SiteFinding[] =>
  items.length ? [{ id, severity, found: found(items.length), fix, items: items.sort(byUrl) }] : [];

const pages = (count: number) => plural(count, 'page');
const addresses = (count: number) => plural(count, 'address', 'addresses');

/**
 * Issues that no single page shows: broken links, duplicates, orphans, redirect chains, pages
 * blocked by robots.txt and hreflang links not returned. Records are added one at a time (a
 * crawl's are read from the database in batches); per address only what the findings need is kept.
 */
export const siteFindingsCollector = (options: { startUrl?: string } = {}) => {
  const visited = new Map<string, Visited>();
  const targets = new Map<string, Target>();
  const titles = new Map<string, Set<string>>();
  const descriptions = new Map<string, Set<string>>();
  const alternates = new Map<string, Set<string>>();

  const add = (record: PageRecord) => {
    const url = normalizeUrl(record.url) ?? record.url;
    const final = normalizeUrl(record.finalUrl) ?? url;
    const { facts } = record;
    visited.set(url, {
      final,
      broken: record.error !== undefined || record.status >= 400,
      redirected: record.redirects.length > 0,
      ...(record.redirects.length >= 2 && {
        chain: [...record.redirects.slice(1).map((hop) => hop.url), record.finalUrl],
      }),
      inSitemap: record.inSitemap,
      blocked: record.blockedByRobots,
      audited: facts !== undefined,
    });
    if (!facts) return;
    for (const link of facts.links) {
      if (link.href === final) continue;
      const target = targets.get(link.href);
      if (target) {
        addSorted(target.from, final);
        target.internal ||= link.internal;
      } else targets.set(link.href, { from: [final], internal: link.internal });
    }
    // A page that names another as canonical, or keeps out of the index, is meant as a duplicate.
    const original = !facts.noindex && (!facts.canonical || facts.canonical === final);
    if (record.status === 200 && original) {
      addToGroup(titles, keyOf(facts.title), final);
      addToGroup(descriptions, keyOf(facts.description), final);
    }
    if (facts.hreflang.length)
      alternates.set(
        final,
        new Set(facts.hreflang.map((version) => normalizeUrl(version.href) ?? version.href)),
      );
  };

  const result = (): SiteFinding[] => {
    const linkedFrom = (url: string) => targets.get(url)?.from ?? [];
    // A link to where a failing redirect ends is as broken as one to where it starts.
    const broken = new Set<string>();
    for (const [url, page] of visited) if (page.broken) broken.add(url).add(page.final);
    const linked = new Set(targets.keys());
    for (const [url, page] of visited) if (linked.has(url)) linked.add(page.final);
    const start = options.startUrl ? normalizeUrl(options.startUrl) : null;
    const exempt = new Set(start ? [start, visited.get(start)?.final ?? start] : []);

    const visits = [...visited];
    const linkedTargets = [...targets].map(([url, target]) => ({
      url,
      target,
      page: visited.get(url),
    }));

    const missingReturns = new Map<string, string[]>();
    for (const [page, versions] of alternates) {
      for (const version of versions) {
        const other = visited.get(version);
        const otherFinal = other?.final ?? version;
        if (otherFinal === page || !other?.audited) continue;
        if (alternates.get(otherFinal)?.has(page)) continue;
        const list = missingReturns.get(otherFinal);
        if (list) addSorted(list, page);
        else missingReturns.set(otherFinal, [page]);
      }
    }

    return [
      ...finding(
        'broken-links',
        'error',
        linkedTargets
          .filter(({ url }) => broken.has(url))
          .map(({ url, target }) => ({ url, related: target.from })),
        (count) => `Links lead to ${addresses(count)} that answered with an error or not at all.`,
        'Update or remove the links on the related pages, or redirect each address to its replacement.',
      ),
      ...finding(
        'duplicate-titles',
        'warning',
        duplicateItems(titles),
        (count) => `Duplicate titles on ${pages(count)}.`,
        'Give each page a title of its own, or make the duplicates name the original as canonical.',
      ),
      ...finding(
        'duplicate-descriptions',
        'notice',
        duplicateItems(descriptions),
        (count) => `Duplicate meta descriptions on ${pages(count)}.`,
        'Write a description for each page, on what that page offers.',
      ),
      ...finding(
        'orphan-pages',
        'warning',
        visits
          .filter(
            ([url, page]) =>
              page.inSitemap && !exempt.has(url) && !linked.has(url) && !linked.has(page.final),
          )
          .map(([url]) => ({ url, related: [] })),
        (count) => `No crawled page links to ${pages(count)} of the sitemap.`,
        'Link to them from related pages or the navigation, or take them out of the sitemap if they are gone.',
      ),
      ...finding(
        'redirect-chains',
        'warning',
        visits.flatMap(([url, page]) => (page.chain ? [{ url, related: page.chain }] : [])),
        (count) => `Redirect chains of two hops or more from ${addresses(count)}.`,
        'Redirect each address straight to its final destination.',
      ),
      ...finding(
        'redirected-links',
        'notice',
        linkedTargets
          .filter(({ target, page }) => target.internal && page?.redirected)
          .map(({ url, target }) => ({ url, related: target.from })),
        (count) => `Internal links point at ${addresses(count)} that redirect.`,
        'Link to the final addresses: each redirect costs visitors a round trip and crawlers a request.',
      ),
      ...finding(
        'blocked-by-robots',
        'notice',
        visits
          .filter(([, page]) => page.blocked)
          .map(([url]) => ({ url, related: linkedFrom(url) })),
        (count) => `robots.txt keeps crawlers away from ${addresses(count)}.`,
        'If these pages should appear in search results, allow them in robots.txt; if not, stop linking to them.',
      ),
      ...finding(
        'hreflang-return-links',
        'warning',
        [...missingReturns].map(([url, related]) => ({ url, related })),
        (count) =>
          `Hreflang links not returned by ${pages(count)}: each is listed as a language version by pages it does not list.`,
        'Add hreflang links back to each related page: search engines ignore hreflang pairs that are not confirmed both ways.',
      ),
    ];
  };

  return { add, result };
};

export const siteFindings = (
  records: Iterable<PageRecord>,
  options: { startUrl?: string } = {},
): SiteFinding[] => {
  const collector = siteFindingsCollector(options);
  for (const record of records) collector.add(record);
  return collector.result();
};
