import { normalizeUrl } from './normalize-url';
import type { PageRecord } from './types';

/**
 * A crawl fetches each address once and does not follow redirects: a redirect is a record of
 * its own, one hop to where it points. Joined here, each redirect's record holds its whole
 * chain and ends where the chain ends (that page's status, or the last hop's when the crawl never
 * reached it), as a fetch that followed the redirects would have recorded it.
 */

const MAX_HOPS = 20;

const isRedirect = (record: PageRecord) =>
  record.status >= 300 && record.status < 400 && record.redirects.length === 1;

export const joinRedirects = (records: PageRecord[]): PageRecord[] => {
  const byUrl = new Map(records.map((record) => [normalizeUrl(record.url) ?? record.url, record]));
  return records.map((record) => {
    if (!isRedirect(record)) return record;
    const hops = [...record.redirects];
    const seen = new Set([normalizeUrl(record.url) ?? record.url]);
    let last = record;
    for (;;) {
      const next = normalizeUrl(last.redirects[0]!.location);
      const target = next ? byUrl.get(next) : undefined;
      if (!next || !target || seen.has(next) || hops.length >= MAX_HOPS) {
        return {
          ...record,
          redirects: hops,
          finalUrl: last.redirects[0]!.location,
          status: last.status,
        };
      }
      seen.add(next);
      if (!isRedirect(target)) {
        // The page reached has a record of its own: its facts are counted there, once.
        return {
          url: record.url,
          finalUrl: target.finalUrl,
          status: target.status,
          ...(target.error !== undefined ? { error: target.error } : {}),
          redirects: hops,
          blockedByRobots: record.blockedByRobots,
          inSitemap: record.inSitemap,
        };
      }
      hops.push(...target.redirects);
      last = target;
    }
  });
};
