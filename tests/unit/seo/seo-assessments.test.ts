import type { Paper } from '../../../analysis/seo';
import { contentCalendar, toHtml, toMarkdown, type Part } from '../../fixtures/seo/articles';
import { describeCases, goodPaper, type Case } from './helpers';

const withParts = (change: (parts: Part[]) => Part[], overrides: Partial<Paper> = {}) =>
  goodPaper({ content: toMarkdown(change(contentCalendar)), ...overrides });
const withoutImages = () => withParts((parts) => parts.filter((part) => !('img' in part)));
const headingsAll = (text: (i: number) => string) =>
  withParts((parts) => {
    let i = 0;
    return parts.map((part) => ('h' in part ? { h: 2, text: text((i += 1)) } : part));
  });

const cases: Record<string, Case[]> = {
  keyphraseLength: [
    ['two content words', goodPaper(), 'good'],
    [
      'seven content words',
      goodPaper({ keyphrase: 'plan a weekly content calendar for small marketing teams' }),
      'ok',
    ],
    [
      'eleven content words',
      goodPaper({
        keyphrase:
          'plan weekly content calendar small marketing teams agencies startups nonprofits schools',
      }),
      'bad',
      /far too long/,
    ],
    ['no keyphrase', goodPaper({ keyphrase: undefined }), 'bad', /Set a focus keyphrase/],
  ],
  introductionKeyphrase: [
    ['in the first sentence', goodPaper(), 'good'],
    [
      'its words in two sentences',
      withParts(([, ...rest]) => [
        { p: 'Good content takes planning. A shared calendar helps every editor.' },
        ...rest,
      ]),
      'ok',
    ],
    [
      'missing from the first paragraph',
      withParts(([, ...rest]) => [
        { p: 'Publishing steadily is hard. This guide helps.' },
        ...rest,
      ]),
      'bad',
      /first paragraph/,
    ],
  ],
  keyphraseDensity: [
    ['within the range', goodPaper(), 'good', /within the \d+ to \d+ recommended/],
    [
      'used once in 430 words',
      goodPaper({ keyphrase: 'editorial metrics' }),
      'bad',
      /appears 1 time; for 4\d\d words aim for/,
    ],
    [
      'stuffed',
      withParts((parts) => [
        ...parts,
        {
          p: 'Content calendar tips: a content calendar, your content calendar, our content calendar. '.repeat(
            4,
          ),
        },
      ]),
      'bad',
      /stuffing/,
    ],
  ],
  metaTitleKeyphrase: [
    ['at the start', goodPaper(), 'good'],
    [
      'later in the title',
      goodPaper({ metaTitle: 'How to plan a content calendar' }),
      'ok',
      /not at its start/,
    ],
    [
      'its words, not the phrase',
      goodPaper({ metaTitle: 'A calendar for content teams' }),
      'ok',
      /as written/,
    ],
    ['missing', goodPaper({ metaTitle: 'Plan posts your team can keep up with' }), 'bad'],
  ],
  metaDescriptionKeyphrase: [
    ['used once', goodPaper(), 'good'],
    [
      'missing',
      goodPaper({
        metaDescription: 'Learn how to choose a cadence and measure what the plan delivers.',
      }),
      'bad',
    ],
    [
      'in three sentences',
      goodPaper({
        metaDescription:
          'A content calendar helps. Our content calendar guide explains. Build a content calendar today.',
      }),
      'bad',
      /3 sentences/,
    ],
  ],
  slugKeyphrase: [
    ['all words', goodPaper(), 'good'],
    ['some words', goodPaper({ slug: 'calendar-guide' }), 'ok'],
    ['no slug', goodPaper({ slug: '' }), 'bad'],
  ],
  subheadingsKeyphrase: [
    ['two of four subheadings', goodPaper(), 'good', /2 of 4/],
    ['one of four', goodPaper({ keyphrase: 'cadence' }), 'bad', /Only 1 of 4/],
    ['every subheading', headingsAll((i) => `Content calendar step ${i}`), 'bad', /vary them/],
  ],
  imageAltKeyphrase: [
    ['one alt text of two', goodPaper(), 'good'],
    ['no alt text with it', goodPaper({ keyphrase: 'cadence' }), 'ok'],
    ['no images', withoutImages(), 'bad'],
  ],
  competingLinks: [
    ['no competing anchor', goodPaper(), 'good'],
    [
      'an anchor that is the keyphrase',
      withParts((parts) => [
        ...parts,
        { p: 'See also [content calendars](https://example.org/calendars).' },
      ]),
      'bad',
      /reword the anchor/,
    ],
  ],
  previouslyUsedKeyphrase: [
    [
      'not used elsewhere',
      goodPaper({ otherKeyphrases: [{ keyphrase: 'editorial metrics', title: 'Metrics' }] }),
      'good',
    ],
    [
      'used by one entry',
      goodPaper({ otherKeyphrases: [{ keyphrase: 'Content calendars', title: 'Calendars 101' }] }),
      'ok',
      /^Another entry \("Calendars 101"\) already focuses/,
    ],
    [
      'used by an entry the caller may not read: not named',
      goodPaper({ otherKeyphrases: [{ keyphrase: 'content calendars' }] }),
      'ok',
      /^Another entry already focuses on this keyphrase/,
    ],
    [
      'used by two entries',
      goodPaper({
        otherKeyphrases: [
          { keyphrase: 'content calendar', title: 'A' },
          { keyphrase: 'calendar for content', title: 'B' },
        ],
      }),
      'bad',
      /2 other entries/,
    ],
  ],
  metaTitleWidth: [
    ['fits', goodPaper(), 'good', /\d+ px wide: it fits/],
    [
      'too wide',
      goodPaper({
        metaTitle:
          'Content calendar: the complete guide to planning, scheduling and measuring every post your team publishes',
      }),
      'bad',
      /cut it after 600 px/,
    ],
    ['none', goodPaper({ metaTitle: '', title: '' }), 'bad'],
  ],
  metaDescriptionLength: [
    ['between 121 and 156 characters', goodPaper(), 'good'],
    [
      'short',
      goodPaper({ metaDescription: 'How to build a content calendar.' }),
      'ok',
      /use up to 156/,
    ],
    [
      'long',
      goodPaper({ metaDescription: 'A content calendar keeps your team publishing. '.repeat(4) }),
      'ok',
      /cut it/,
    ],
    ['none', goodPaper({ metaDescription: '' }), 'bad'],
  ],
  images: [
    ['two images', goodPaper(), 'good'],
    [
      'an image outside the body counts',
      goodPaper({
        content: toMarkdown(contentCalendar.filter((part) => !('img' in part))),
        images: [{ src: '/cover.jpg', alt: 'Cover' }],
      }),
      'good',
    ],
    ['none', withoutImages(), 'bad'],
  ],
  textLength: [
    ['over 300 words', goodPaper(), 'good'],
    ['about 290 words', goodPaper({ content: toMarkdown(contentCalendar.slice(0, 10)) }), 'ok'],
    [
      'about 245 words',
      goodPaper({ content: toMarkdown(contentCalendar.slice(0, 8)) }),
      'bad',
      /: too short/,
    ],
    [
      'a paragraph',
      goodPaper({ content: toMarkdown(contentCalendar.slice(0, 1)) }),
      'bad',
      /far too short/,
    ],
  ],
  outboundLinks: [
    ['followed', goodPaper(), 'good'],
    [
      'nofollow only',
      goodPaper({
        content: toHtml(contentCalendar).replace(
          'href="https://contentmarketinginstitute.com/research"',
          'href="https://contentmarketinginstitute.com/research" rel="nofollow"',
        ),
      }),
      'ok',
      /nofollow/,
    ],
    [
      'none',
      goodPaper({
        content: toMarkdown(contentCalendar).replace(/\[([^\]]+)\]\(https:[^)]+\)/g, '$1'),
      }),
      'bad',
    ],
  ],
  internalLinks: [
    ['followed', goodPaper(), 'good'],
    [
      'nofollow only',
      goodPaper({
        content: toHtml(contentCalendar).replace(
          'href="/blog/editorial-metrics"',
          'href="/blog/editorial-metrics" rel="nofollow"',
        ),
      }),
      'ok',
    ],
    [
      'none',
      goodPaper({ content: toMarkdown(contentCalendar).replace(/\[([^\]]+)\]\(\/[^)]+\)/g, '$1') }),
      'bad',
    ],
    [
      'absolute links to the site are internal',
      goodPaper({
        content: toMarkdown(contentCalendar)
          .replace('(/blog/editorial-metrics)', '(https://www.example.com/blog/metrics)')
          .replace(/\(https:\/\/content[^)]+\)/, '(https://example.com/research)'),
      }),
      'good',
      /2 internal links/,
    ],
  ],
  singleH1: [
    ['none in the body', goodPaper(), 'good'],
    [
      'two',
      withParts((parts) => [{ h: 1, text: 'Content calendar' }, ...parts, { h: 1, text: 'More' }]),
      'bad',
      /2 H1/,
    ],
  ],
};

describeCases(cases);

it('leaves out the keyphrase checks without a keyphrase, and cannibalisation without the site list', () => {
  const { analyze } = jest.requireActual(
    '../../../analysis/seo',
  ) as typeof import('../../../analysis/seo');
  const ids = analyze(goodPaper({ keyphrase: '' })).assessments.map((item) => item.id);
  expect(ids).toContain('keyphraseLength');
  expect(ids).not.toContain('keyphraseDensity');
  expect(ids).not.toContain('previouslyUsedKeyphrase');
});
