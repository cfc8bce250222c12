import type { Research } from '../research';
import { always, fail, inGroup, kilobytes, pass, plural } from './check';

/** Lighthouse's `server-response-time` budget. */
export const TTFB_MAX_MS = 600;
export const TOTAL_MAX_MS = 3000;
export const HTML_MAX_BYTES = 500 * 1024;
/** Below this, compressing saves less than the headers it adds. */
export const COMPRESSIBLE_BYTES = 1024;
const ENCODINGS = new Set(['gzip', 'br', 'deflate', 'zstd']);

const isHttps = (get: Research) => get('url')?.protocol === 'https:';

/** Addresses a page loads (not links): what mixed content is made of. */
const SUBRESOURCES: [tag: string, attribute: string][] = [
  ['script', 'src'],
  ['img', 'src'],
  ['img', 'srcset'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['iframe', 'src'],
  ['video', 'src'],
  ['audio', 'src'],
];

const urlsOf = (attribute: string, value: string) =>
  attribute === 'srcset'
    ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    : [value];

const insecureResources = (get: Research) => {
  const base = get('base');
  const dom = get('dom');
  const loaded = [
    ...SUBRESOURCES.flatMap(([tag, attribute]) =>
      dom.byTag(tag).flatMap(({ el }) => {
        const value = el.attribs[attribute];
        return value ? urlsOf(attribute, value) : [];
      }),
    ),
    ...get('stylesheets').map((sheet) => sheet.href),
  ];
  return loaded.filter((href): href is string => {
    if (!href) return false;
    try {
      return new URL(href, base).protocol === 'http:';
    } catch {
      return false;
    }
  });
};

export const responseChecks = inGroup('response', [
  {
    id: 'http-status-code',
    lighthouse: 'http-status-code',
    severity: 'error',
    applies: always,
    run(_, { page }) {
      const found = `The page answered HTTP ${page.status}.`;
      return page.status >= 400 && page.status <= 599
        ? fail(
            found,
            'Serve the page with status 200, or redirect it (301) to its replacement and update the links to it.',
          )
        : pass(found);
    },
  },
  {
    id: 'redirects',
    severity: 'warning',
    applies: always,
    run(_, { page }) {
      const hops = page.redirects.map((hop) => `${hop.status} ${hop.url} → ${hop.location}`);
      if (page.redirects.length >= 2)
        return fail(
          `${plural(page.redirects.length, 'redirect')} before the page answered.`,
          'Redirect straight to the final address, and link to it directly: each hop costs a round trip.',
          { items: hops },
        );
      return pass(
        page.redirects.length
          ? `One redirect (${page.redirects[0]!.status}) to the final address.`
          : 'No redirects.',
        hops,
      );
    },
  },
  {
    id: 'server-response-time',
    severity: 'warning',
    applies: always,
    run(_, { page }) {
      const found = `The first byte came after ${Math.round(page.timings.ttfbMs)} ms.`;
      return page.timings.ttfbMs > TTFB_MAX_MS
        ? fail(
            found,
            `Answer within ${TTFB_MAX_MS} ms: cache the rendered page or speed up the server's work for it.`,
          )
        : pass(found);
    },
  },
  {
    id: 'total-time',
    severity: 'notice',
    applies: always,
    run(_, { page }) {
      const found = `The whole response took ${Math.round(page.timings.totalMs)} ms.`;
      return page.timings.totalMs > TOTAL_MAX_MS
        ? fail(found, 'Make the page smaller or serve it from a cache closer to visitors.')
        : pass(found);
    },
  },
  {
    id: 'html-size',
    severity: 'warning',
    applies: always,
    run(_, { page }) {
      const found = `The body is ${kilobytes(page.decodedBytes)} (${kilobytes(page.bytes)} transferred).`;
      return page.decodedBytes > HTML_MAX_BYTES
        ? fail(
            found,
            `Keep the HTML under ${kilobytes(HTML_MAX_BYTES)}: move inline scripts, styles and data to files, and paginate long lists.`,
          )
        : pass(found);
    },
  },
  {
    id: 'compression',
    severity: 'warning',
    applies: always,
    run(_, { page }) {
      const encoding = page.headers['content-encoding']?.trim().toLowerCase();
      const used = (encoding ?? '').split(/\s*,\s*/).filter((token) => ENCODINGS.has(token));
      if (used.length) return pass(`The body was sent compressed (${used.join(', ')}).`);
      if (page.decodedBytes <= COMPRESSIBLE_BYTES)
        return pass(
          `The body is too small (${kilobytes(page.decodedBytes)}) to gain from compression.`,
        );
      return fail(
        `The ${kilobytes(page.decodedBytes)} body was sent uncompressed.`,
        'Turn on gzip or Brotli compression for HTML on the server or CDN.',
      );
    },
  },
  {
    id: 'caching-headers',
    severity: 'notice',
    applies: always,
    run(_, { page }) {
      const present = ['cache-control', 'etag', 'last-modified'].filter(
        (name) => page.headers[name],
      );
      return present.length
        ? pass(
            `Caching headers: ${present.join(', ')}.`,
            present.map((name) => `${name}: ${page.headers[name]}`),
          )
        : fail(
            'The response has no Cache-Control, ETag or Last-Modified header.',
            'Send an ETag or Last-Modified (so crawlers can ask whether the page changed) and a Cache-Control policy.',
          );
    },
  },
  {
    id: 'https',
    severity: 'error',
    applies: always,
    run(get, { page }) {
      return isHttps(get)
        ? pass('The page is served over HTTPS.')
        : fail(
            `The page is served over ${get('url')?.protocol.replace(':', '').toUpperCase() ?? 'an unknown protocol'}.`,
            'Serve every page over HTTPS and redirect (301) the http:// addresses to it.',
            { items: [page.finalUrl] },
          );
    },
  },
  {
    id: 'hsts',
    severity: 'notice',
    applies: isHttps,
    run(_, { page }) {
      const header = page.headers['strict-transport-security'];
      const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(header ?? '')?.[1] ?? 0);
      return maxAge > 0
        ? pass(`HSTS is on: ${header}.`)
        : fail(
            header
              ? `The HSTS header has no lasting max-age: ${header}.`
              : 'The page sends no HSTS header.',
            'Send Strict-Transport-Security: max-age=31536000 so browsers never try http:// first.',
          );
    },
  },
  {
    id: 'mixed-content',
    severity: 'warning',
    applies: (get) => get('isHtml') && isHttps(get),
    run(get) {
      const insecure = insecureResources(get);
      return insecure.length
        ? fail(
            `Resources of this HTTPS page loaded over http://: ${insecure.length}.`,
            'Load scripts, styles, images and frames over https://: browsers block or warn about the rest.',
            { items: insecure },
          )
        : pass('Every script, style, image and frame loads over HTTPS.');
    },
  },
]);
