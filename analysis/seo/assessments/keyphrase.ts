import { occurrencesIn, shareFound, stemCounts, type Phrase } from '../research/keyphrase';
import type { Research } from '../research/researcher';
import { wordsOf } from '../research/tokens';
import { isSupported } from '../language';
import { hasKeyphrase, percent, plural, result, type Assessment } from './assessment';

/** Whether a text holds every content word of one of the phrases (in any order). */
const holdsAny = (text: string, phrases: Phrase[], get: Research) => {
  const words = wordsOf(text);
  const counts = stemCounts(words, get('language'));
  return phrases.some((phrase) => occurrencesIn(words, counts, phrase) > 0);
};

/** Whether a text names exactly a phrase's topic: the same content words' forms, no others. */
const isSameTopic = (text: string, phrase: Phrase, get: Research) => {
  const language = get('language');
  const stems = new Set(
    wordsOf(text)
      .filter((word) => !language.functionWords.has(word))
      .map(language.stem),
  );
  return stems.size === phrase.stems.length && phrase.stems.every((stem) => stems.has(stem));
};

const keyphraseLength: Assessment = {
  id: 'keyphraseLength',
  group: 'seo',
  assess(get) {
    const keyphrase = get('keyphrase');
    if (!keyphrase)
      return result(1, 'Set a focus keyphrase: the search words this entry should rank for.');
    const count = keyphrase.contentWords.length;
    // Without function-word lists every word counts, so the bands are wider.
    const [good, ok] = isSupported(get('language')) ? [4, 8] : [6, 9];
    if (count <= good)
      return result(9, `The keyphrase has ${plural(count, 'content word')}: a good length.`);
    if (count <= ok)
      return result(
        6,
        `The keyphrase has ${plural(count, 'content word')}: consider a shorter one (up to ${good}).`,
      );
    return result(
      3,
      `The keyphrase has ${plural(count, 'content word')}: far too long to rank for; keep it to ${good} or fewer.`,
    );
  },
};

const introductionKeyphrase: Assessment = {
  id: 'introductionKeyphrase',
  group: 'seo',
  applies: hasKeyphrase,
  assess(get) {
    const first = get('model').blocks.findIndex((block) => block.kind === 'paragraph');
    const sentences = get('sentences').filter((sentence) => sentence.block === first);
    const topics = get('topics');
    if (
      sentences.some((sentence) =>
        topics.some((topic) => occurrencesIn(sentence.words, sentence.counts, topic) > 0),
      )
    )
      return result(
        9,
        'The first paragraph uses the keyphrase: readers and search engines see the topic at once.',
      );
    const paragraph = get('model').blocks[first];
    if (paragraph && holdsAny(paragraph.text, topics, get))
      return result(
        6,
        "The keyphrase's words are in the first paragraph, but not in one sentence: bring them together.",
      );
    return result(
      3,
      'Use the keyphrase (or a synonym) in the first paragraph, so the topic is clear from the start.',
    );
  },
};

/**
 * Our own weighting (Yoast documents the idea, not a formula): each content word beyond the
 * first makes a match count half as much again, so a longer keyphrase needs fewer uses.
 */
const weightOf = (phrase: Phrase) => 1 + 0.5 * (phrase.contentWords.length - 1);
const MIN_DENSITY = 0.5;
// 3.5% rather than 3%: word forms count as matches, which raises the density of natural text.
const MAX_DENSITY = 3.5;
const STUFFED_DENSITY = 4;

const keyphraseDensity: Assessment = {
  id: 'keyphraseDensity',
  group: 'seo',
  applies: (get) => hasKeyphrase(get) && get('wordCount') > 0,
  assess(get) {
    const words = get('wordCount');
    const found = get('keyphraseOccurrences');
    const weight = weightOf(get('keyphrase')!);
    const times = plural(found, 'time');
    // Below 100 words a percentage means little: count the uses instead.
    if (words < 100) {
      const most = words > 50 ? 2 : 1;
      if (found === 0)
        return result(
          4,
          `The keyphrase does not appear yet: use it ${most === 1 ? 'once' : 'once or twice'}.`,
        );
      if (found <= most)
        return result(9, `The keyphrase appears ${times}: right for a short text.`);
      return result(
        found === most + 1 ? -10 : -50,
        `The keyphrase appears ${times} in ${plural(words, 'word')}: that reads as stuffing; use it at most ${plural(most, 'time')}.`,
      );
    }
    const least = Math.max(1, Math.ceil(((MIN_DENSITY / 100) * words) / weight));
    const most = Math.max(least, Math.floor(((MAX_DENSITY / 100) * words) / weight));
    const density = (found * weight * 100) / words;
    const aim = `for ${plural(words, 'word')} aim for ${least} to ${most}`;
    if (found === 0) return result(4, `The keyphrase does not appear in the text; ${aim}.`);
    if (found < least) return result(4, `The keyphrase appears ${times}; ${aim}.`);
    if (density <= MAX_DENSITY)
      return result(
        9,
        `The keyphrase appears ${times}: within the ${least} to ${most} recommended.`,
      );
    return result(
      density <= STUFFED_DENSITY ? -10 : -50,
      `The keyphrase appears ${times}, more than the ${most} recommended: search engines may read it as stuffing.`,
    );
  },
};

const metaTitleKeyphrase: Assessment = {
  id: 'metaTitleKeyphrase',
  group: 'seo',
  applies: hasKeyphrase,
  assess(get) {
    const title = get('metaTitle');
    const keyphrase = get('keyphrase')!;
    if (!title) return result(2, 'Write an SEO title that starts with the keyphrase.');
    const language = get('language');
    const words = wordsOf(title);
    const leading = words.findIndex((word) => !language.functionWords.has(word));
    const at = (start: number) => keyphrase.words.every((word, i) => words[start + i] === word);
    const exactAt = words.findIndex((_, i) => at(i));
    if (exactAt === 0 || (exactAt >= 0 && exactAt === leading))
      return result(9, 'The SEO title starts with the keyphrase.');
    if (exactAt > 0)
      return result(
        6,
        'The SEO title has the keyphrase, but not at its start: move it to the front.',
      );
    if (!keyphrase.exact && holdsAny(title, [keyphrase], get))
      return result(
        6,
        "The SEO title has the keyphrase's words, but not as the phrase: use it as written, at the start.",
      );
    return result(2, 'The SEO title lacks the keyphrase: put it at the start.');
  },
};

const metaDescriptionKeyphrase: Assessment = {
  id: 'metaDescriptionKeyphrase',
  group: 'seo',
  applies: hasKeyphrase,
  assess(get, paper) {
    const description = paper.metaDescription?.trim();
    if (!description) return result(3, 'Write a meta description that uses the keyphrase.');
    const language = get('language');
    const topics = get('topics');
    const sentences = description.split(/(?<=[.!?])\s+/).filter((sentence) => {
      const words = wordsOf(sentence);
      const counts = stemCounts(words, language);
      return topics.some((topic) => occurrencesIn(words, counts, topic) > 0);
    }).length;
    if (sentences === 0)
      return result(3, 'The meta description lacks the keyphrase: use it once, naturally.');
    if (sentences <= 2) return result(9, 'The meta description uses the keyphrase.');
    return result(
      3,
      `The meta description uses the keyphrase in ${sentences} sentences: once or twice is enough.`,
    );
  },
};

const slugKeyphrase: Assessment = {
  id: 'slugKeyphrase',
  group: 'seo',
  applies: hasKeyphrase,
  assess(get, paper) {
    if (!paper.slug?.trim()) return result(3, 'Set a slug (URL) that holds the keyphrase.');
    const keyphrase = get('keyphrase')!;
    const share = shareFound(
      stemCounts(wordsOf(paper.slug.replace(/[-_/]+/g, ' ')), get('language')),
      keyphrase,
    );
    const enough = keyphrase.stems.length <= 2 ? share === 1 : share > 0.5;
    return enough
      ? result(9, 'The slug holds the keyphrase.')
      : result(6, "The slug misses some of the keyphrase's words: add them.");
  },
};

const subheadingsKeyphrase: Assessment = {
  id: 'subheadingsKeyphrase',
  group: 'seo',
  applies: hasKeyphrase,
  assess(get) {
    const language = get('language');
    // A subheading reflects the topic with half its content words (all, without word lists).
    const need = isSupported(language) ? 0.5 : 1;
    const topics = get('topics');
    const headings = get('headingUnits').filter((_, i) => {
      const level = get('headings')[i]!.level;
      return level === 2 || level === 3;
    });
    if (!headings.length) {
      return get('wordCount') <= 300
        ? result(9, 'A short text needs no subheadings.')
        : result(2, 'Add H2 and H3 subheadings, some of them with the keyphrase.');
    }
    const reflecting = headings.filter((heading) =>
      topics.some((topic) => shareFound(heading.counts, topic) >= need),
    ).length;
    const share = reflecting / headings.length;
    if (headings.length === 1)
      return reflecting
        ? result(9, 'The subheading reflects the keyphrase.')
        : result(3, 'Use the keyphrase (or a synonym) in the subheading.');
    if (share >= 0.3 && share <= 0.75)
      return result(
        9,
        `${reflecting} of ${headings.length} subheadings reflect the keyphrase: well balanced.`,
      );
    if (share < 0.3)
      return result(
        3,
        `Only ${reflecting} of ${headings.length} subheadings reflect the keyphrase: use it in about a third to three quarters of them.`,
      );
    return result(
      3,
      `${percent(share)} of the subheadings repeat the keyphrase: vary them; three quarters at most.`,
    );
  },
};

const imageAltKeyphrase: Assessment = {
  id: 'imageAltKeyphrase',
  group: 'seo',
  applies: hasKeyphrase,
  assess(get) {
    const images = get('images');
    if (!images.length) return result(3, 'Add an image whose alt text holds the keyphrase.');
    const topics = get('topics');
    const language = get('language');
    const matching = images.filter((image) => {
      const counts = stemCounts(wordsOf(image.alt), language);
      return topics.some((topic) => shareFound(counts, topic) >= 0.5);
    }).length;
    if (images.length < 5)
      return matching
        ? result(
            9,
            `${matching} of ${plural(images.length, 'image')} ${matching === 1 ? 'has' : 'have'} the keyphrase in the alt text.`,
          )
        : result(6, 'None of the images has the keyphrase in its alt text: describe one with it.');
    const share = matching / images.length;
    if (share >= 0.3 && share <= 0.75)
      return result(
        9,
        `${matching} of ${images.length} images have the keyphrase in their alt text.`,
      );
    return result(
      6,
      share < 0.3
        ? `Only ${matching} of ${images.length} images have the keyphrase in their alt text: aim for a third or more.`
        : `${matching} of ${images.length} images repeat the keyphrase in their alt text: describe some differently.`,
    );
  },
};

/** A link whose anchor is the keyphrase competes with this page for it. */
const competingLinks: Assessment = {
  id: 'competingLinks',
  group: 'seo',
  applies: (get) => hasKeyphrase(get) && get('model').links.length > 0,
  assess(get) {
    const topics = get('topics');
    const competing = get('model').links.filter((link) =>
      topics.some((topic) => isSameTopic(link.text, topic, get)),
    );
    return competing.length
      ? result(
          2,
          `${plural(competing.length, 'link')} use the keyphrase as anchor text, pointing readers elsewhere for the words this page should rank for: reword the anchor.`,
        )
      : result(8, 'No link competes for the keyphrase.');
  },
};

/** Cannibalisation: the keyphrase is already another entry's focus (the server supplies those). */
const previouslyUsedKeyphrase: Assessment = {
  id: 'previouslyUsedKeyphrase',
  group: 'seo',
  applies: (get, paper) => hasKeyphrase(get) && paper.otherKeyphrases !== undefined,
  assess(get, paper) {
    const keyphrase = get('keyphrase')!;
    const same = (paper.otherKeyphrases ?? []).filter(({ keyphrase: other }) =>
      isSameTopic(other, keyphrase, get),
    );
    if (!same.length) return result(9, 'No other entry focuses on this keyphrase.');
    // Titles only where the caller may see them: a report is read by anyone who may read its entry.
    const named = same.filter((entry) => entry.title).map((entry) => `"${entry.title}"`);
    const which = named.length ? ` (${named.slice(0, 3).join(', ')})` : '';
    return same.length === 1
      ? result(
          6,
          `Another entry${which} already focuses on this keyphrase: pick another, or make one of them the main page (the SEO overview lists them).`,
        )
      : result(
          1,
          `${same.length} other entries${which} focus on this keyphrase: they compete with each other; give each its own (the SEO overview lists them).`,
        );
  },
};

export const keyphraseAssessments = [
  keyphraseLength,
  introductionKeyphrase,
  keyphraseDensity,
  metaTitleKeyphrase,
  metaDescriptionKeyphrase,
  slugKeyphrase,
  subheadingsKeyphrase,
  imageAltKeyphrase,
  competingLinks,
  previouslyUsedKeyphrase,
];
