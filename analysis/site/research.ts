import { analyze } from '../seo/analyze';
import { keyphraseAssessments } from '../seo/assessments/keyphrase';
import { readabilityAssessments } from '../seo/assessments/readability';
import type { Analysis } from '../seo/types';
import {
  parseHtml,
  rawTextOf,
  sourceOf,
  textOf,
  tokensOf,
  type Element,
  type PageDom,
} from './dom';
import { parseLinkHeader } from './link-header';
import { normalizeUrl, sameSite } from './normalize-url';
import { robotsDirectives, type RobotsDirective } from './robots-directives';
import type { AuditOptions, FetchedPage, PageFacts } from './types';

export interface AuditInput {
  page: FetchedPage;
  options: AuditOptions;
}

/** A `<link>` element or an entry of the `Link` header. */
export interface LinkTag {
  rel: string[];
  /** As written; undefined when the element has none. */
  href: string | undefined;
  hreflang: string | undefined;
  source: 'head' | 'body' | 'header';
}

export interface Anchor {
  el: Element;
  /** As written; undefined when the element has none. */
  href: string | undefined;
  text: string;
  rel: string[];
  /** The normalised http(s) address it leads to, or null. */
  target: string | null;
}

/** An address a `<link>` gives. */
export interface LinkTarget {
  /** As written, trimmed. */
  href: string;
  /** Resolved, or null when it does not parse. */
  url: URL | null;
  /** Written as a whole address, not relative to the page. */
  absolute: boolean;
}

export interface Alternate extends LinkTarget {
  /** The hreflang value, trimmed. */
  lang: string;
  source: LinkTag['source'];
}

export interface Script {
  src: string | undefined;
  /** Runs without holding up rendering: async, defer or a module. */
  deferred: boolean;
  inBody: boolean;
}

export interface Stylesheet {
  href: string | undefined;
  /** Holds up rendering: a stylesheet for every screen, not `media="print"`. */
  blocking: boolean;
  inBody: boolean;
}

export interface JsonLdBlock {
  /** The parsed JSON, when it parsed. */
  json?: unknown;
  error?: string;
}

/** Every fact a check may ask for, computed once per page and only when asked. */
export interface Researches {
  /** The address that answered, or null when it does not parse. */
  url: URL | null;
  isHtml: boolean;
  /** The one parse of the page. */
  dom: PageDom;
  /** What relative addresses resolve against: `<base href>`, else the final address. */
  base: string;
  /** Contents of `<meta>` by lower-cased `name` or `property`, in document order. */
  metas: Map<string, string[]>;
  linkTags: LinkTag[];
  /** Canonical links of the head and of the `Link` header (body ones do not count). */
  canonicals: LinkTarget[];
  /** Language versions: `<link rel="alternate" hreflang>` and their `Link` header twins. */
  alternates: Alternate[];
  robots: RobotsDirective[];
  anchors: Anchor[];
  /** The page's links to other addresses (not to itself), as the facts keep them. */
  links: PageFacts['links'];
  headings: { level: number; text: string }[];
  /** Scripts that run: JSON-LD and other data blocks are left out. */
  scripts: Script[];
  stylesheets: Stylesheet[];
  /** Texts of the document's `<title>` elements. */
  titles: string[];
  description: string | null;
  lang: string | null;
  jsonLd: JsonLdBlock[];
  /**
   * The markup of the main content: `<main>`, else the only `<article>`, else the whole page, so
   * that navigation and footers do not count as the text's first paragraph or its words.
   */
  mainHtml: string;
  /** The SEO engine's readability (and keyphrase, when one is given) on the main content. */
  seo: Analysis;
}

export type Research = <K extends keyof Researches>(name: K) => Researches[K];

type Researchers = { [K in keyof Researches]: (input: AuditInput, get: Research) => Researches[K] };

const HTML_TYPE = /\bx?html\b/i;
const HTML_START = /<html[\s>]|<!doctype html/i;

const urlOf = (href: string, base?: string) => {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
};

const attr = (el: Element, name: string) => el.attribs[name];

/** A `<link>`'s address; a `Link` header's resolves against the response, not `<base>`. */
const targetOf = (tag: LinkTag, { page }: AuditInput, get: Research): LinkTarget => {
  const href = (tag.href ?? '').trim();
  const base = tag.source === 'header' ? page.finalUrl : get('base');
  return { href, url: href ? urlOf(href, base) : null, absolute: urlOf(href) !== null };
};

/** Script types a browser runs (the HTML standard's JavaScript MIME types, and `module`). */
const RUNS = /^(|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/;
const NOT_EVERY_SCREEN = /^\s*(print|speech)\s*$/i;

/** The last path segment, for the SEO engine's keyphrase-in-slug check. */
const slugOf = (url: URL | null) => url?.pathname.split('/').filter(Boolean).pop() ?? '';

const RESEARCHERS: Researchers = {
  url: ({ page }) => urlOf(page.finalUrl),
  isHtml: ({ page }) =>
    page.body.length > 0 &&
    (page.contentType
      ? HTML_TYPE.test(page.contentType)
      : HTML_START.test(page.body.slice(0, 2048))),
  dom: ({ page }, get) => parseHtml(get('isHtml') ? page.body : ''),
  base: ({ page }, get) => {
    const href = get('dom')
      .byTag('base')
      .map(({ el }) => attr(el, 'href'))
      .find((value) => value !== undefined);
    return (href !== undefined && urlOf(href, page.finalUrl)?.href) || page.finalUrl;
  },
  metas: (_, get) => {
    const metas = new Map<string, string[]>();
    for (const { el } of get('dom').byTag('meta')) {
      const key = (attr(el, 'name') ?? attr(el, 'property'))?.trim().toLowerCase();
      const content = attr(el, 'content');
      if (!key || content === undefined) continue;
      const list = metas.get(key);
      if (list) list.push(content.trim());
      else metas.set(key, [content.trim()]);
    }
    return metas;
  },
  linkTags: ({ page }, get) => [
    ...get('dom')
      .byTag('link')
      .map(({ el, inBody }) => ({
        rel: tokensOf(attr(el, 'rel')),
        href: attr(el, 'href'),
        hreflang: attr(el, 'hreflang'),
        source: inBody ? ('body' as const) : ('head' as const),
      })),
    ...parseLinkHeader(page.headers.link).map((link) => ({
      rel: tokensOf(link.params.rel),
      href: link.href,
      hreflang: link.params.hreflang,
      source: 'header' as const,
    })),
  ],
  canonicals: (input, get) =>
    get('linkTags')
      .filter((tag) => tag.rel.includes('canonical') && tag.source !== 'body' && tag.href?.trim())
      .map((tag) => targetOf(tag, input, get)),
  alternates: (input, get) =>
    get('linkTags')
      .filter((tag) => tag.rel.includes('alternate') && tag.hreflang !== undefined)
      .map((tag) => ({
        ...targetOf(tag, input, get),
        lang: tag.hreflang!.trim(),
        source: tag.source,
      })),
  robots: ({ page }, get) => robotsDirectives(get('metas'), page.headers['x-robots-tag']),
  anchors: (_, get) => {
    const base = get('base');
    return get('dom')
      .byTag('a')
      .map(({ el }) => {
        const href = attr(el, 'href');
        return {
          el,
          href,
          text: textOf(el),
          rel: tokensOf(attr(el, 'rel')),
          target: href === undefined ? null : normalizeUrl(href, base),
        };
      });
  },
  links: ({ page }, get) => {
    const base = get('base');
    const areas = get('dom')
      .byTag('area')
      .map(({ el }) => {
        const href = attr(el, 'href');
        return {
          target: href === undefined ? null : normalizeUrl(href, base),
          rel: tokensOf(attr(el, 'rel')),
        };
      });
    // One entry per address; followed when any of the links to it is.
    const byTarget = new Map<string, PageFacts['links'][number]>();
    const own = normalizeUrl(page.finalUrl);
    for (const { target, rel } of [...get('anchors'), ...areas]) {
      if (!target || target === own) continue;
      const nofollow = rel.includes('nofollow');
      const known = byTarget.get(target);
      if (known) known.nofollow &&= nofollow;
      else
        byTarget.set(target, { href: target, internal: sameSite(target, page.finalUrl), nofollow });
    }
    return [...byTarget.values()];
  },
  headings: (_, get) => {
    const dom = get('dom');
    return [1, 2, 3, 4, 5, 6]
      .flatMap((level) => dom.byTag(`h${level}`).map(({ el, order }) => ({ el, order, level })))
      .sort((a, b) => a.order - b.order)
      .map(({ el, level }) => ({ level, text: textOf(el) }));
  },
  scripts: (_, get) =>
    get('dom')
      .byTag('script')
      .filter(({ el }) => RUNS.test((attr(el, 'type') ?? '').trim().toLowerCase()))
      .map(({ el, inBody }) => ({
        src: attr(el, 'src'),
        deferred:
          attr(el, 'async') !== undefined ||
          attr(el, 'defer') !== undefined ||
          attr(el, 'type')?.trim().toLowerCase() === 'module',
        inBody,
      })),
  stylesheets: (_, get) =>
    get('dom')
      .byTag('link')
      .filter(({ el }) => tokensOf(attr(el, 'rel')).includes('stylesheet'))
      .map(({ el, inBody }) => ({
        href: attr(el, 'href'),
        blocking:
          !tokensOf(attr(el, 'rel')).includes('alternate') &&
          !NOT_EVERY_SCREEN.test(attr(el, 'media') ?? '') &&
          attr(el, 'disabled') === undefined,
        inBody,
      })),
  titles: (_, get) =>
    get('dom')
      .byTag('title')
      .filter(({ inBody }) => !inBody)
      .map(({ el }) => textOf(el)),
  description: (_, get) => get('metas').get('description')?.[0] || null,
  lang: (_, get) => {
    const html = get('dom').byTag('html')[0];
    return (html && attr(html.el, 'lang')?.trim()) || null;
  },
  jsonLd: (_, get) =>
    get('dom')
      .byTag('script')
      .filter(({ el }) => attr(el, 'type')?.trim().toLowerCase() === 'application/ld+json')
      .map(({ el }) => {
        try {
          return { json: JSON.parse(rawTextOf(el)) as unknown };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }),
  mainHtml: ({ page }, get) => {
    const dom = get('dom');
    const articles = dom.byTag('article');
    const main = dom.byTag('main')[0] ?? (articles.length === 1 ? articles[0] : undefined);
    return main ? sourceOf(main.el, page.body) : page.body;
  },
  seo: ({ page, options }, get) =>
    analyze(
      {
        content: get('mainHtml'),
        contentFormat: 'html',
        title: get('headings').find((heading) => heading.level === 1)?.text,
        metaTitle: get('titles')[0],
        metaDescription: get('description') ?? undefined,
        slug: slugOf(get('url')),
        keyphrase: options.keyphrase,
        locale: get('lang') ?? undefined,
        baseUrl: page.finalUrl,
      },
      options.keyphrase
        ? [...keyphraseAssessments, ...readabilityAssessments]
        : readabilityAssessments,
    ),
};

/** Facts by name, each computed on first use and kept for this page only. */
export const createResearch = (input: AuditInput): Research => {
  const cache = new Map<keyof Researches, unknown>();
  const get: Research = (name) => {
    if (!cache.has(name)) cache.set(name, RESEARCHERS[name](input, get));
    return cache.get(name) as Researches[typeof name];
  };
  return get;
};
