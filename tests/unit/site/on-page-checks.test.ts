import {
  brokenPage,
  checkOf,
  fetched,
  germanArticle,
  goodArticle,
  goodHead,
  html,
} from './fixtures';

/** The good article with one tag of its head replaced (or removed, with ''). */
const replacing = (pattern: RegExp, replacement: string) =>
  fetched(html({ head: goodHead().replace(pattern, replacement) }));
const withBody = (body: string, lang = 'en') => fetched(html({ lang, body }));

describe('document-title', () => {
  it('passes a title that fits', () => {
    const result = checkOf(goodArticle(), 'document-title');
    expect(result).toMatchObject({ passed: true, severity: 'error', lighthouse: 'document-title' });
    expect(result.found).toMatch(
      /^The title "Content calendar: plan posts your team can keep up with" is \d+ px wide \(55 characters\): it fits\.$/,
    );
  });

  it('fails a missing or empty title as an error', () => {
    expect(checkOf(replacing(/<title>.*<\/title>/, ''), 'document-title')).toMatchObject({
      passed: false,
      severity: 'error',
      found: 'The page has no <title>.',
    });
    expect(
      checkOf(replacing(/<title>.*<\/title>/, '<title>  </title>'), 'document-title').found,
    ).toBe('The <title> is empty.');
  });

  it('warns about a title too wide for a search result, showing where it is cut', () => {
    const long =
      'Content calendar: the complete guide to planning, writing, reviewing and measuring every post';
    const result = checkOf(
      replacing(/<title>.*<\/title>/, `<title>${long}</title>`),
      'document-title',
    );
    expect(result).toMatchObject({ passed: false, severity: 'warning' });
    expect(result.found).toMatch(
      /^The title is \d+ px wide \(93 characters\): search results cut it after 600 px\.$/,
    );
    expect(result.items?.[0]).toMatch(/^Content calendar: the complete guide .* …$/);
  });

  it('warns about a title too short and about several titles', () => {
    expect(checkOf(brokenPage(), 'document-title')).toMatchObject({
      passed: false,
      severity: 'warning',
      found: 'The title "Deals" has only 5 characters.',
    });
    const twice = fetched(html({ extraHead: '<title>Another title for the page</title>' }));
    expect(checkOf(twice, 'document-title')).toMatchObject({
      found: 'The page has 2 <title> elements.',
      severity: 'warning',
    });
  });

  it('does not take an SVG icon title for the page title', () => {
    const page = fetched(
      html({
        head: goodHead().replace(/<title>.*<\/title>/, ''),
        body: '<main><svg><title>Search icon</title></svg><p>Text</p></main>',
      }),
    );
    expect(checkOf(page, 'document-title').found).toBe('The page has no <title>.');
  });
});

describe('meta-description', () => {
  it('passes a description that fits', () => {
    const result = checkOf(goodArticle(), 'meta-description');
    expect(result).toMatchObject({ passed: true, lighthouse: 'meta-description' });
    expect(result.found).toMatch(/\(130 characters\): it fits\.$/);
  });

  it('warns about a missing or empty description', () => {
    expect(checkOf(brokenPage(), 'meta-description')).toMatchObject({
      passed: false,
      severity: 'warning',
      found: 'The page has no meta description.',
    });
    expect(
      checkOf(
        replacing(/<meta name="description"[^>]*>/, '<meta name="description" content=" ">'),
        'meta-description',
      ).found,
    ).toBe('The meta description is empty.');
  });

  it('notes a description too wide, too short or repeated', () => {
    const long = `${'A content calendar keeps your team publishing steadily, week after week. '.repeat(3)}`;
    const wide = checkOf(
      replacing(/<meta name="description"[^>]*>/, `<meta name="description" content="${long}">`),
      'meta-description',
    );
    expect(wide).toMatchObject({ passed: false, severity: 'notice' });
    expect(wide.found).toMatch(/search results cut it after 920 px\.$/);
    const short = checkOf(
      replacing(
        /<meta name="description"[^>]*>/,
        '<meta name="description" content="Plan your posts.">',
      ),
      'meta-description',
    );
    expect(short).toMatchObject({
      severity: 'notice',
      found: 'The meta description has only 16 characters.',
    });
    const twice = checkOf(
      fetched(html({ extraHead: '<meta name="description" content="Another one.">' })),
      'meta-description',
    );
    expect(twice.found).toBe('The page has 2 meta descriptions.');
  });
});

describe('h1', () => {
  it('passes one H1', () => {
    expect(checkOf(goodArticle(), 'h1').found).toBe(
      'One H1: "Content calendar: how to plan posts your team can keep up with".',
    );
  });

  it('warns about a page without an H1, and notes several', () => {
    expect(checkOf(brokenPage(), 'h1')).toMatchObject({
      passed: false,
      severity: 'warning',
      found: 'The page has no H1.',
    });
    const two = checkOf(withBody('<h1>Plans</h1><p>Text.</p><h1>More plans</h1>'), 'h1');
    expect(two).toMatchObject({
      passed: false,
      severity: 'notice',
      items: ['Plans', 'More plans'],
    });
  });
});

describe('heading-order', () => {
  it('passes headings that go down one level at a time', () => {
    expect(checkOf(goodArticle(), 'heading-order').found).toBe('5 headings, in order.');
    expect(
      checkOf(withBody('<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h3>E</h3>'), 'heading-order')
        .passed,
    ).toBe(true);
  });

  it('notes each skipped level', () => {
    const result = checkOf(
      withBody('<h1>Guide</h1><h3>Step one</h3><h3>Step two</h3><h2>Next</h2><h5>Fine print</h5>'),
      'heading-order',
    );
    expect(result).toMatchObject({
      passed: false,
      severity: 'notice',
      found: 'Skipped heading levels: 2.',
    });
    expect(result.items).toEqual(['H1 → H3 "Step one"', 'H2 → H5 "Fine print"']);
  });
});

describe('image-alt', () => {
  it('passes images that all have alt, an empty one included', () => {
    const result = checkOf(
      withBody(
        '<img src="/a.jpg" alt="A chart"><img src="/rule.png" alt=""><img src="/x.png" role="presentation"><img src="/y.png" aria-label="Logo">',
      ),
      'image-alt',
    );
    expect(result).toMatchObject({
      passed: true,
      lighthouse: 'image-alt',
      found: 'Every image has an alt attribute (4).',
    });
  });

  it('fails images without alt, listing them', () => {
    const result = checkOf(brokenPage(), 'image-alt');
    expect(result).toMatchObject({
      passed: false,
      found: 'Images without an alt attribute: 1 of 2.',
      items: ['/banner.jpg'],
    });
  });

  it('skips images in <noscript>, which a browser with scripts does not show', () => {
    expect(
      checkOf(withBody('<noscript><img src="/pixel.gif"></noscript>'), 'image-alt').found,
    ).toBe('The page has no images.');
  });
});

describe('link-text', () => {
  it('passes descriptive links', () => {
    expect(checkOf(goodArticle(), 'link-text')).toMatchObject({
      passed: true,
      lighthouse: 'link-text',
    });
  });

  it('fails vague texts and bare addresses', () => {
    const result = checkOf(brokenPage(), 'link-text');
    expect(result.items).toEqual([
      '"click here" → https://www.example.com/deals/today',
      '"https://www.example.com/shop" → https://www.example.com/shop',
    ]);
  });

  it("reads the page's language and English, not every language", () => {
    const result = checkOf(germanArticle(), 'link-text');
    expect(result.items).toEqual([
      '"hier" → https://www.example.com/de/vorlagen/redaktionsplan',
      '"mehr …" → https://www.example.com/de/blog',
      '"Read more" → https://www.example.com/blog/content-calendar',
    ]);
  });

  it.each([
    ['fr', 'En savoir plus'],
    ['es', 'Leer más'],
    ['pt-BR', 'Saiba mais'],
    ['it', 'Leggi di più'],
    ['nl', 'Lees meer'],
    ['en', 'Learn more →'],
  ])('knows %s: "%s"', (lang, text) => {
    const page = withBody(`<p><a href="/pricing">${text}</a></p>`, lang);
    expect(checkOf(page, 'link-text').items).toEqual([
      `"${text}" → https://www.example.com/pricing`,
    ]);
  });

  it('uses every list when the page names no language', () => {
    const page = withBody('<p><a href="/a">weiterlesen</a> <a href="/b">lire la suite</a></p>', '');
    expect(checkOf(page, 'link-text').items).toHaveLength(2);
  });

  it('leaves out nofollow, script, mail and in-page links, as Lighthouse', () => {
    const page = withBody(
      '<p><a href="/ad" rel="nofollow">click here</a> <a href="javascript:print()">here</a> <a href="mailto:a@example.com">here</a> <a href="#comments">more</a></p>',
    );
    expect(checkOf(page, 'link-text').passed).toBe(true);
  });
});

describe('crawlable-anchors', () => {
  it('passes links with addresses and named anchors', () => {
    const page = withBody(
      '<p><a id="top"></a><a name="faq"></a><a href="/faq">Questions</a><a role="button">Menu</a><a aria-current="page">Home</a><a href="mailto:x@example.com">Mail</a></p>',
    );
    expect(checkOf(page, 'crawlable-anchors')).toMatchObject({
      passed: true,
      lighthouse: 'crawlable-anchors',
    });
  });

  it('fails links without href and script links', () => {
    const result = checkOf(brokenPage(), 'crawlable-anchors');
    expect(result).toMatchObject({ passed: false, found: 'Links a crawler cannot follow: 2.' });
    expect(result.items).toEqual([
      '<a href="javascript:void(0)">Open the menu</a>',
      '<a>Placeholder</a>',
    ]);
  });

  it('fails any javascript: href, a file: href and an unparsable one', () => {
    const page = withBody(
      '<p><a href="javascript:openCart()">Cart</a> <a href="file:///C:/docs/a.pdf">Doc</a> <a href="http://[oops">Broken</a> <a href="" target="_blank">Empty</a></p>',
    );
    expect(checkOf(page, 'crawlable-anchors').items).toEqual([
      '<a href="javascript:openCart()">Cart</a>',
      '<a href="file:///C:/docs/a.pdf">Doc</a>',
      '<a href="http://[oops">Broken</a>',
    ]);
  });
});

describe('links', () => {
  it('counts internal, external and nofollow links', () => {
    expect(checkOf(goodArticle(), 'links')).toMatchObject({
      passed: true,
      found: '5 internal links and 2 external links (1 nofollow).',
    });
  });

  it('notes a page that links to no other page of the site', () => {
    const result = checkOf(
      withBody(
        '<p>A dead end. <a href="https://other.example.org/">Elsewhere</a> <a href="#top">Top</a></p>',
      ),
      'links',
    );
    expect(result).toMatchObject({
      passed: false,
      severity: 'notice',
      found: '0 internal links and 1 external link (0 nofollow).',
    });
  });
});

describe('open-graph', () => {
  it('passes the four tags with full addresses', () => {
    expect(checkOf(goodArticle(), 'open-graph').passed).toBe(true);
  });

  it('lists missing tags and relative addresses', () => {
    expect(checkOf(brokenPage(), 'open-graph').items).toEqual([
      'og:title is missing',
      'og:description is missing',
      'og:image is missing',
      'og:url is missing',
    ]);
    const relative = replacing(
      /<meta property="og:image"[^>]*>/,
      '<meta property="og:image" content="/uploads/calendar.jpg">',
    );
    expect(checkOf(relative, 'open-graph')).toMatchObject({
      passed: false,
      items: ['og:image is not a full address'],
    });
  });
});

describe('twitter-card', () => {
  it('passes a known card type', () => {
    expect(checkOf(goodArticle(), 'twitter-card').found).toBe(
      'The Twitter card is "summary_large_image".',
    );
  });

  it('notes a missing card and an unknown type', () => {
    expect(checkOf(brokenPage(), 'twitter-card')).toMatchObject({
      passed: false,
      severity: 'notice',
    });
    const wrong = replacing(
      /<meta name="twitter:card"[^>]*>/,
      '<meta name="twitter:card" content="large">',
    );
    expect(checkOf(wrong, 'twitter-card').found).toBe(
      'The Twitter card "large" is not a card type.',
    );
  });
});

describe('structured-data', () => {
  it('passes complete JSON-LD, treating BlogPosting as an Article', () => {
    expect(checkOf(goodArticle(), 'structured-data')).toMatchObject({
      passed: true,
      lighthouse: 'structured-data',
      found:
        '1 JSON-LD block (BlogPosting, BreadcrumbList): 0 errors, 0 missing recommended properties.',
    });
  });

  it('passes a page without structured data', () => {
    expect(checkOf(withBody('<p>Plain.</p>'), 'structured-data').passed).toBe(true);
  });

  it('fails JSON that does not parse and missing required properties', () => {
    const result = checkOf(brokenPage(), 'structured-data');
    expect(result.passed).toBe(false);
    expect(result.found).toBe(
      '2 JSON-LD blocks (Product): 2 errors, 3 missing recommended properties.',
    );
    expect(result.items?.[0]).toBe(
      'Block 1, Product (offers): A product needs one of offers, review or aggregateRating: add its price.',
    );
    expect(result.items?.[1]).toMatch(/^Block 2 is not valid JSON: /);
    expect(result.items).toContain('Block 1, Product (brand): Product should have "brand".');
  });

  it('validates each type of an array @type and a top-level array', () => {
    const jsonLd = JSON.stringify([
      {
        '@context': 'https://schema.org',
        '@type': ['NewsArticle', 'CreativeWork'],
        image: 'https://www.example.com/a.jpg',
      },
      { '@context': 'https://schema.org', '@type': 'WebSite', name: 'Example' },
    ]);
    const page = fetched(
      html({ extraHead: `<script type="application/ld+json">${jsonLd}</script>`, head: '' }),
    );
    const result = checkOf(page, 'structured-data');
    expect(result.found).toBe(
      '1 JSON-LD block (NewsArticle, CreativeWork, WebSite): 1 error, 3 missing recommended properties.',
    );
    expect(result.items?.[0]).toBe(
      'Block 1, NewsArticle/CreativeWork (headline): Article needs "headline".',
    );
  });
});
