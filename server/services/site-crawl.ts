import type { Core } from '@strapi/strapi';
import { auditPage } from '../../analysis/site/audit-page';
import { Frontier, type FrontierItem } from '../../analysis/site/frontier';
import { normalizeUrl, sameSite } from '../../analysis/site/normalize-url';
import { parseSitemap } from '../../analysis/site/sitemap';
import type { FetchedPage } from '../../analysis/site/types';
import { CRAWL_LIMITS, type CrawlOptions } from '../../contracts/site-audits';
import { isFetchRefused } from '../net/errors';
import type { RobotsFile } from '../net/robots';
import type { ProgressUpdate } from '../queue/types';
import { siteAuditPagesRepository, type PageWrite } from '../repositories/site-audit-pages';
import { siteAuditsRepository } from '../repositories/site-audits';
import { getService } from '../utils/services';

/**
 * One crawl of a site, as a job: breadth first from the start address (and the sitemap's
 * pages), each page audited and stored as it finishes, in batches. Pages already stored by an
 * earlier run of the same crawl are not fetched again: their links rebuild the queue.
 */

/** Sitemap files read per crawl (an index may list many). */
const MAX_SITEMAPS = 20;
/** Addresses kept from sitemaps, whatever they list. */
const MAX_SITEMAP_URLS = 50_000;
const FLUSH_EVERY = 25;
const FLUSH_INTERVAL_MS = 500;

export interface CrawlContext {
  strapi: Core.Strapi;
  documentId: string;
  url: string;
  options: CrawlOptions;
  signal: AbortSignal;
  progress(update: ProgressUpdate): Promise<void>;
}

const isSitemapUrl = (url: string) => /\.xml(\.gz)?$/i.test(new URL(url).pathname);

/** The least time between two requests to the host, shared by every worker. */
const politenessGate = (delayMs: number) => {
  let next = 0;
  return async (signal: AbortSignal) => {
    if (!delayMs) return;
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + delayMs;
    if (at > now) {
      await new Promise<void>((resolve) => {
        const stop = () => {
          clearTimeout(timer);
          resolve();
        };
        // Removed once the wait is over: one listener a page would pile up on the crawl's signal.
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', stop);
          resolve();
        }, at - now);
        signal.addEventListener('abort', stop, { once: true });
      });
    }
  };
};

/** The pages the site's sitemaps list (sitemap indexes followed), same site only. */
const readSitemaps = async (
  context: CrawlContext,
  sources: string[],
  site: string,
): Promise<Set<string>> => {
  const fetcher = getService(context.strapi, 'fetcher');
  const urls = new Set<string>();
  const queue = [...sources];
  const read = new Set<string>();
  while (queue.length && read.size < MAX_SITEMAPS) {
    const source = queue.shift()!;
    if (read.has(source)) continue;
    read.add(source);
    try {
      const page = await fetcher.fetch(source, {
        signal: context.signal,
        accept: 'application/xml,text/xml;q=0.9,*/*;q=0.5',
        gzippedXml: true,
      });
      if (page.status >= 400 || !page.body) continue;
      const sitemap = parseSitemap(page.body);
      for (const nested of sitemap.sitemaps) if (sameSite(nested, site)) queue.push(nested);
      for (const loc of sitemap.urls) {
        const url = normalizeUrl(loc);
        if (url && sameSite(url, site) && urls.size < MAX_SITEMAP_URLS) urls.add(url);
      }
    } catch (error) {
      if (context.signal.aborted || !isFetchRefused(error)) throw error;
    }
  }
  return urls;
};

const emptyPage = (url: string, depth: number, inSitemap: boolean): PageWrite => ({
  url,
  finalUrl: null,
  depth,
  title: null,
  statusCode: null,
  score: null,
  error: null,
  blockedByRobots: false,
  inSitemap,
  checks: [],
  timings: null,
  redirects: [],
  facts: null,
});

const auditedPage = (
  fetched: FetchedPage,
  base: PageWrite,
  robots: RobotsFile,
  keyphrase: string | undefined,
): PageWrite => {
  const timings = { ttfbMs: fetched.timings.ttfbMs, totalMs: fetched.timings.totalMs };
  const location = redirectOf(fetched);
  if (location) {
    return {
      ...base,
      finalUrl: fetched.finalUrl,
      statusCode: fetched.status,
      timings,
      redirects: [{ url: fetched.finalUrl, status: fetched.status, location }],
    };
  }
  const audit = fetched.body
    ? auditPage(fetched, { robots: robots.verdict(fetched.finalUrl), keyphrase })
    : null;
  return {
    ...base,
    finalUrl: fetched.finalUrl,
    statusCode: fetched.status,
    title: audit?.facts.title ?? null,
    score: audit?.score ?? null,
    // A crawl keeps only what failed: the passes are the same on every page.
    checks: audit?.checks.filter((check) => !check.passed) ?? [],
    timings,
    redirects: fetched.redirects,
    facts: audit?.facts ?? null,
  };
};

/** Where a redirect response points, resolved; null when it is not one. */
const redirectOf = (fetched: FetchedPage): string | null =>
  fetched.status >= 300 && fetched.status < 400 && fetched.headers.location
    ? new URL(fetched.headers.location, fetched.finalUrl).href
    : null;

/** robots.txt's Crawl-delay is obeyed up to the longest delay a user may ask for. */
const MAX_DELAY_MS = CRAWL_LIMITS.delayMs.max;

export const crawlSite = async (context: CrawlContext) => {
  const { strapi, documentId, options, signal } = context;
  const fetcher = getService(strapi, 'fetcher');
  const pages = siteAuditPagesRepository(strapi);
  const audits = siteAuditsRepository(strapi);
  const start = normalizeUrl(context.url)!;
  const origin = new URL(start).origin;
  const frontier = new Frontier(start, options);
  const robots = await fetcher.robots(origin, signal);

  const startIsSitemap = isSitemapUrl(start);
  const sitemapSources = startIsSitemap
    ? [start]
    : robots.sitemaps.length
      ? robots.sitemaps
      : [`${origin}/sitemap.xml`];
  const inSitemap = await readSitemaps(context, sitemapSources, start);

  // An earlier run's pages are done; their links are what they found.
  for await (const batch of pages.all(documentId, ['url', 'depth', 'facts', 'redirects'])) {
    for (const page of batch) frontier.markDone(page.url);
    for (const page of batch) {
      for (const hop of page.redirects ?? []) frontier.add(hop.location, page.depth);
      if (page.facts && !page.facts.nofollow) {
        for (const link of page.facts.links)
          if (link.internal) frontier.add(link.href, page.depth + 1);
      }
    }
  }
  if (!startIsSitemap) frontier.add(start, 0);
  for (const url of inSitemap) frontier.add(url, startIsSitemap ? 0 : 1);

  const buffer: PageWrite[] = [];
  let lastFlush = Date.now();
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    const batch = buffer.splice(0);
    lastFlush = Date.now();
    flushing = flushing.then(async () => {
      if (batch.length) await pages.insertMany(documentId, batch);
      await audits.update(documentId, {
        pagesDone: frontier.finished,
        pagesFound: frontier.found,
      });
    });
    return flushing;
  };

  const report = () =>
    context.progress({
      percent: frontier.found ? (frontier.finished / frontier.found) * 100 : 0,
      stage: `Crawled ${frontier.finished.toLocaleString('en')} of ${frontier.found.toLocaleString('en')} pages`,
      detail: { pagesDone: frontier.finished, pagesFound: frontier.found },
    });

  const polite = politenessGate(
    Math.max(options.delayMs, Math.min(robots.crawlDelayMs ?? 0, MAX_DELAY_MS)),
  );
  // `www.` and the bare host, http and https are one site here, each with its own robots.txt.
  const robotsFiles = new Map<string, Promise<RobotsFile>>([[origin, Promise.resolve(robots)]]);
  const robotsOf = (url: string) => {
    const at = new URL(url).origin;
    let file = robotsFiles.get(at);
    if (!file) robotsFiles.set(at, (file = fetcher.robots(at, signal)));
    return file;
  };
  const fetchPage = async (item: FrontierItem) => {
    const fetched = await fetcher.fetch(item.href, { signal, followRedirects: false });
    const location = redirectOf(fetched);
    // `/blog` answering with `/blog/` is the page itself: fetched there, the hop recorded.
    if (!location || normalizeUrl(location) !== item.url) return fetched;
    const landed = await fetcher.fetch(location, { signal });
    return {
      ...landed,
      url: item.href,
      redirects: [{ url: fetched.finalUrl, status: fetched.status, location }, ...landed.redirects],
    };
  };
  const visit = async (item: FrontierItem): Promise<PageWrite> => {
    const base = emptyPage(item.url, item.depth, inSitemap.has(item.url));
    const robotsFile = await robotsOf(item.href);
    if (!robotsFile.verdict(item.href).allowed) return { ...base, blockedByRobots: true };
    await polite(signal);
    if (signal.aborted) throw signal.reason;
    try {
      return auditedPage(await fetchPage(item), base, robotsFile, options.keyphrase);
    } catch (error) {
      if (signal.aborted) throw error;
      // One page the fetcher refused, or that could not be read, is that page's finding only.
      const message = isFetchRefused(error)
        ? error.message
        : `The page could not be audited: ${(error as Error)?.message ?? error}`;
      return { ...base, error: message };
    }
  };

  let inFlight = 0;
  let failure: unknown = null;
  const waiting: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiting.push(resolve));
  const crawlNext = async (item: FrontierItem) => {
    const { url, depth } = item;
    const page = await visit(item);
    frontier.complete(url);
    for (const hop of page.redirects) frontier.add(hop.location, depth);
    if (page.facts && !page.facts.nofollow) {
      for (const link of page.facts.links) if (link.internal) frontier.add(link.href, depth + 1);
    }
    buffer.push(page);
    if (buffer.length >= FLUSH_EVERY || Date.now() - lastFlush >= FLUSH_INTERVAL_MS) await flush();
    await report();
  };
  const worker = async () => {
    while (!signal.aborted && !failure) {
      const item = frontier.next();
      if (!item) {
        if (!inFlight) return;
        await changed();
        continue;
      }
      inFlight += 1;
      try {
        await crawlNext(item);
      } catch (error) {
        // The first failure stops every worker; the job's retry resumes from what was stored.
        failure ??= error;
      } finally {
        inFlight -= 1;
        for (const resolve of waiting.splice(0)) resolve();
      }
    }
  };

  try {
    await report();
    const workers = Array.from({ length: options.concurrency }, worker);
    await Promise.all(workers);
  } finally {
    // Whatever finished is kept, on cancel and on shutdown alike: a resumed run skips it.
    await flush();
  }
  if (failure && !signal.aborted) throw failure;
  if (signal.aborted) throw signal.reason;
};
