import { isValidLanguageTag } from '../language-tags';
import { normalizeUrl, sameSite } from '../normalize-url';
import {
  blocksFollowing,
  blocksIndexing,
  describeDirective,
  forGoogle,
  type RobotsDirective,
} from '../robots-directives';
import type { Research } from '../research';
import { always, fail, inGroup, pass, plural } from './check';

/** Directives that hide the page's links or its snippet, short of keeping it out of the index. */
const limits = (directive: RobotsDirective) =>
  blocksFollowing(directive) ||
  directive.name === 'nosnippet' ||
  (directive.name === 'max-snippet' && directive.value === '0');

const CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
/** Browsers look for the declaration in the first 1024 bytes (characters, for an ASCII head). */
const CHARSET_PREFIX = 1024;
const META_CHARSET = /<meta[^>]+charset\s*=/i;

const metaCharset = (get: Research) => {
  for (const { el } of get('dom').byTag('meta')) {
    if (el.attribs.charset?.trim()) return el.attribs.charset.trim();
    if (el.attribs['http-equiv']?.trim().toLowerCase() === 'content-type') {
      const declared = CHARSET.exec(el.attribs.content ?? '')?.[1];
      if (declared) return declared;
    }
  }
  return undefined;
};

const VIEWPORT_FIX =
  'Add <meta name="viewport" content="width=device-width, initial-scale=1"> so phones lay the page out at their width.';

export const indexabilityChecks = inGroup('indexability', [
  {
    id: 'is-crawlable',
    lighthouse: 'is-crawlable',
    severity: 'error',
    applies: always,
    run(get, { options }) {
      const blocking = get('robots')
        .filter((directive) => forGoogle(directive) && blocksIndexing(directive))
        .map(describeDirective);
      if (options.robots && !options.robots.allowed)
        blocking.push(`${options.robots.url} disallows this address`);
      return blocking.length
        ? fail(
            'Search engines are kept from crawling or indexing the page.',
            'If the page should appear in search results, remove the noindex directive or the robots.txt rule that blocks it.',
            { items: blocking },
          )
        : pass('Nothing keeps search engines from crawling and indexing the page.');
    },
  },
  {
    id: 'robots-txt',
    lighthouse: 'robots-txt',
    severity: 'warning',
    applies: (_, { options }) => options.robots !== undefined,
    run(_, { options }) {
      const { url, status, invalidLines = [] } = options.robots!;
      const fix =
        'Make robots.txt answer 200 with its rules, or 404 when there are none: Google stops crawling a site whose robots.txt fails.';
      // As Lighthouse: a server error or rate limit fails, a 4xx means there are no rules.
      if (status >= 500 || status === 429) return fail(`${url} answered HTTP ${status}.`, fix);
      if (status === 0) return fail(`${url} could not be fetched.`, fix);
      if (status >= 400)
        return pass(`There is no robots.txt (HTTP ${status}): every address may be crawled.`);
      return invalidLines.length
        ? fail(
            `${plural(invalidLines.length, 'line')} of ${url} cannot be read.`,
            'Fix or remove them: each rule is "User-agent:", "Allow:", "Disallow:" or "Sitemap:" and a value, and Allow and Disallow come after a User-agent.',
            { items: invalidLines },
          )
        : pass(`${url} is valid.`);
    },
  },
  {
    id: 'robots-directives',
    severity: 'warning',
    applies: always,
    run(get) {
      const directives = get('robots');
      const limiting = directives.filter((directive) => forGoogle(directive) && limits(directive));
      if (limiting.length)
        return fail(
          'Search engines are told not to follow the links or not to show a snippet.',
          'Remove nofollow, none, nosnippet or max-snippet:0 unless you mean it: links are how crawlers find your other pages.',
          { items: limiting.map(describeDirective) },
        );
      return pass(
        directives.length
          ? `${plural(directives.length, 'robots directive')}, none limiting links or snippets.`
          : 'The page sets no robots directives.',
        directives.map(describeDirective),
      );
    },
  },
  {
    id: 'canonical',
    lighthouse: 'canonical',
    severity: 'warning',
    run(get, { page }) {
      const tags = get('canonicals');
      if (!tags.length)
        return pass('The page names no canonical address; search engines choose one themselves.');
      const invalid = tags.find((tag) => !tag.url);
      if (invalid)
        return fail(
          `The canonical address "${invalid.href}" is not a valid URL.`,
          'Point rel="canonical" at the full address of the preferred page.',
        );
      const relative = tags.find((tag) => !tag.absolute);
      if (relative)
        return fail(
          `The canonical address "${relative.href}" is relative.`,
          'Write the canonical address in full, with https:// and the host.',
        );
      const addresses = [...new Set(tags.map((tag) => tag.url!.href))];
      if (addresses.length > 1)
        return fail(
          `The page names ${addresses.length} different canonical addresses.`,
          'Keep a single canonical link (check the CMS, the SEO plugin and the Link header).',
          { items: addresses },
        );
      const canonical = tags[0]!.url!;
      const own = get('url');
      if (own) {
        const versions = new Set(get('alternates').map((version) => version.url?.href));
        if (versions.has(own.href) && versions.has(canonical.href) && own.href !== canonical.href)
          return fail(
            `The canonical link points to another language version: ${canonical.href}.`,
            'Make each language version its own canonical; hreflang links them, a canonical merges them.',
          );
        if (!sameSite(canonical.href, own.href))
          return fail(
            `The canonical link points to another site: ${canonical.href}.`,
            "Point the canonical at this site's own address for the page, unless the content is syndicated from there.",
          );
        if (canonical.origin === own.origin && canonical.pathname === '/' && own.pathname !== '/')
          return fail(
            'The canonical link points to the home page, not to an equivalent of this page.',
            'Point the canonical at this page (or at its true duplicate), not at the root.',
          );
      }
      return normalizeUrl(canonical.href) === normalizeUrl(page.finalUrl)
        ? pass('The canonical link points to the page itself.', [canonical.href])
        : pass(`The canonical link points to another page: ${canonical.href}.`, [canonical.href]);
    },
  },
  {
    id: 'hreflang',
    lighthouse: 'hreflang',
    severity: 'warning',
    run(get) {
      const versions = get('alternates');
      if (!versions.length) return pass('The page lists no language versions (hreflang).');
      const problems = versions.flatMap((version) => {
        const name = version.lang || '(empty)';
        return [
          version.lang.toLowerCase() !== 'x-default' && !isValidLanguageTag(version.lang)
            ? `${name}: not a valid language code`
            : '',
          !version.href
            ? `${name}: no href`
            : !version.absolute
              ? `${name}: relative href "${version.href}"`
              : '',
          version.source === 'body' ? `${name}: in <body>, where search engines ignore it` : '',
        ].filter(Boolean);
      });
      const codes = versions.map((version) => version.lang).join(', ');
      const fallback = versions.some((version) => version.lang.toLowerCase() === 'x-default')
        ? 'with an x-default'
        : 'without an x-default';
      const found = `${plural(versions.length, 'language version')} (${codes}), ${fallback}.`;
      return problems.length
        ? fail(
            found,
            'Use ISO 639-1 language codes with an optional ISO 3166-1 region (en, en-GB, pt-BR) or x-default, full addresses, and put the links in <head>.',
            { items: problems },
          )
        : pass(found);
    },
  },
  {
    id: 'html-lang',
    severity: 'warning',
    run(get) {
      const lang = get('lang');
      if (!lang)
        return fail(
          'The <html> element has no lang attribute.',
          'Add the page\'s language to <html>, such as lang="en": search engines and screen readers read it.',
        );
      return isValidLanguageTag(lang)
        ? pass(`The page declares its language: ${lang}.`)
        : fail(
            `lang="${lang}" is not a valid language code.`,
            'Use a BCP 47 code such as en, en-GB or pt-BR.',
          );
    },
  },
  {
    id: 'charset',
    severity: 'warning',
    run(get, { page }) {
      const header = CHARSET.exec(page.contentType ?? page.headers['content-type'] ?? '')?.[1];
      if (header) return pass(`The Content-Type header declares ${header}.`);
      const meta = metaCharset(get);
      if (meta && META_CHARSET.test(page.body.slice(0, CHARSET_PREFIX)))
        return pass(`A <meta> tag declares ${meta}.`);
      const fix =
        'Put <meta charset="utf-8"> first in <head>, or add charset=utf-8 to the Content-Type header.';
      return meta
        ? fail(`The <meta> declaring ${meta} comes after the first ${CHARSET_PREFIX} bytes.`, fix)
        : fail('Neither the Content-Type header nor a <meta> tag declares the encoding.', fix);
    },
  },
  {
    id: 'viewport',
    severity: 'warning',
    run(get) {
      const content = get('metas').get('viewport')?.[0];
      if (content === undefined)
        return fail('The page has no <meta name="viewport">.', VIEWPORT_FIX);
      return /\b(width|initial-scale)\s*=/i.test(content)
        ? pass(`The viewport is "${content}".`)
        : fail(`The viewport "${content}" sets neither width nor initial-scale.`, VIEWPORT_FIX);
    },
  },
]);
