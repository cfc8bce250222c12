/**
 * What the site analyzer reads and answers. Pure data: the server's safe fetcher fills in a
 * `FetchedPage`, the page audit turns it into checks, the crawl keeps a `PageRecord` per page
 * for the site-level findings.
 */

export type Severity = 'error' | 'warning' | 'notice';
export type CheckGroup = 'response' | 'indexability' | 'on-page' | 'content' | 'resources';

/** One response as the fetcher received it, after following redirects. */
export interface FetchedPage {
  /** The address asked for. */
  url: string;
  /** The address that answered, after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Every hop before the final answer, in order. */
  redirects: { url: string; status: number; location: string }[];
  timings: { ttfbMs: number; totalMs: number };
  /** Body bytes as they came over the wire (compressed, when the server compressed them). */
  bytes: number;
  /** Body bytes once decoded. */
  decodedBytes: number;
  contentType: string | null;
  /** The decoded text; empty when the body was not HTML, XML or plain text. */
  body: string;
}

/** What robots.txt says about the page's URL. */
export interface RobotsVerdict {
  /** The robots.txt address. */
  url: string;
  /** HTTP status of robots.txt (0 when it could not be fetched). */
  status: number;
  allowed: boolean;
  /** Lines robots-parser could not read, for the robots-txt check. */
  invalidLines?: string[];
}

export interface AuditOptions {
  robots?: RobotsVerdict;
  keyphrase?: string;
}

export interface CheckResult {
  /** Stable id, such as `document-title`; a Lighthouse SEO audit's id where one matches. */
  id: string;
  group: CheckGroup;
  /** The Lighthouse SEO audit with the same pass/fail meaning, if any. */
  lighthouse?: string;
  passed: boolean;
  /** How bad a failure is (kept when it passes, to sort by). */
  severity: Severity;
  /** What was found, in a sentence. */
  found: string;
  /** How to fix it; present when it did not pass. */
  fix?: string;
  /** The offending elements or addresses, at most 20. */
  items?: string[];
}

/** What the crawl keeps of a page to find site-level issues and follow links. */
export interface PageFacts {
  title: string | null;
  description: string | null;
  /** Absolute, or null when absent or unparsable. */
  canonical: string | null;
  lang: string | null;
  noindex: boolean;
  nofollow: boolean;
  hreflang: { lang: string; href: string }[];
  /** Links to follow and check: absolute, normalised (normalizeUrl), deduplicated, http(s) only. */
  links: { href: string; internal: boolean; nofollow: boolean }[];
  wordCount: number;
}

export interface PageAudit {
  url: string;
  finalUrl: string;
  status: number;
  /** 0 to 100, weights in SCORING.md. */
  score: number;
  checks: CheckResult[];
  facts: PageFacts;
}

/** One crawled page, as the site-level findings read it. */
export interface PageRecord {
  url: string;
  finalUrl: string;
  status: number;
  /** Fetch failure (refused, timeout...), when there was no response. */
  error?: string;
  redirects: { url: string; status: number; location: string }[];
  blockedByRobots: boolean;
  inSitemap: boolean;
  /** From the page audit; absent for pages not fetched or not HTML. */
  facts?: PageFacts;
}

export type SiteFindingId =
  | 'broken-links'
  | 'duplicate-titles'
  | 'duplicate-descriptions'
  | 'orphan-pages'
  | 'redirect-chains'
  | 'redirected-links'
  | 'blocked-by-robots'
  | 'hreflang-return-links';

export interface SiteFinding {
  id: SiteFindingId;
  severity: Severity;
  found: string;
  fix: string;
  /** Each affected address, with what relates to it (the pages linking to a broken link...). */
  items: { url: string; related: string[] }[];
}
