/**
 * Robots directives of a page: `<meta name="robots">` (and `googlebot`) and the `X-Robots-Tag`
 * header, as Google reads them (developers.google.com/search/docs/crawling-indexing/robots-meta-tag).
 */

export interface RobotsDirective {
  source: 'meta' | 'header';
  /** `*` when it is meant for every crawler. */
  agent: string;
  /** Lower-cased name, such as `noindex` or `max-snippet`. */
  name: string;
  value?: string;
}

/** Meta names that speak to Google: every crawler's, and Google's own. */
const META_AGENTS: Record<string, string> = { robots: '*', googlebot: 'googlebot' };

/** Directives that carry a value after a colon, which is not a user agent then. */
const VALUED = new Set([
  'unavailable_after',
  'max-snippet',
  'max-image-preview',
  'max-video-preview',
]);

const directiveOf = (
  token: string,
  source: RobotsDirective['source'],
  agent: string,
): RobotsDirective => {
  const colon = token.indexOf(':');
  if (colon < 0) return { source, agent, name: token.toLowerCase() };
  return {
    source,
    agent,
    name: token.slice(0, colon).trim().toLowerCase(),
    value: token.slice(colon + 1).trim(),
  };
};

/** The directives of the page's `<meta>` tags (contents by lower-cased name) and X-Robots-Tag. */
export const robotsDirectives = (
  metas: ReadonlyMap<string, readonly string[]>,
  header: string | undefined,
): RobotsDirective[] => {
  const directives: RobotsDirective[] = [];
  for (const [name, agent] of Object.entries(META_AGENTS)) {
    for (const content of metas.get(name) ?? []) {
      for (const token of content.split(',')) {
        if (token.trim()) directives.push(directiveOf(token.trim(), 'meta', agent));
      }
    }
  }
  // `googlebot: noindex, nofollow`: a user agent prefix holds for the directives after it.
  let agent = '*';
  for (const raw of header?.split(',') ?? []) {
    let token = raw.trim();
    const prefix = /^([\w.-]+)\s*:\s*(.*)$/.exec(token);
    if (prefix && !VALUED.has(prefix[1]!.toLowerCase())) {
      agent = prefix[1]!.toLowerCase();
      token = prefix[2]!;
    }
    if (token) directives.push(directiveOf(token, 'header', agent));
  }
  return directives;
};

export const forGoogle = (directive: RobotsDirective) =>
  directive.agent === '*' || directive.agent === 'googlebot';

/** Whether it keeps the page out of the index: `noindex`, `none`, or a date now past. */
export const blocksIndexing = (directive: RobotsDirective, now = Date.now()) => {
  if (directive.name === 'noindex' || directive.name === 'none') return true;
  if (directive.name !== 'unavailable_after' || !directive.value) return false;
  const date = Date.parse(directive.value);
  return !Number.isNaN(date) && date <= now;
};

export const blocksFollowing = (directive: RobotsDirective) =>
  directive.name === 'nofollow' || directive.name === 'none';

/** How a directive reads in a report: `X-Robots-Tag: googlebot: noindex`. */
export const describeDirective = ({ source, agent, name, value }: RobotsDirective) => {
  const where =
    source === 'meta' ? `<meta name="${agent === '*' ? 'robots' : agent}">` : 'X-Robots-Tag';
  const who = source === 'header' && agent !== '*' ? `${agent}: ` : '';
  return `${where}: ${who}${name}${value !== undefined ? `: ${value}` : ''}`;
};
