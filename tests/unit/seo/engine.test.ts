import { analyze, detectFormat, textModelOf } from '../../../analysis/seo';
import {
  contentCalendar,
  redaktionsplan,
  toBlocks,
  toHtml,
  toMarkdown,
} from '../../fixtures/seo/articles';
import { goodPaper } from './helpers';

describe('one text model for every format', () => {
  it('gives the same model and the same analysis for HTML, markdown and Strapi blocks', () => {
    const markdown = toMarkdown(contentCalendar);
    const html = toHtml(contentCalendar);
    const blocks = toBlocks(contentCalendar);
    expect(detectFormat(markdown)).toBe('markdown');
    expect(detectFormat(html)).toBe('html');
    expect(detectFormat(blocks)).toBe('blocks');
    expect(detectFormat(JSON.stringify(blocks))).toBe('blocks');

    const model = textModelOf(markdown);
    expect(textModelOf(html)).toEqual(model);
    expect(textModelOf(blocks)).toEqual(model);
    expect(model.blocks.filter((block) => block.kind === 'heading')).toHaveLength(4);
    expect(model.images).toHaveLength(2);
    expect(model.links.map((link) => link.href)).toEqual([
      '/blog/editorial-metrics',
      'https://contentmarketinginstitute.com/research',
    ]);

    const fromMarkdown = analyze(goodPaper({ content: markdown }));
    expect(analyze(goodPaper({ content: html }))).toEqual(fromMarkdown);
    expect(analyze(goodPaper({ content: JSON.stringify(blocks) }))).toEqual(fromMarkdown);
    expect(fromMarkdown.wordCount).toBeGreaterThan(400);
  });

  it('reads nested lists, entities, and skips scripts and styles', () => {
    const model = textModelOf(
      '<style>p{}</style><ul><li>Plan &amp; publish<ul><li>Weekly</li></ul></li></ul><script>var x = "no";</script><p>Done&nbsp;now.</p>',
    );
    expect(model.blocks.map((block) => block.text)).toEqual([
      'Plan & publish',
      'Weekly',
      'Done now.',
    ]);
  });

  it('scores a well-made article high on both counts', () => {
    const result = analyze(goodPaper());
    expect(result.language).toBe('en');
    expect(result.assessments.filter((item) => item.rating === 'bad')).toEqual([]);
    expect(result.seoScore).toBeGreaterThanOrEqual(90);
    expect(result.readabilityScore).toBeGreaterThanOrEqual(90);
    expect(result.notAvailable).toEqual([]);
  });
});

it('scores an empty body 0 for readability, with nothing to judge', () => {
  const result = analyze({ content: '', keyphrase: 'content calendar' });
  expect(result.readabilityScore).toBe(0);
  expect(result.assessments.filter((item) => item.group === 'readability')).toEqual([]);
  expect(result.assessments.find((item) => item.id === 'textLength')!.rating).toBe('bad');
});

describe('word forms', () => {
  const uses = (keyphrase: string, text: string) =>
    analyze({ content: text, keyphrase, locale: 'en' }).assessments.find(
      (item) => item.id === 'introductionKeyphrase',
    )!.rating;

  it('matches inflected forms and any word order, ignoring function words', () => {
    expect(uses('content calendar', 'We keep two content calendars for the year.')).toBe('good');
    expect(uses('plan', 'Planning takes an hour a week.')).toBe('good');
    expect(
      uses('plan a content calendar', 'The calendars of our content team are planned weekly.'),
    ).toBe('good');
    expect(uses('content calendar', 'Our content lives in a spreadsheet.')).toBe('bad');
  });

  it('matches a quoted keyphrase only as written, in order', () => {
    expect(uses('"content calendar"', 'The content calendar is shared.')).toBe('good');
    expect(uses('"content calendar"', 'The calendar of content is shared.')).toBe('bad');
  });

  it('counts forms in the keyphrase density', () => {
    const result = analyze(goodPaper());
    expect(result.assessments.find((item) => item.id === 'keyphraseDensity')).toMatchObject({
      rating: 'good',
      message: expect.stringMatching(/appears (\d+) times/),
    });
  });
});

describe('German', () => {
  const paper = {
    title: 'Redaktionsplan: so planen Teams ihre Beiträge',
    metaTitle: 'Redaktionsplan: so planen Teams ihre Beiträge',
    metaDescription:
      'Ein Redaktionsplan hilft Ihrem Team, regelmäßig zu veröffentlichen. So finden Sie den richtigen Rhythmus und messen, was der Plan bringt.',
    slug: 'redaktionsplan',
    content: toMarkdown(redaktionsplan),
    keyphrase: 'Redaktionsplan',
    locale: 'de-DE',
    baseUrl: 'https://example.com',
  };

  it('analyses with German stems, function words and the Amstad formula', () => {
    const result = analyze(paper);
    expect(result.language).toBe('de');
    const byId = Object.fromEntries(result.assessments.map((item) => [item.id, item]));
    expect(byId.readingEase!.message).toMatch(/^Amstad reading ease/);
    // "Redaktionspläne" is a form of "Redaktionsplan".
    expect(result.assessments.filter((item) => item.rating === 'bad')).toEqual([]);
    expect(byId.transitionWords!.rating).toBe('good');
  });

  it('finds the Vorgangspassiv and counts German syllables by vowel groups', () => {
    const passive = analyze({
      ...paper,
      content:
        'Der Plan wird jeden Montag besprochen. Die Beiträge werden vom Team geschrieben. Danach wurde alles korrigiert. Der Text wird veröffentlicht.',
    });
    expect(passive.assessments.find((item) => item.id === 'passiveVoice')).toMatchObject({
      rating: 'bad',
      message: expect.stringContaining('100%'),
    });
    const active = analyze({
      ...paper,
      content: 'Wir gehen heute in den Park. Morgen geben wir eine Feier.',
    });
    expect(active.assessments.find((item) => item.id === 'passiveVoice')!.rating).toBe('good');
  });
});

describe('a locale without word lists', () => {
  it('says which checks are not available instead of guessing, and still matches words', () => {
    const result = analyze({
      content: 'Un calendrier éditorial aide l’équipe. Le calendrier éditorial est partagé.',
      keyphrase: 'calendrier éditorial',
      locale: 'fr',
    });
    expect(result.language).toBeNull();
    expect(result.notAvailable.map((item) => item.id).sort()).toEqual([
      'passiveVoice',
      'readingEase',
      'transitionWords',
    ]);
    expect(result.notAvailable[0]!.message).toMatch(/not available for this language/);
    expect(result.assessments.find((item) => item.id === 'introductionKeyphrase')!.rating).toBe(
      'good',
    );
  });
});
