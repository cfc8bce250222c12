/**
 * One spelling per address, so the crawl visits a page once and the site findings compare like
 * with like: what `https://Example.com:443/a//b/?utm_source=x&b=2&a=1#top` and
 * `https://example.com/a/b?a=1&b=2` name is the same page.
 */

const TRACKING = new Set([
  'gclid',
  'fbclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  '_ga',
  'yclid',
  'igshid',
]);

const isTracking = (name: string) => {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING.has(key);
};

const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/** `%7e`, `%7E` and `~` are one character (RFC 3986 §6.2.2): decoded, and other escapes upper-cased. */
const normalizeEscapes = (text: string) =>
  text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });

const nameOf = (pair: string) => pair.split('=', 1)[0]!;

const queryOf = (search: string) => {
  const pairs = search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map(normalizeEscapes)
    .filter((pair) => !isTracking(nameOf(pair)));
  // By name only, and stable: repeated names keep their order, which an application may rely on.
  pairs.sort((a, b) => {
    const [x, y] = [nameOf(a), nameOf(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return pairs.length ? `?${pairs.join('&')}` : '';
};

/**
 * The address `href` names, resolved against `base`, in one canonical spelling; null when it is
 * not http(s), cannot be parsed, or carries credentials (never followed nor stored).
 */
export const normalizeUrl = (href: string, base?: string): string | null => {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  // The URL parser already lower-cases the host, drops default ports and resolves dot segments.
  const path = normalizeEscapes(url.pathname.replace(/\/{2,}/g, '/'));
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return `${url.protocol}//${url.host}${trimmed}${queryOf(url.search)}`;
};

const siteOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return null;
  }
};

/** Whether two addresses are on the same host, `www.` or not. */
export const sameSite = (a: string, b: string) => {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
};
