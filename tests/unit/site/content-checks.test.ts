import { brokenPage, checkOf, fetched, germanArticle, goodArticle, html, ran } from './fixtures';

/** Long sentences in long paragraphs, without subheadings: hard to read. */
const HARD_TEXT = Array.from(
  { length: 6 },
  () =>
    `<p>${'The implementation of comprehensive organisational content governance frameworks necessitates considerable interdepartmental coordination, extensive documentation of responsibilities and the continuous evaluation of editorial performance indicators across every publication channel that the organisation maintains '.repeat(3)}.</p>`,
).join('');

describe('word-count', () => {
  it('passes 300 words or more, counting the main content only', () => {
    const result = checkOf(goodArticle(), 'word-count');
    expect(result.passed).toBe(true);
    expect(result.found).toMatch(/^The page has 4\d\d words of text\.$/);
  });

  it('leaves navigation and footers out when the page marks its main content', () => {
    const withMenu = html().replace(
      '<nav>',
      `<nav>${'<a href="/x">One more menu entry</a>'.repeat(50)}`,
    );
    expect(checkOf(fetched(withMenu), 'word-count').found).toBe(
      checkOf(goodArticle(), 'word-count').found,
    );
    const bare = html()
      .replace(/<\/?main>/g, '')
      .replace(/<\/?article>/g, '');
    expect(
      checkOf(
        fetched(bare.replace('<nav>', `<nav>${'<a href="/x">One more menu entry</a>'.repeat(50)}`)),
        'word-count',
      ).found,
    ).not.toBe(checkOf(fetched(bare), 'word-count').found);
  });

  it('warns about thin content', () => {
    expect(checkOf(brokenPage(), 'word-count')).toMatchObject({
      passed: false,
      severity: 'warning',
      found: 'The page has 18 words of text.',
    });
  });
});

describe('readability', () => {
  it('passes an easy text', () => {
    expect(checkOf(goodArticle(), 'readability')).toMatchObject({
      passed: true,
      found: 'Readability scores 100/100.',
    });
  });

  it('notes a hard text, with what the engine found', () => {
    const result = checkOf(
      fetched(html({ body: `<main><h1>Governance</h1>${HARD_TEXT}</main>` })),
      'readability',
    );
    expect(result).toMatchObject({ passed: false, severity: 'notice' });
    expect(result.found).toMatch(/^Readability scores \d+\/100\.$/);
    expect(Number(/(\d+)\/100/.exec(result.found)?.[1])).toBeLessThan(60);
    expect(result.items?.length).toBeGreaterThanOrEqual(2);
  });

  it('says which assessments a language lacks', () => {
    const page = fetched(
      html({
        lang: 'fi',
        body: '<main><p>Sisältökalenteri auttaa tiimiä julkaisemaan säännöllisesti. Se kertoo, mitä julkaistaan ja milloin.</p></main>',
      }),
    );
    expect(checkOf(page, 'readability').found).toMatch(/not available in this language\)\.$/);
  });
});

describe('keyphrase', () => {
  it('passes a page written around its keyphrase', () => {
    const result = checkOf(goodArticle(), 'keyphrase', { keyphrase: 'content calendar' });
    expect(result.passed).toBe(true);
    expect(result.found).toMatch(/^The keyphrase "content calendar" scores (9\d|100)\/100\.$/);
    // The first paragraph is the article's, not the menu's: nothing is left to improve.
    expect(result.items).toBeUndefined();
  });

  it('fails a page about something else, listing what is missing', () => {
    const result = checkOf(germanArticle(), 'keyphrase', { keyphrase: 'content calendar' });
    expect(result).toMatchObject({ passed: false, severity: 'warning' });
    expect(result.items).toContain('The SEO title lacks the keyphrase: put it at the start.');
  });

  it('runs only when a keyphrase is given', () => {
    expect(ran(goodArticle(), 'keyphrase')).toBe(false);
    expect(ran(goodArticle(), 'keyphrase', { keyphrase: '  ' })).toBe(false);
  });
});

describe('text-html-ratio', () => {
  it('passes a page that is mostly text', () => {
    expect(checkOf(goodArticle(), 'text-html-ratio').passed).toBe(true);
  });

  it('notes text under 10% of the HTML', () => {
    const result = checkOf(brokenPage(), 'text-html-ratio');
    expect(result).toMatchObject({ passed: false, severity: 'notice' });
    expect(result.found).toMatch(/^Visible text is \d\.\d% of the HTML\.$/);
  });
});
