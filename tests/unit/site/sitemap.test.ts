import { parseSitemap } from '../../../analysis/site';

describe('parseSitemap', () => {
  it('reads the pages of a urlset, trimmed, once each and in order', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>
      https://www.example.com/
    </loc>
    <lastmod>2024-05-10</lastmod>
    <xhtml:link rel="alternate" hreflang="de" href="https://www.example.com/de/"/>
  </url>
  <url>
    <loc>https://www.example.com/blog/content-calendar?utm_source=x&amp;page=2</loc>
    <image:image><image:loc>https://www.example.com/uploads/calendar-wall.jpg</image:loc></image:image>
  </url>
  <url><loc><![CDATA[https://www.example.com/guides/plan]]></loc></url>
  <url><loc>https://www.example.com/</loc></url>
  <url><loc>   </loc></url>
</urlset>`;
    expect(parseSitemap(xml)).toEqual({
      urls: [
        'https://www.example.com/',
        'https://www.example.com/blog/content-calendar?utm_source=x&page=2',
        'https://www.example.com/guides/plan',
      ],
      sitemaps: [],
    });
  });

  it('reads the sitemaps of a sitemap index', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.example.com/sitemap-posts.xml</loc><lastmod>2024-05-10T08:00:00+00:00</lastmod></sitemap>
  <sitemap><loc>https://www.example.com/sitemap-pages.xml.gz</loc></sitemap>
</sitemapindex>`;
    expect(parseSitemap(xml)).toEqual({
      urls: [],
      sitemaps: [
        'https://www.example.com/sitemap-posts.xml',
        'https://www.example.com/sitemap-pages.xml.gz',
      ],
    });
  });

  it('reads prefixed elements and upper-case names', () => {
    const xml = `<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sm:url><sm:loc>https://www.example.com/a</sm:loc></sm:url>
  <URL><LOC>https://www.example.com/b</LOC></URL>
</sm:urlset>`;
    expect(parseSitemap(xml).urls).toEqual([
      'https://www.example.com/a',
      'https://www.example.com/b',
    ]);
  });

  it('gives nothing for a body that is no sitemap', () => {
    expect(parseSitemap('<!DOCTYPE html><html><body><p>Not found</p></body></html>')).toEqual({
      urls: [],
      sitemaps: [],
    });
    expect(parseSitemap('')).toEqual({ urls: [], sitemaps: [] });
  });
});
