import { isValidLanguageTag } from '../../../analysis/site/language-tags';
import { parseLinkHeader } from '../../../analysis/site/link-header';
import { linkTextKey, vagueLinkTexts } from '../../../analysis/site/link-texts';
import { blocksIndexing, robotsDirectives } from '../../../analysis/site/robots-directives';

describe('isValidLanguageTag', () => {
  it.each([
    'en',
    'EN-gb',
    'de-AT',
    'pt-BR',
    'zh-Hant',
    'zh-Hant-TW',
    'es-419',
    'sr-Latn-RS',
    'gsw',
    'de-CH-1996',
    'en-x-private',
  ])('accepts %s', (tag) => expect(isValidLanguageTag(tag)).toBe(true));

  it.each(['', 'english', 'en_US', 'en-UK', 'jp', 'xx', 'en-', '-en', 'de-DE-', 'en-GB-x'])(
    'refuses "%s"',
    (tag) => expect(isValidLanguageTag(tag)).toBe(false),
  );
});

describe('robotsDirectives', () => {
  it('reads meta tags for every crawler and for Google, and the header with its user agents', () => {
    const metas = new Map([
      ['robots', ['noindex, follow']],
      ['googlebot', ['nosnippet']],
      ['bingbot', ['noindex']],
    ]);
    const directives = robotsDirectives(
      metas,
      'noarchive, googlebot: nofollow, max-snippet: 20, otherbot: noindex',
    );
    expect(directives).toEqual([
      { source: 'meta', agent: '*', name: 'noindex' },
      { source: 'meta', agent: '*', name: 'follow' },
      { source: 'meta', agent: 'googlebot', name: 'nosnippet' },
      { source: 'header', agent: '*', name: 'noarchive' },
      { source: 'header', agent: 'googlebot', name: 'nofollow' },
      { source: 'header', agent: 'googlebot', name: 'max-snippet', value: '20' },
      { source: 'header', agent: 'otherbot', name: 'noindex' },
    ]);
  });

  it('blocks indexing after an unavailable_after date, not before', () => {
    const [directive] = robotsDirectives(new Map(), 'unavailable_after: 2025-06-01T00:00:00Z');
    expect(blocksIndexing(directive!, Date.parse('2025-05-31T23:59:59Z'))).toBe(false);
    expect(blocksIndexing(directive!, Date.parse('2025-06-01T00:00:00Z'))).toBe(true);
  });
});

describe('parseLinkHeader', () => {
  it('reads each entry with its parameters', () => {
    expect(
      parseLinkHeader(
        '<https://www.example.com/a>; rel="canonical", <https://www.example.com/de/a>; rel=alternate; HrefLang="de"',
      ),
    ).toEqual([
      { href: 'https://www.example.com/a', params: { rel: 'canonical' } },
      { href: 'https://www.example.com/de/a', params: { rel: 'alternate', hreflang: 'de' } },
    ]);
    expect(parseLinkHeader(undefined)).toEqual([]);
  });
});

describe('vague link texts', () => {
  it('compares texts without case, spacing and punctuation around them', () => {
    expect(linkTextKey('  Read   More » ')).toBe('read more');
    expect(linkTextKey('…mehr…')).toBe('mehr');
  });

  it("holds the page's language and English, falling back to English for others", () => {
    expect(vagueLinkTexts('nl-BE').has('lees meer')).toBe(true);
    expect(vagueLinkTexts('nl-BE').has('read more')).toBe(true);
    expect(vagueLinkTexts('nl-BE').has('ici')).toBe(false);
    expect(vagueLinkTexts('fi').has('here')).toBe(true);
    expect(vagueLinkTexts('fi').has('hier')).toBe(false);
    expect(vagueLinkTexts(null).has('aquí')).toBe(true);
  });
});
