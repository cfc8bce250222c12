import { textModelOf } from '../../../analysis/seo';
import { contentGap, describeGap } from '../../../analysis/seo/tools/content-gap';
import { addToCorpus, corpusKeysOf, keywordReport } from '../../../analysis/seo/tools/keywords';
import {
  socialTags,
  structuredData,
  validateJsonLd,
} from '../../../analysis/seo/tools/structured-data';
import { contentCalendar, redaktionsplan, toHtml, toMarkdown } from '../../fixtures/seo/articles';
import { goodPaper } from './helpers';

const otherEntries = [
  '## Writing a newsletter\n\nA newsletter goes out every week. Readers want one clear story per issue, a short subject line and a link to the blog.',
  '## Social media posts\n\nSocial media needs a rhythm of its own. Short posts, one image and a link work best for most brands on most channels.',
  '## Team meetings\n\nAn editorial meeting reviews what the team published and what comes next. Keep the meeting short and the notes shared.',
];

describe('keyword analyzer', () => {
  const report = keywordReport(goodPaper());

  it('measures the keyphrase with its word forms: count, density, prominence, placement', () => {
    expect(report.language).toBe('en');
    // "content calendar" and "content calendars" (a subheading) both count.
    expect(report.keyphrase).toMatchObject({
      text: 'content calendar',
      inTitle: true,
      inIntroduction: true,
      subheadingsWith: 2,
      subheadings: 4,
    });
    // The opening line, two subheadings and the summary.
    expect(report.keyphrase!.occurrences).toBe(4);
    expect(report.keyphrase!.density).toBeGreaterThan(1);
    expect(report.keyphrase!.density).toBeLessThan(4);
    // The text opens with it.
    expect(report.keyphrase!.prominence).toBe(100);
  });

  it('a keyphrase first found late has a low prominence; one never found has none', () => {
    const late = keywordReport(goodPaper({ keyphrase: 'documented plans' }));
    expect(late.keyphrase!.occurrences).toBe(1);
    expect(late.keyphrase!.prominence).toBeLessThan(20);
    expect(late.keyphrase!.inTitle).toBe(false);
    const missing = keywordReport(goodPaper({ keyphrase: 'podcast hosting' }));
    expect(missing.keyphrase).toMatchObject({ occurrences: 0, prominence: 0, density: 0 });
  });

  it('lists the top one-, two- and three-word terms, word forms together, no function words', () => {
    const one = report.terms.one.map((term) => term.term);
    expect(one.slice(0, 3)).toEqual(expect.arrayContaining(['calendar', 'plan']));
    expect(one).not.toContain('the');
    expect(one).not.toContain('a');
    const calendar = report.terms.one.find((term) => term.term === 'calendar')!;
    // "calendar" and "calendars" are one term.
    expect(calendar.count).toBeGreaterThanOrEqual(8);
    expect(report.terms.two[0]).toMatchObject({ term: 'content calendar' });
    expect(report.terms.two.every((term) => term.count > 1)).toBe(true);
    for (const term of [...report.terms.two, ...report.terms.three]) {
      expect(term.term).not.toMatch(/^(the|a|of|and|to) | (the|a|of|and|to)$/);
    }
  });

  it('ranks terms by TF-IDF against the other entries: shared words sink, its own rise', () => {
    const frequencies = new Map<string, number>();
    for (const text of otherEntries)
      addToCorpus(frequencies, corpusKeysOf({ content: text, locale: 'en' }));
    const ranked = keywordReport(goodPaper(), { documents: otherEntries.length, frequencies });
    expect(ranked.corpusDocuments).toBe(3);
    const terms = ranked.distinctive!.map((term) => term.term);
    expect(ranked.distinctive![0]!.score).toBe(100);
    expect(terms[0]).toBe('calendar');
    const team = ranked.distinctive!.find((term) => term.term === 'team');
    const calendar = ranked.distinctive!.find((term) => term.term === 'calendar')!;
    // "team" is in another entry too, "calendar" in none.
    expect(calendar.documents).toBe(0);
    expect(team).toMatchObject({ documents: 1 });
    expect(terms.indexOf('team')).toBeGreaterThan(terms.indexOf('calendar'));
    expect(keywordReport(goodPaper()).distinctive).toBeNull();
  });

  it('works on the German article with German stems', () => {
    const german = keywordReport({
      content: toMarkdown(redaktionsplan),
      keyphrase: 'Redaktionsplan',
      locale: 'de',
      title: 'Redaktionsplan: so planen Teams',
    });
    expect(german.language).toBe('de');
    // "Redaktionspläne" is a form of it.
    expect(german.keyphrase!.occurrences).toBeGreaterThanOrEqual(5);
    expect(german.terms.one[0]!.term).toBe('redaktionsplan');
  });
});

const competitor = (title: string, sections: [string, string][]) =>
  `<html><head><title>${title}</title><script>track()</script></head><body><nav><a href="/">Home</a></nav><h1>${title}</h1>${sections
    .map(([heading, text]) => `<h2>${heading}</h2><p>${text}</p>`)
    .join('')}</body></html>`;

const pages = [
  {
    label: 'rival-a.example',
    html: competitor('The content calendar guide', [
      [
        'Content calendar templates',
        'A template saves hours. Download a template, copy the template into a spreadsheet and add an approval workflow so drafts never stall.',
      ],
      [
        'Approval workflow for editors',
        'An approval workflow names who signs off. The workflow keeps legal and brand reviews on time.',
      ],
      ['Choosing a cadence', 'Post as often as you can sustain.'],
    ]),
  },
  {
    label: 'rival-b.example',
    html: competitor('Plan content like a pro', [
      [
        'Content calendar template',
        'Start from a template. A good template has columns for owner, status and approval workflow steps. Without an approval workflow, drafts wait.',
      ],
      [
        'Repurposing old posts',
        'Repurposing turns one post into five. Plan repurposing when you plan the original post, and track repurposing in the calendar.',
      ],
    ]),
  },
];

describe('content gap', () => {
  const gap = contentGap(goodPaper(), pages, { locale: 'en' });

  it('finds the headings competitors cover that the entry lacks, grouped across pages', () => {
    const headings = gap.headings.map((heading) => heading.heading);
    expect(headings).toEqual(
      expect.arrayContaining(['Approval workflow for editors', 'Repurposing old posts']),
    );
    // Covered by the entry's "Choosing the right cadence".
    expect(headings).not.toContain('Choosing a cadence');
    const templates = gap.headings.find((heading) => /template/i.test(heading.heading))!;
    expect(templates.pages).toEqual(['rival-a.example', 'rival-b.example']);
  });

  it('finds the terms two pages use repeatedly and the entry never does', () => {
    const terms = gap.terms.map((term) => term.term);
    expect(terms).toEqual(expect.arrayContaining(['template', 'approval workflow']));
    expect(gap.terms.every((term) => term.pages >= 2)).toBe(true);
    // Used by one page only.
    expect(terms).not.toContain('repurposing');
    // The entry uses it.
    expect(terms).not.toContain('calendar');
    // Scripts and navigation are not content.
    expect(terms).not.toContain('track');
    expect(gap.pages.map((page) => page.headings)).toEqual([3, 2]);
  });

  it('with one page, a term it repeats is a gap; the prompt lines carry facts only', () => {
    const single = contentGap(goodPaper(), [pages[1]!], { locale: 'en' });
    expect(single.terms.map((term) => term.term)).toContain('repurposing');
    const lines = describeGap(single);
    expect(lines).toContain('Repurposing old posts (rival-b.example)');
    expect(lines).not.toContain('turns one post into five');
  });
});

describe('structured data', () => {
  const source = {
    title: 'Content calendar: how to plan posts',
    description: 'How to build a content calendar.',
    url: 'https://example.com/blog/content-calendar',
    image: 'https://example.com/uploads/calendar.jpg',
    locale: 'en',
    datePublished: '2026-11-02T09:00:00.000Z',
    dateModified: '2026-11-20T09:00:00.000Z',
    author: 'Ada Editor',
    siteName: 'Example',
    baseUrl: 'https://example.com',
    logo: 'https://example.com/logo.png',
    section: { name: 'Blog', url: 'https://example.com/blog' },
  };

  it('builds a valid Article; without a date and an author it warns, without a headline it fails', () => {
    const article = structuredData('Article', source);
    expect(article.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: source.title,
      author: { '@type': 'Person', name: 'Ada Editor' },
      publisher: { '@type': 'Organization', name: 'Example' },
    });
    expect(article.issues).toEqual([]);
    const bare = structuredData('Article', { title: source.title });
    expect(bare.issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(bare.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['datePublished', 'author', 'image']),
    );
    expect(structuredData('Article', {}).issues).toContainEqual(
      expect.objectContaining({ path: 'headline', severity: 'error' }),
    );
  });

  it('builds an FAQPage from question headings and the paragraphs under them', () => {
    const model = textModelOf(
      '## What is a content calendar?\n\nA shared plan of what to publish.\n\n## How often should we post?\n\nAs often as you can sustain.\n\n## Summary\n\nPlan ahead.',
    );
    const faq = structuredData('FAQPage', { ...source, model });
    expect(faq.jsonLd.mainEntity).toEqual([
      {
        '@type': 'Question',
        name: 'What is a content calendar?',
        acceptedAnswer: { '@type': 'Answer', text: 'A shared plan of what to publish.' },
      },
      {
        '@type': 'Question',
        name: 'How often should we post?',
        acceptedAnswer: { '@type': 'Answer', text: 'As often as you can sustain.' },
      },
    ]);
    expect(faq.issues).toEqual([]);
    expect(
      structuredData('FAQPage', { ...source, model: textModelOf(toMarkdown(contentCalendar)) })
        .issues,
    ).toContainEqual(expect.objectContaining({ path: 'mainEntity', severity: 'error' }));
  });

  it('builds a HowTo from the sections, a Product that needs its price, an Organization, a breadcrumb', () => {
    const howTo = structuredData('HowTo', {
      ...source,
      model: textModelOf(toHtml(contentCalendar)),
    });
    expect((howTo.jsonLd.step as unknown[]).length).toBe(4);
    expect(howTo.issues.filter((issue) => issue.severity === 'error')).toEqual([]);

    const product = structuredData('Product', source);
    expect(product.issues).toContainEqual(
      expect.objectContaining({ path: 'offers', severity: 'error' }),
    );
    const priced = structuredData('Product', { ...source, offer: { price: '49.00' } });
    expect(priced.issues).toContainEqual(
      expect.objectContaining({ path: 'offers.priceCurrency', severity: 'error' }),
    );
    const complete = structuredData('Product', {
      ...source,
      brand: 'Example',
      offer: { price: '49.00', priceCurrency: 'EUR', availability: 'InStock' },
    });
    expect(complete.issues).toEqual([]);
    expect(complete.jsonLd.offers).toMatchObject({ availability: 'https://schema.org/InStock' });

    expect(structuredData('Organization', source).issues).toEqual([]);
    expect(structuredData('Organization', { siteName: 'Example' }).issues).toContainEqual(
      expect.objectContaining({ path: 'url', severity: 'error' }),
    );

    const crumbs = structuredData('BreadcrumbList', source);
    expect(crumbs.jsonLd.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Example', item: 'https://example.com' },
      { '@type': 'ListItem', position: 2, name: 'Blog', item: 'https://example.com/blog' },
      { '@type': 'ListItem', position: 3, name: source.title, item: source.url },
    ]);
    expect(crumbs.issues).toEqual([]);
  });

  it('validates any JSON-LD: nested nodes, graphs, and a script that cannot close early', () => {
    expect(
      validateJsonLd({
        '@graph': [
          {
            '@type': 'FAQPage',
            mainEntity: [{ '@type': 'Question', name: 'Why?', acceptedAnswer: {} }],
          },
          { '@type': 'Organization', name: 'X', url: 'https://x.example' },
        ],
      }),
    ).toEqual([
      expect.objectContaining({
        path: '@graph[0].mainEntity[0].acceptedAnswer.text',
        severity: 'error',
      }),
      expect.objectContaining({ path: '@graph[1].logo', severity: 'warning' }),
    ]);
    expect(validateJsonLd('nope')).toHaveLength(1);
    expect(structuredData('Article', { title: '</script><script>alert(1)' }).script).not.toContain(
      '</script>',
    );
  });

  it('writes OpenGraph and Twitter tags, and names the ones it could not fill', () => {
    const { tags, missing } = socialTags(source);
    expect(tags).toEqual(
      expect.arrayContaining([
        { property: 'og:title', content: source.title },
        { property: 'og:locale', content: 'en' },
        { property: 'twitter:card', content: 'summary_large_image' },
      ]),
    );
    expect(missing).toEqual([]);
    const bare = socialTags({ title: 'Untitled' });
    expect(bare.tags).toContainEqual({ property: 'twitter:card', content: 'summary' });
    expect(bare.missing).toEqual(['og:description', 'og:image', 'og:url']);
  });
});
