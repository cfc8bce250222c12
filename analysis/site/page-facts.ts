import { normalizeUrl } from './normalize-url';
import { blocksFollowing, blocksIndexing, forGoogle } from './robots-directives';
import type { Research } from './research';
import type { PageFacts } from './types';

/** What the crawl keeps of a page: the links to follow and what the site findings compare. */
export const factsOf = (get: Research): PageFacts => {
  const google = get('robots').filter(forGoogle);
  const canonical = get('canonicals').find((tag) => tag.url)?.url;
  return {
    title: get('titles')[0] || null,
    description: get('description'),
    canonical: canonical ? normalizeUrl(canonical.href) : null,
    lang: get('lang'),
    noindex: google.some((directive) => blocksIndexing(directive)),
    nofollow: google.some(blocksFollowing),
    hreflang: get('alternates').flatMap((version) => {
      const href = version.url && normalizeUrl(version.url.href);
      return href && version.lang ? [{ lang: version.lang, href }] : [];
    }),
    links: get('links'),
    wordCount: get('isHtml') ? get('seo').wordCount : 0,
  };
};
