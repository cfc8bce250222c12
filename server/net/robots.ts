import robotsParser from 'robots-parser';
import type { RobotsVerdict } from '../../analysis/site/types';
import { isFetchRefused } from './errors';
import { ROBOTS_AGENT, type SafeFetcher } from './safe-fetch';

/**
 * A site's robots.txt, read once per origin, as RFC 9309 says to: a 4xx answer (none there)
 * allows everything, a 5xx or no answer at all disallows everything until it can be read.
 */

const DIRECTIVES = new Set([
  'user-agent',
  'allow',
  'disallow',
  'sitemap',
  'crawl-delay',
  'clean-param',
  'host',
  'request-rate',
  'visit-time',
  'noindex',
]);

/** Lines that are neither blank, a comment, nor a directive robots.txt knows. */
export const invalidRobotsLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => {
      if (!line) return false;
      const directive = /^([A-Za-z-]+)\s*:/.exec(line)?.[1]?.toLowerCase();
      return !directive || !DIRECTIVES.has(directive);
    });

export interface RobotsFile {
  url: string;
  status: number;
  /** Whether the plugin's crawler may fetch this URL. */
  verdict(url: string): RobotsVerdict;
  /** The Crawl-delay for our agent, in milliseconds. */
  crawlDelayMs: number | null;
  sitemaps: string[];
}

export const readRobots = async (
  fetcher: SafeFetcher,
  origin: string,
  signal?: AbortSignal,
): Promise<RobotsFile> => {
  const url = new URL('/robots.txt', origin).href;
  let status = 0;
  let text = '';
  try {
    const page = await fetcher.fetch(url, { signal, accept: 'text/plain,*/*;q=0.5' });
    status = page.status;
    text = page.status < 300 ? page.body : '';
  } catch (error) {
    if (!isFetchRefused(error)) throw error;
  }
  const parser = robotsParser(url, text);
  const unreachable = status === 0 || status >= 500;
  const invalidLines = status < 300 ? invalidRobotsLines(text) : [];
  return {
    url,
    status,
    verdict: (target) => ({
      url,
      status,
      allowed: unreachable ? false : parser.isAllowed(target, ROBOTS_AGENT) !== false,
      ...(invalidLines.length ? { invalidLines } : {}),
    }),
    crawlDelayMs: (() => {
      const delay = parser.getCrawlDelay(ROBOTS_AGENT);
      return typeof delay === 'number' && delay > 0 ? delay * 1000 : null;
    })(),
    sitemaps: parser.getSitemaps(),
  };
};
