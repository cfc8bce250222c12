import { fail, inGroup, pass, plural } from './check';

/** Yoast's text length: below 300 words a page rarely answers a search well. */
export const THIN_WORDS = 300;
/** The SEO engine's 0–100 scores; below this, more than a few of its assessments are bad. */
export const SEO_SCORE_MIN = 60;
export const TEXT_RATIO_MIN = 0.1;

export const contentChecks = inGroup('content', [
  {
    id: 'word-count',
    severity: 'warning',
    run(get) {
      const words = get('seo').wordCount;
      const found = `The page has ${plural(words, 'word')} of text.`;
      return words < THIN_WORDS
        ? fail(
            found,
            `Thin content: give the page at least ${THIN_WORDS} words that answer what a visitor came for, or merge it with a related page.`,
          )
        : pass(found);
    },
  },
  {
    id: 'readability',
    severity: 'notice',
    run(get) {
      const seo = get('seo');
      const results = seo.assessments.filter((result) => result.group === 'readability');
      if (!results.length) return pass('There is too little text to rate its readability.');
      const bad = results
        .filter((result) => result.rating === 'bad')
        .map((result) => result.message);
      const missing = seo.notAvailable.filter((result) => result.group === 'readability').length;
      const found = `Readability scores ${seo.readabilityScore}/100${missing ? ` (${plural(missing, 'assessment')} not available in this language)` : ''}.`;
      return seo.readabilityScore >= SEO_SCORE_MIN
        ? pass(found, bad)
        : fail(
            found,
            'Shorten long sentences and paragraphs and add subheadings; the items say where.',
            { items: bad },
          );
    },
  },
  {
    id: 'keyphrase',
    severity: 'warning',
    applies: (get, { options }) => get('isHtml') && Boolean(options.keyphrase?.trim()),
    run(get, { options }) {
      const seo = get('seo');
      const weak = seo.assessments
        .filter((result) => result.group === 'seo' && result.rating !== 'good')
        .map((result) => result.message);
      const found = `The keyphrase "${options.keyphrase!.trim()}" scores ${seo.seoScore}/100.`;
      return seo.seoScore >= SEO_SCORE_MIN
        ? pass(found, weak)
        : fail(
            found,
            'Use the keyphrase in the title, the description, the first paragraph and a subheading; the items say what is missing.',
            { items: weak },
          );
    },
  },
  {
    id: 'text-html-ratio',
    severity: 'notice',
    run(get, { page }) {
      const ratio = get('dom').textChars / page.body.length;
      const found = `Visible text is ${Math.round(ratio * 1000) / 10}% of the HTML.`;
      return ratio < TEXT_RATIO_MIN
        ? fail(
            found,
            'Little text in a lot of markup: move inline scripts, styles and data out of the HTML, or say more on the page.',
          )
        : pass(found);
    },
  },
]);
