import { textOf, xmlElements } from './dom';

const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1).toLowerCase();

/**
 * The addresses of a sitemap (`<urlset>`) and the sitemaps of an index (`<sitemapindex>`), in
 * order and once each. Prefixed elements (`<sm:loc>`) count, and only a `<loc>` directly in a
 * `<url>` or `<sitemap>` does: image and video extensions have `<loc>`s of their own.
 */
export const parseSitemap = (xml: string): { urls: string[]; sitemaps: string[] } => {
  const urls = new Set<string>();
  const sitemaps = new Set<string>();
  for (const el of xmlElements(xml)) {
    if (localName(el.name) !== 'loc' || !el.parent || !('attribs' in el.parent)) continue;
    const loc = textOf(el);
    const parent = localName(el.parent.name);
    if (!loc) continue;
    if (parent === 'url') urls.add(loc);
    else if (parent === 'sitemap') sitemaps.add(loc);
  }
  return { urls: [...urls], sitemaps: [...sitemaps] };
};
